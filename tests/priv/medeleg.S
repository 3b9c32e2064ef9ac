/*
 * Exception delegation: a cause whose medeleg bit is set, raised in S or U,
 * goes to the S-mode handler (stvec) with scause, sepc, stval written and
 * sstatus.SPP = the mode it came from; mcause is left alone. Raised in M it
 * still goes to M. Causes not delegated still go to M. Here: illegal
 * instruction (2) and ecall from U (8) are delegated, breakpoint is not.
 *
 * NEEDS: su
 */
#include "test.h"
#include "priv.h"

TEST_BEGIN
    PMP_OPEN
    csrw CSR_MIE, zero
    la a1, strap_entry
    csrw CSR_STVEC, a1
    li a1, (1 << CAUSE_ILLEGAL_INSN) | (1 << CAUSE_ECALL_U)
    csrw CSR_MEDELEG, a1
    csrw CSR_MCAUSE, zero

    ENTER_U(in_u)
in_u:
/* Illegal instruction in U -> S handler. */
    SET_CASE(1)
1:  .word 0x00000000
    la a1, s_last
    lw a0, 0(a1)
    li t6, CAUSE_ILLEGAL_INSN
    CHECK_EQ(a0, t6)
    SET_CASE(2)
    lw a0, 4(a1)
    la t6, 1b
    CHECK_EQ(a0, t6)
    SET_CASE(3)
    lw a0, 8(a1)                /* stval = the bits */
    CHECK_EQ(a0, x0)
    SET_CASE(4)                 /* SPP = U */
    lw a0, 12(a1)
    andi a0, a0, MSTATUS_SPP
    CHECK_EQ(a0, x0)
/* ecall from U -> S handler, stval 0. */
    SET_CASE(5)
1:  ecall
    la a1, s_last
    lw a0, 0(a1)
    li t6, CAUSE_ECALL_U
    CHECK_EQ(a0, t6)
    SET_CASE(6)
    lw a0, 4(a1)
    la t6, 1b
    CHECK_EQ(a0, t6)
    SET_CASE(7)
    lw a0, 16(a1)               /* two traps reached S */
    li t6, 2
    CHECK_EQ(a0, t6)
/* Breakpoint is not delegated: M takes it (tval unchecked: QEMU writes 0). */
    SET_CASE(8)
    la s10, 1f
    TRAP_EXPECT_FULL(CAUSE_BREAKPOINT, x0, s10, x0, TE_NO_TVAL)
1:  ebreak
    TRAP_CHECK
/* Back to M: ecall from U is delegated now, so leave through the
 * undelegated breakpoint, returning in M. */
    SET_CASE(9)
    la s10, 1f
    la s11, in_m
    TRAP_EXPECT_FULL(CAUSE_BREAKPOINT, x0, s10, s11, TE_TO_M | TE_NO_TVAL)
1:  ebreak
    TEST_FAIL
in_m:
    TRAP_CHECK
    SET_CASE(10)                /* mcause never saw the delegated traps */
    la a1, trap_last_cause
    lw a0, 0(a1)
    li t6, CAUSE_BREAKPOINT
    CHECK_EQ(a0, t6)

/* In S: illegal instruction (delegated) -> S handler, SPP = S. */
    ENTER_S(in_s)
in_s:
    SET_CASE(11)
    .word 0xffffffff
    la a1, s_last
    lw a0, 0(a1)
    li t6, CAUSE_ILLEGAL_INSN
    CHECK_EQ(a0, t6)
    SET_CASE(12)
    lw a0, 8(a1)
    li t6, 0xffffffff
    CHECK_EQ(a0, t6)
    SET_CASE(13)
    lw a0, 12(a1)
    andi a0, a0, MSTATUS_SPP
    li t6, MSTATUS_SPP
    CHECK_EQ(a0, t6)
    SET_CASE(14)                /* ecall from S is not delegated: M */
    LEAVE_S

/* In M: a delegated cause still traps to M. */
    SET_CASE(15)
    li a3, 0
    TRAP_EXPECT(CAUSE_ILLEGAL_INSN, a3)
    .word 0
    TRAP_CHECK
    SET_CASE(16)
    la a1, s_last
    lw a0, 16(a1)               /* S handler count unchanged: 3 */
    li t6, 3
    CHECK_EQ(a0, t6)
    csrw CSR_MEDELEG, zero
TEST_END

S_HANDLER
