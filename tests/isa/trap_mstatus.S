/*
 * Taking a trap in machine mode saves and clears the interrupt enable:
 * MPIE = MIE, MIE = 0, MPP = M; mret restores MIE from MPIE. Observed in the
 * trap handler's record of mstatus (trap_last_status) and after the return.
 * mie is 0, so MIE = 1 admits no interrupt.
 */
#include "test.h"

TEST_BEGIN
    csrw CSR_MIE, zero

/* MIE = 1 at the trap. */
    SET_CASE(1)
    li a1, MSTATUS_MIE
    csrs CSR_MSTATUS, a1
    li a1, MSTATUS_MPP | MSTATUS_MPIE
    csrc CSR_MSTATUS, a1
    li a3, 0
    TRAP_EXPECT(CAUSE_ECALL_M, a3)
    ecall
    TRAP_CHECK
    la a1, trap_last_status
    lw a0, 0(a1)
    li a1, MSTATUS_MPP | MSTATUS_MPIE | MSTATUS_MIE
    and a0, a0, a1
    li t6, MSTATUS_MPP | MSTATUS_MPIE       /* MPP = M, MPIE = 1, MIE = 0 */
    CHECK_EQ(a0, t6)
    SET_CASE(2)                             /* after mret: MIE back to 1 */
    csrr a0, CSR_MSTATUS
    andi a0, a0, MSTATUS_MIE
    li t6, MSTATUS_MIE
    CHECK_EQ(a0, t6)

/* MIE = 0 at the trap. */
    SET_CASE(3)
    li a1, MSTATUS_MIE | MSTATUS_MPIE
    csrc CSR_MSTATUS, a1
    li a3, 0
    TRAP_EXPECT(CAUSE_ECALL_M, a3)
    ecall
    TRAP_CHECK
    la a1, trap_last_status
    lw a0, 0(a1)
    li a1, MSTATUS_MPP | MSTATUS_MPIE | MSTATUS_MIE
    and a0, a0, a1
    li t6, MSTATUS_MPP
    CHECK_EQ(a0, t6)
    SET_CASE(4)
    csrr a0, CSR_MSTATUS
    andi a0, a0, MSTATUS_MIE
    CHECK_EQ(a0, x0)

/* Another cause does the same (illegal instruction). */
    SET_CASE(5)
    li a1, MSTATUS_MIE
    csrs CSR_MSTATUS, a1
    li a3, 0
    TRAP_EXPECT(CAUSE_ILLEGAL_INSN, a3)
    .word 0
    TRAP_CHECK
    la a1, trap_last_status
    lw a0, 0(a1)
    li a1, MSTATUS_MPP | MSTATUS_MPIE | MSTATUS_MIE
    and a0, a0, a1
    li t6, MSTATUS_MPP | MSTATUS_MPIE
    CHECK_EQ(a0, t6)
    li a1, MSTATUS_MIE
    csrc CSR_MSTATUS, a1
TEST_END
