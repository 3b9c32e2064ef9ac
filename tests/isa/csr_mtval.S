/*
 * mtval: writable by software (all 32 bits), written by every trap: with
 * the faulting address for misaligned and access faults, with the bits for
 * illegal instructions, and with 0 where the cause has no value (ecall).
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0xdeadbeef, li a1, 0xdeadbeef; csrw CSR_MTVAL, a1; csrr a0, CSR_MTVAL)
TEST_CASE(2, a0, 0x00000001, li a1, 1; csrw CSR_MTVAL, a1; csrr a0, CSR_MTVAL)
TEST_CASE(3, a0, 0,          csrw CSR_MTVAL, zero; csrr a0, CSR_MTVAL)
/* ecall writes 0. */
    SET_CASE(4)
    li a1, -1
    csrw CSR_MTVAL, a1
    li a3, 0
    TRAP_EXPECT(CAUSE_ECALL_M, a3)
    ecall
    TRAP_CHECK
    csrr a0, CSR_MTVAL
    CHECK_EQ(a0, x0)
/* An access fault writes the address. */
    SET_CASE(5)
    li a1, 0xf0000040
    TRAP_EXPECT(CAUSE_LOAD_ACCESS, a1)
    lw a0, 0(a1)
    TRAP_CHECK
    csrr a0, CSR_MTVAL
    CHECK_EQ(a0, a1)
TEST_END
