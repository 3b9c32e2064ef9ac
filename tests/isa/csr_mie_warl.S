/*
 * mie on Accent-V has exactly the six standard M and S enables
 * (0xaaa): writing all ones reads back 0xaaa; mip's writable bits are
 * exactly SSIP, STIP and SEIP.
 *
 * QEMU: no - QEMU 7.2 also implements the H extension's and Sscofpmf's bits in mie/mip.
 */
#include "test.h"

TEST_BEGIN
    li a1, MSTATUS_MIE
    csrc CSR_MSTATUS, a1
    li a1, MM_CLINT_BASE + MM_CLINT_MSIP
    sw zero, 0(a1)
    li a1, MM_CLINT_BASE + MM_CLINT_MTIMECMP
    li a2, -1
    sw a2, 4(a1)
    sw a2, 0(a1)
TEST_CASE(1, a0, 0xaaa, li a1, -1; csrw CSR_MIE, a1; csrr a0, CSR_MIE)
TEST_CASE(2, a0, 0x222, li a1, -1; csrw CSR_MIP, a1; csrr a0, CSR_MIP)
TEST_CASE(3, a0, 0,     csrw CSR_MIP, zero; csrw CSR_MIE, zero; csrr a0, CSR_MIP)
TEST_END
