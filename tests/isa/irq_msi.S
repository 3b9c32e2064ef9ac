/*
 * Machine software interrupt (CLINT msip): taken when msip = 1, mie.MSIE = 1
 * and mstatus.MIE = 1, with mcause = 0x80000003, mepc = the instruction it
 * interrupted (which then runs), MPIE = 1 and MIE = 0 inside the handler.
 * Not taken while MIE = 0 or MSIE = 0, even though mip.MSIP shows pending;
 * taken as soon as MIE is set.
 */
#include "test.h"
#include "irq.h"

TEST_BEGIN
    li a1, MSTATUS_MIE
    csrc CSR_MSTATUS, a1
    csrw CSR_MIE, zero
    IRQ_INSTALL

/* Pending, MSIE = 1, MIE = 0: not taken. */
    SET_CASE(1)
    li a1, MIP_MSIP
    csrw CSR_MIE, a1
    li a1, MSIP_REG
    li a2, 1
    sw a2, 0(a1)
    li a2, 200
1:  addi a2, a2, -1
    bnez a2, 1b
    la a1, irq_count
    lw a0, 0(a1)
    CHECK_EQ(a0, x0)
    SET_CASE(2)                 /* but visible in mip */
    csrr a0, CSR_MIP
    andi a0, a0, MIP_MSIP
    li t6, MIP_MSIP
    CHECK_EQ(a0, t6)

/* Setting MIE lets it in at once. */
    SET_CASE(3)
    li a1, MSTATUS_MIE
    csrs CSR_MSTATUS, a1
    nop
    nop
    nop
    nop
    la a1, irq_count
    lw a0, 0(a1)
    li t6, 1
    CHECK_EQ(a0, t6)
    SET_CASE(4)
    la a1, irq_log
    lw a0, 0(a1)
    li t6, CAUSE_MSI
    CHECK_EQ(a0, t6)
    SET_CASE(5)                 /* MPP = M, MPIE = 1, MIE = 0 in the handler */
    la a1, irq_status
    lw a0, 0(a1)
    li a1, MSTATUS_MPP | MSTATUS_MPIE | MSTATUS_MIE
    and a0, a0, a1
    li t6, MSTATUS_MPP | MSTATUS_MPIE
    CHECK_EQ(a0, t6)
    SET_CASE(6)                 /* MIE restored by mret */
    csrr a0, CSR_MSTATUS
    andi a0, a0, MSTATUS_MIE
    li t6, MSTATUS_MIE
    CHECK_EQ(a0, t6)

/* MIE = 1 but MSIE = 0: not taken. */
    SET_CASE(7)
    csrw CSR_MIE, zero
    la a1, irq_count
    sw zero, 0(a1)
    li a1, MSIP_REG
    li a2, 1
    sw a2, 0(a1)
    li a2, 200
1:  addi a2, a2, -1
    bnez a2, 1b
    la a1, irq_count
    lw a0, 0(a1)
    CHECK_EQ(a0, x0)
/* Enabling MSIE takes it; mepc is an instruction of the code below. */
    SET_CASE(8)
    li a1, MIP_MSIP
    csrw CSR_MIE, a1
3:  nop
    nop
    nop
    nop
4:  la a1, irq_count
    lw a0, 0(a1)
    li t6, 1
    CHECK_EQ(a0, t6)
    SET_CASE(9)
    la a1, irq_log
    lw a0, 4(a1)                /* epc in [3b, 4b] */
    la a2, 3b
    sltu a3, a0, a2
    CHECK_EQ(a3, x0)
    la a2, 4b + 4
    sltu a3, a0, a2
    li t6, 1
    CHECK_EQ(a3, t6)

    li a1, MSTATUS_MIE
    csrc CSR_MSTATUS, a1
    csrw CSR_MIE, zero
TEST_END
