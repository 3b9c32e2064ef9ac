/*
 * mcause: software can write any legal value (exception codes, interrupt
 * codes with bit 31) and read it back; a trap overwrites it with its cause.
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 2,          li a1, 2; csrw CSR_MCAUSE, a1; csrr a0, CSR_MCAUSE)
TEST_CASE(2, a0, 11,         li a1, 11; csrw CSR_MCAUSE, a1; csrr a0, CSR_MCAUSE)
TEST_CASE(3, a0, 0x80000007, li a1, 0x80000007; csrw CSR_MCAUSE, a1; csrr a0, CSR_MCAUSE)
TEST_CASE(4, a0, 0x8000000b, li a1, 0x8000000b; csrw CSR_MCAUSE, a1; csrr a0, CSR_MCAUSE)
TEST_CASE(5, a0, 0,          csrw CSR_MCAUSE, zero; csrr a0, CSR_MCAUSE)
/* A trap writes its cause, clearing the interrupt bit. */
    SET_CASE(6)
    li a1, 0x80000007
    csrw CSR_MCAUSE, a1
    li a3, 0
    TRAP_EXPECT(CAUSE_ECALL_M, a3)
    ecall
    TRAP_CHECK
    csrr a0, CSR_MCAUSE
    li t6, CAUSE_ECALL_M
    CHECK_EQ(a0, t6)
TEST_END
