/*
 * Supervisor mode: mret with MPP = S enters S at mepc; S code runs with
 * the supervisor CSRs (sscratch) but machine CSRs are illegal (mscratch,
 * mstatus: cause 2, tval = the bits, the trap goes to M with MPP = S); mret
 * from S is illegal; ecall from S is cause 9.
 *
 * NEEDS: su
 */
#include "test.h"
#include "priv.h"

TEST_BEGIN
    PMP_OPEN
    ENTER_S(in_s)
in_s:
TEST_CASE(1, a0, 0x1234, li a1, 0x1234; csrw CSR_SSCRATCH, a1; csrr a0, CSR_SSCRATCH)
    SET_CASE(2)
    CHECK_NOT_M
    SET_CASE(3)                 /* the trap came from S: MPP = 1 */
    la a1, trap_last_status
    lw a0, 0(a1)
    li a1, MSTATUS_MPP
    and a0, a0, a1
    li t6, MSTATUS_MPP_S
    CHECK_EQ(a0, t6)
    SET_CASE(4)
    li a3, 0x30002573           /* csrr a0, mstatus */
    TRAP_EXPECT(CAUSE_ILLEGAL_INSN, a3)
    .word 0x30002573
    TRAP_CHECK
    SET_CASE(5)
    li a3, 0x30200073           /* mret */
    TRAP_EXPECT(CAUSE_ILLEGAL_INSN, a3)
    mret
    TRAP_CHECK
    SET_CASE(6)                 /* ecall from S */
    li a3, 0
    TRAP_EXPECT(CAUSE_ECALL_S, a3)
    ecall
    TRAP_CHECK
    SET_CASE(7)
    LEAVE_S
    /* Back in M: machine CSRs work again. */
TEST_CASE(8, a0, 0x77, li a1, 0x77; csrw CSR_MSCRATCH, a1; csrr a0, CSR_MSCRATCH)
TEST_END
