/*
 * sret (from S): pc = sepc; privilege = SPP; SIE = SPIE; SPIE = 1; SPP = U.
 * With mstatus.TSR = 1, sret in S is illegal. sret in M works too (returns
 * to SPP's mode).
 *
 * NEEDS: su
 */
#include "test.h"
#include "priv.h"

TEST_BEGIN
    PMP_OPEN
    csrw CSR_MIE, zero
    ENTER_S(in_s)
in_s:
/* SPP = U, SPIE = 1, SIE = 0 -> U, SIE = 1, SPIE = 1, SPP = 0. */
    SET_CASE(1)
    li a1, MSTATUS_SPP | MSTATUS_SIE
    csrc CSR_SSTATUS, a1
    li a1, MSTATUS_SPIE
    csrs CSR_SSTATUS, a1
    la a1, in_u
    csrw CSR_SEPC, a1
    sret
    TEST_FAIL
in_u:
    SET_CASE(2)
    CHECK_NOT_M
    SET_CASE(3)                 /* in U: the trap record shows MPP = U */
    la a1, trap_last_status
    lw a0, 0(a1)
    li a2, MSTATUS_MPP
    and a2, a0, a2
    CHECK_EQ(a2, x0)
    SET_CASE(4)                 /* and SIE = 1, SPIE = 1, SPP = 0 */
    li a2, MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP
    and a0, a0, a2
    li t6, MSTATUS_SIE | MSTATUS_SPIE
    CHECK_EQ(a0, t6)
    SET_CASE(5)
    LEAVE_U

/* SPP = S, SPIE = 0: stays in S, SIE = 0. */
    ENTER_S(in_s2)
in_s2:
    SET_CASE(6)
    li a1, MSTATUS_SPP | MSTATUS_SIE
    csrs CSR_SSTATUS, a1
    li a1, MSTATUS_SPIE
    csrc CSR_SSTATUS, a1
    la a1, 1f
    csrw CSR_SEPC, a1
    sret
    TEST_FAIL
1:  csrr a0, CSR_SSTATUS
    li a2, MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP
    and a0, a0, a2
    li t6, MSTATUS_SPIE
    CHECK_EQ(a0, t6)
    SET_CASE(7)                 /* still S: sscratch works, mscratch does not */
    csrr a0, CSR_SSCRATCH
    CHECK_NOT_M
    SET_CASE(8)
    LEAVE_S

/* TSR = 1: sret in S is illegal. */
    li a1, MSTATUS_TSR
    csrs CSR_MSTATUS, a1
    ENTER_S(in_s3)
in_s3:
    SET_CASE(9)
    li a3, 0x10200073
    TRAP_EXPECT(CAUSE_ILLEGAL_INSN, a3)
    sret
    TRAP_CHECK
    SET_CASE(10)
    LEAVE_S
    li a1, MSTATUS_TSR
    csrc CSR_MSTATUS, a1

/* sret in M with SPP = S enters S. */
    SET_CASE(11)
    li a1, MSTATUS_SPP
    csrs CSR_MSTATUS, a1
    la a1, in_s4
    csrw CSR_SEPC, a1
    sret
    TEST_FAIL
in_s4:
    SET_CASE(12)
    CHECK_NOT_M
    SET_CASE(13)
    LEAVE_S
TEST_END
