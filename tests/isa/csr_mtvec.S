/*
 * mtvec: BASE (4-byte aligned) and MODE (0 direct, 1 vectored) are both
 * writable; a reserved MODE (2, 3) never reads back (WARL: a legal mode
 * remains). In vectored mode exceptions still go to BASE, while an
 * interrupt with cause c goes to BASE + 4c: shown with the machine software
 * interrupt (CLINT msip), which lands at BASE + 12.
 */
#include "test.h"

TEST_BEGIN
    csrw CSR_MIE, zero
    li a1, MSTATUS_MIE
    csrc CSR_MSTATUS, a1
    csrr s0, CSR_MTVEC                       /* the framework's handler */

/* Direct and vectored values read back. */
TEST_CASE(1, a0, 0, la a1, table; csrw CSR_MTVEC, a1; csrr a0, CSR_MTVEC; sub a0, a0, a1)
TEST_CASE(2, a0, 0, la a1, table; ori a1, a1, 1; csrw CSR_MTVEC, a1; csrr a0, CSR_MTVEC; sub a0, a0, a1)
/* Reserved modes: whatever is kept, the mode reads 0 or 1. */
TEST_CASE(3, a0, 0, la a1, table; ori a1, a1, 2; csrw CSR_MTVEC, a1; csrr a0, CSR_MTVEC; srli a0, a0, 1; andi a0, a0, 1)
TEST_CASE(4, a0, 0, la a1, table; ori a1, a1, 3; csrw CSR_MTVEC, a1; csrr a0, CSR_MTVEC; srli a0, a0, 1; andi a0, a0, 1)

/* Vectored: an exception (ecall) enters at BASE. */
    SET_CASE(5)
    la a1, table
    ori a1, a1, 1
    csrw CSR_MTVEC, a1
    la a2, hits
    sw zero, 0(a2)
    ecall
    lw a0, 0(a2)
    li t6, 1 << 0                            /* entry 0 */
    CHECK_EQ(a0, t6)
    csrr a0, CSR_MCAUSE
    li t6, CAUSE_ECALL_M
    CHECK_EQ(a0, t6)

/* Vectored: the machine software interrupt enters at BASE + 4 * 3. */
    SET_CASE(6)
    sw zero, 0(a2)
    li a1, MIP_MSIP
    csrw CSR_MIE, a1
    li a1, MSTATUS_MIE
    csrs CSR_MSTATUS, a1
    li a3, MM_CLINT_BASE + MM_CLINT_MSIP
    li a4, 1
    sw a4, 0(a3)                             /* raise msip */
    li a5, 1000                              /* the interrupt arrives within this */
1:  lw a0, 0(a2)
    bnez a0, 2f
    addi a5, a5, -1
    bnez a5, 1b
2:  li t6, 1 << 3                            /* entry 3, and only it */
    CHECK_EQ(a0, t6)
    csrr a0, CSR_MCAUSE
    li t6, CAUSE_MSI
    CHECK_EQ(a0, t6)

/* Direct mode: the same interrupt enters at BASE. */
    SET_CASE(7)
    sw zero, 0(a2)
    la a1, table
    csrw CSR_MTVEC, a1
    li a4, 1
    sw a4, 0(a3)
    li a5, 1000
1:  lw a0, 0(a2)
    bnez a0, 2f
    addi a5, a5, -1
    bnez a5, 1b
2:  li t6, 1 << 0
    CHECK_EQ(a0, t6)
    csrr a0, CSR_MCAUSE
    li t6, CAUSE_MSI
    CHECK_EQ(a0, t6)

    csrw CSR_MIE, zero
    li a1, MSTATUS_MIE
    csrc CSR_MSTATUS, a1
    csrw CSR_MTVEC, s0
TEST_END

/* Vector table: entry k sets bit k in hits, silences the software interrupt
 * and returns (past an ecall, at an interrupted instruction). */
    .align 8
table:
    j vec0
    j vec_other
    j vec_other
    j vec3
    .rept 12
    j vec_other
    .endr
vec0:
    csrw CSR_MSCRATCH, t0
    la t0, save
    sw t1, 0(t0)
    li t1, 1 << 0
    j common
vec3:
    csrw CSR_MSCRATCH, t0
    la t0, save
    sw t1, 0(t0)
    li t1, 1 << 3
common:
    sw t1, 4(t0)                             /* hits */
    csrr t1, CSR_MCAUSE
    bltz t1, 1f
    csrr t1, CSR_MEPC                        /* exception: skip the ecall */
    addi t1, t1, 4
    csrw CSR_MEPC, t1
    j 2f
1:  li t1, MM_CLINT_BASE + MM_CLINT_MSIP     /* interrupt: silence msip */
    sw zero, 0(t1)
2:  lw t1, 0(t0)
    csrr t0, CSR_MSCRATCH
    mret
vec_other:
    li gp, 250
    PRINT("interrupt at a wrong vector entry\n")
    j test_fail

    .data
    .align 2
save: .word 0
hits: .word 0
