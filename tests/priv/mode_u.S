/*
 * User mode: mret with MPP = U enters U; supervisor and machine CSRs are
 * illegal there (sstatus, satp, mscratch), as are sret and mret and
 * sfence.vma; ecall from U is cause 8 with MPP = U in the trap. Counters
 * are readable from U only when both mcounteren and scounteren allow it.
 *
 * NEEDS: su
 */
#include "test.h"
#include "priv.h"

TEST_BEGIN
    PMP_OPEN
    csrw CSR_MCOUNTEREN, zero
    csrw CSR_SCOUNTEREN, zero
    ENTER_U(in_u)
in_u:
ILLEGAL_HERE(1, 0x10002573)      /* csrr a0, sstatus */
ILLEGAL_HERE(2, 0x18002573)      /* csrr a0, satp */
ILLEGAL_HERE(3, 0x34002573)      /* csrr a0, mscratch */
ILLEGAL_HERE(4, 0x10200073)      /* sret */
ILLEGAL_HERE(5, 0x30200073)      /* mret */
ILLEGAL_HERE(6, 0x12000073)      /* sfence.vma */
ILLEGAL_HERE(7, 0xc0002573)      /* csrr a0, cycle: counters not enabled */
ILLEGAL_HERE(8, 0xc0202573)      /* csrr a0, instret */
    SET_CASE(9)                  /* trap came from U: MPP = 0 */
    la a1, trap_last_status
    lw a0, 0(a1)
    li a1, MSTATUS_MPP
    and a0, a0, a1
    CHECK_EQ(a0, x0)
    SET_CASE(10)
    li a3, 0
    TRAP_EXPECT(CAUSE_ECALL_U, a3)
    ecall
    TRAP_CHECK
    SET_CASE(11)
    LEAVE_U

/* mcounteren alone is not enough for U (S is implemented): scounteren too. */
    li a1, 7
    csrw CSR_MCOUNTEREN, a1
    ENTER_U(in_u2)
in_u2:
ILLEGAL_HERE(12, 0xc0002573)     /* csrr a0, cycle */
    SET_CASE(13)
    LEAVE_U
    li a1, 7
    csrw CSR_SCOUNTEREN, a1
    ENTER_U(in_u3)
in_u3:
    SET_CASE(14)
    csrr a1, CSR_CYCLE
    csrr a2, CSR_INSTRET
    csrr a0, CSR_INSTRET
    sub a0, a0, a2
    bnez a0, 1f
    TEST_FAIL                    /* instret advanced in U */
1:  csrr a0, CSR_TIME
    SET_CASE(15)
    LEAVE_U
    csrw CSR_MCOUNTEREN, zero
    csrw CSR_SCOUNTEREN, zero
TEST_END
