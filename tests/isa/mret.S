/*
 * mret: pc = mepc; MIE = MPIE; MPIE = 1; privilege = MPP; MPP = U (the least
 * privileged mode we support). With MPP = M the hart stays in machine mode
 * (machine-only CSRs stay accessible). mie is 0 throughout, so setting MIE
 * lets no interrupt in.
 */
#include "test.h"

TEST_BEGIN
    csrw CSR_MIE, zero

/* Jumps to mepc. */
    SET_CASE(1)
    li a0, 0
    la a1, 1f
    csrw CSR_MEPC, a1
    li a1, MSTATUS_MPP
    csrs CSR_MSTATUS, a1        /* MPP = M */
    mret
    TEST_FAIL
1:  li a0, 1
    li t6, 1
    CHECK_EQ(a0, t6)

/* MPIE = 1 -> MIE = 1, MPIE stays 1, MPP -> U. */
    SET_CASE(2)
    li a1, MSTATUS_MPP | MSTATUS_MPIE
    csrs CSR_MSTATUS, a1
    li a1, MSTATUS_MIE
    csrc CSR_MSTATUS, a1
    la a1, 1f
    csrw CSR_MEPC, a1
    mret
1:  csrr a0, CSR_MSTATUS
    li a1, MSTATUS_MPP | MSTATUS_MPIE | MSTATUS_MIE
    and a0, a0, a1
    li t6, MSTATUS_MPIE | MSTATUS_MIE       /* MPP = U (0) */
    CHECK_EQ(a0, t6)
    csrr a0, CSR_MSCRATCH                   /* still M: no trap */

/* MPIE = 0 -> MIE = 0, MPIE = 1. */
    SET_CASE(3)
    li a1, MSTATUS_MPP | MSTATUS_MIE
    csrs CSR_MSTATUS, a1
    li a1, MSTATUS_MPIE
    csrc CSR_MSTATUS, a1
    la a1, 1f
    csrw CSR_MEPC, a1
    mret
1:  csrr a0, CSR_MSTATUS
    li a1, MSTATUS_MPP | MSTATUS_MPIE | MSTATUS_MIE
    and a0, a0, a1
    li t6, MSTATUS_MPIE
    CHECK_EQ(a0, t6)

/* mret changes no general register. */
    SET_CASE(4)
    li a0, 0x1234
    li a1, MSTATUS_MPP
    csrs CSR_MSTATUS, a1
    la a2, 1f
    csrw CSR_MEPC, a2
    mret
1:  li t6, 0x1234
    CHECK_EQ(a0, t6)
    li a1, MSTATUS_MIE
    csrc CSR_MSTATUS, a1
TEST_END
