/*
 * With IALIGN = 32 (no C extension) mepc[1:0] always read zero: a write of
 * an address with either low bit set reads back with them cleared, so mret
 * can never jump to a misaligned address.
 *
 * QEMU: no - QEMU 7.2 keeps mepc bits 1:0 as written when C is disabled.
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0x80001234, li a1, 0x80001237; csrw CSR_MEPC, a1; csrr a0, CSR_MEPC)
TEST_CASE(2, a0, 0x80001234, li a1, 0x80001235; csrw CSR_MEPC, a1; csrr a0, CSR_MEPC)
TEST_CASE(3, a0, 0x80001234, li a1, 0x80001236; csrw CSR_MEPC, a1; csrr a0, CSR_MEPC)
TEST_CASE(4, a0, 0xfffffffc, li a1, -1; csrw CSR_MEPC, a1; csrr a0, CSR_MEPC)
/* mret to a written mepc of label + 2 goes to the label. */
    SET_CASE(5)
    li a0, 0
    la a1, 1f + 2
    csrw CSR_MEPC, a1
    li a1, MSTATUS_MPP
    csrs CSR_MSTATUS, a1
    mret
    TEST_FAIL
1:  li a0, 1
    li t6, 1
    CHECK_EQ(a0, t6)
TEST_END
