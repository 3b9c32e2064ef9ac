/*
 * Machine timer interrupt (CLINT mtime/mtimecmp): with mtimecmp set a little
 * ahead of mtime, MTIE and MIE set, the interrupt arrives while the program
 * spins, with mcause = 0x80000007 and mepc inside the spin loop. Setting
 * mtimecmp to the maximum clears it. When the machine software and timer
 * interrupts are both pending they are taken in the standard priority order:
 * MSI before MTI.
 */
#include "test.h"
#include "irq.h"

TEST_BEGIN
    li a1, MSTATUS_MIE
    csrc CSR_MSTATUS, a1
    csrw CSR_MIE, zero
    IRQ_INSTALL
    li a1, MTIMECMP_REG
    li a2, -1
    sw a2, 4(a1)
    sw a2, 0(a1)

/* mtime advances. */
    SET_CASE(1)
    li a1, MTIME_REG
    lw a2, 0(a1)
    li a3, 100000
1:  lw a0, 0(a1)
    bne a0, a2, 2f
    addi a3, a3, -1
    bnez a3, 1b
2:  sub a0, a0, a2
    beqz a0, 3f
    j 4f
3:  TEST_FAIL
4:

/* mtimecmp = mtime + 50 ticks; spin until it fires. */
    SET_CASE(2)
    li a1, MIP_MTIP
    csrw CSR_MIE, a1
    li a1, MSTATUS_MIE
    csrs CSR_MSTATUS, a1
    li a1, MTIME_REG
    lw a2, 0(a1)
    lw a3, 4(a1)
    addi a4, a2, 50
    sltu a5, a4, a2             /* carry into the high word */
    add a3, a3, a5
    li a1, MTIMECMP_REG
    sw a3, 4(a1)
    sw a4, 0(a1)
    la a1, irq_count
    li a2, 10000000
5:  lw a0, 0(a1)
    bnez a0, 6f
    addi a2, a2, -1
    bnez a2, 5b
6:  li t6, 1
    CHECK_EQ(a0, t6)
    SET_CASE(3)
    la a1, irq_log
    lw a0, 0(a1)
    li t6, CAUSE_MTI
    CHECK_EQ(a0, t6)
    SET_CASE(4)                 /* mepc inside the loop 5b..6b */
    lw a0, 4(a1)
    la a2, 5b
    sltu a3, a0, a2
    CHECK_EQ(a3, x0)
    la a2, 6b
    sltu a3, a0, a2
    li t6, 1
    CHECK_EQ(a3, t6)
    SET_CASE(5)                 /* the handler's mtimecmp = max cleared MTIP */
    csrr a0, CSR_MIP
    andi a0, a0, MIP_MTIP
    CHECK_EQ(a0, x0)

/* Priority: both pending while MIE = 0, then MIE = 1: MSI first. */
    SET_CASE(6)
    li a1, MSTATUS_MIE
    csrc CSR_MSTATUS, a1
    la a1, irq_count
    sw zero, 0(a1)
    li a1, MIP_MTIP | MIP_MSIP
    csrw CSR_MIE, a1
    li a1, MSIP_REG
    li a2, 1
    sw a2, 0(a1)
    li a1, MTIMECMP_REG
    sw zero, 0(a1)
    sw zero, 4(a1)
    li a2, 1000                 /* both visible in mip */
1:  csrr a0, CSR_MIP
    andi a0, a0, MIP_MTIP | MIP_MSIP
    li a3, MIP_MTIP | MIP_MSIP
    beq a0, a3, 2f
    addi a2, a2, -1
    bnez a2, 1b
2:  CHECK_EQ(a0, a3)
    SET_CASE(7)
    li a1, MSTATUS_MIE
    csrs CSR_MSTATUS, a1
    IRQ_WAIT(2)
    li t6, 2
    CHECK_EQ(a0, t6)
    SET_CASE(8)
    la a1, irq_log
    lw a0, 0(a1)
    li t6, CAUSE_MSI
    CHECK_EQ(a0, t6)
    SET_CASE(9)
    lw a0, 8(a1)
    li t6, CAUSE_MTI
    CHECK_EQ(a0, t6)

    li a1, MSTATUS_MIE
    csrc CSR_MSTATUS, a1
    csrw CSR_MIE, zero
TEST_END
