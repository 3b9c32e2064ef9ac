/*
 * ecall from machine mode raises environment call from M (cause 11) with
 * mepc = its address and mtval = 0 (even when mtval held something else);
 * the handler returns past it with the registers intact.
 */
#include "test.h"

TEST_BEGIN
    SET_CASE(1)
    li a3, 0
    TRAP_EXPECT(CAUSE_ECALL_M, a3)
    ecall
    TRAP_CHECK

    SET_CASE(2)                 /* mtval is written with 0, not left alone */
    li a0, 0x12345678
    csrw CSR_MTVAL, a0
    li a3, 0
    TRAP_EXPECT(CAUSE_ECALL_M, a3)
    ecall
    TRAP_CHECK
    li t6, 0x12345678
    CHECK_EQ(a0, t6)

    SET_CASE(3)                 /* a7 / a0, the SBI-style argument registers, untouched */
    li a7, 0x10
    li a0, 0x20
    li a3, 0
    TRAP_EXPECT(CAUSE_ECALL_M, a3)
    ecall
    TRAP_CHECK
    li t6, 0x10
    CHECK_EQ(a7, t6)
    li t6, 0x20
    CHECK_EQ(a0, t6)
TEST_END
