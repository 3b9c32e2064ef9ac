/*
 * mie and mip on an M/S/U hart without H: mie's enables for SSI, MSI, STI,
 * MTI, SEI, MEI are writable; in mip, SSIP, STIP and SEIP are writable by
 * machine mode, while MSIP follows the CLINT's msip register, MTIP follows
 * mtime >= mtimecmp, and MEIP has no source (no PLIC) - writes to those three
 * are ignored. Interrupts stay disabled (mstatus.MIE = 0) throughout.
 */
#include "test.h"

#define MSIP_REG     (MM_CLINT_BASE + MM_CLINT_MSIP)
#define MTIMECMP_REG (MM_CLINT_BASE + MM_CLINT_MTIMECMP)

/* Poll mip until (mip & mask) == want, at most 1000 times; a0 = last mip & mask. */
#define WAIT_MIP(mask, want)                            \
    li a5, 1000;                                        \
    li a4, want;                                        \
1:  csrr a0, CSR_MIP;                                   \
    li t6, mask;                                        \
    and a0, a0, t6;                                     \
    beq a0, a4, 2f;                                     \
    addi a5, a5, -1;                                    \
    bnez a5, 1b;                                        \
2:

TEST_BEGIN
    li a1, MSTATUS_MIE
    csrc CSR_MSTATUS, a1
    /* Quiet every source first: msip = 0, mtimecmp = max. */
    li a1, MSIP_REG
    sw zero, 0(a1)
    li a1, MTIMECMP_REG
    li a2, -1
    sw a2, 4(a1)
    sw a2, 0(a1)
    csrw CSR_MIP, zero

/* mie: each enable round-trips. */
TEST_CASE(1, a0, 0xaaa, li a1, 0xaaa; csrw CSR_MIE, a1; csrr a0, CSR_MIE)
TEST_CASE(2, a0, 0x008, li a1, MIP_MSIP; csrw CSR_MIE, a1; csrr a0, CSR_MIE)
TEST_CASE(3, a0, 0x080, li a1, MIP_MTIP; csrw CSR_MIE, a1; csrr a0, CSR_MIE)
TEST_CASE(4, a0, 0x222, li a1, MIP_SSIP | MIP_STIP | MIP_SEIP; csrw CSR_MIE, a1; csrr a0, CSR_MIE)
TEST_CASE(5, a0, 0,     csrw CSR_MIE, zero; csrr a0, CSR_MIE)

/* mip: nothing pending now. */
TEST_CASE(6, a0, 0,     csrr a0, CSR_MIP; li a2, 0xaaa; and a0, a0, a2)
/* Software-writable supervisor bits. */
TEST_CASE(7, a0, MIP_SSIP, csrsi CSR_MIP, MIP_SSIP; csrr a0, CSR_MIP; li a2, 0xaaa; and a0, a0, a2)
TEST_CASE(8, a0, MIP_SSIP | MIP_STIP, li a1, MIP_STIP; csrs CSR_MIP, a1; csrr a0, CSR_MIP; li a2, 0xaaa; and a0, a0, a2)
TEST_CASE(9, a0, MIP_SSIP | MIP_STIP | MIP_SEIP, li a1, MIP_SEIP; csrs CSR_MIP, a1; csrr a0, CSR_MIP; li a2, 0xaaa; and a0, a0, a2)
TEST_CASE(10, a0, 0,    csrw CSR_MIP, zero; csrr a0, CSR_MIP; li a2, 0xaaa; and a0, a0, a2)
/* Machine bits cannot be written through mip. */
TEST_CASE(11, a0, 0,    li a1, MIP_MSIP | MIP_MTIP | MIP_MEIP; csrs CSR_MIP, a1; csrr a0, CSR_MIP; li a2, 0xaaa; and a0, a0, a2)

/* MSIP follows the CLINT's msip. */
    SET_CASE(12)
    li a1, MSIP_REG
    li a2, 1
    sw a2, 0(a1)
    WAIT_MIP(MIP_MSIP, MIP_MSIP)
    li t6, MIP_MSIP
    CHECK_EQ(a0, t6)
    SET_CASE(13)
    sw zero, 0(a1)
    WAIT_MIP(MIP_MSIP, 0)
    CHECK_EQ(a0, x0)

/* MTIP follows mtime >= mtimecmp. */
    SET_CASE(14)
    li a1, MTIMECMP_REG
    sw zero, 0(a1)
    sw zero, 4(a1)              /* mtimecmp = 0 <= mtime */
    WAIT_MIP(MIP_MTIP, MIP_MTIP)
    li t6, MIP_MTIP
    CHECK_EQ(a0, t6)
    SET_CASE(15)
    li a2, -1
    sw a2, 4(a1)                /* high word first: never a small value */
    sw a2, 0(a1)
    WAIT_MIP(MIP_MTIP, 0)
    CHECK_EQ(a0, x0)
TEST_END
