/*
 * wfi in machine mode: waits until an interrupt is pending and enabled in
 * mie; it returns when (mip & mie) != 0 whatever mstatus.MIE says (DESIGN),
 * so with MIE = 0 execution simply continues after it with no trap. With
 * MIE = 1 the interrupt is taken and mepc is the instruction after the wfi.
 */
#include "test.h"
#include "irq.h"

TEST_BEGIN
    li a1, MSTATUS_MIE
    csrc CSR_MSTATUS, a1
    IRQ_INSTALL

/* Already pending, MIE = 0: returns at once, no trap. */
    SET_CASE(1)
    li a1, MIP_MSIP
    csrw CSR_MIE, a1
    li a1, MSIP_REG
    li a2, 1
    sw a2, 0(a1)
    li a2, 1000
1:  csrr a0, CSR_MIP
    andi a0, a0, MIP_MSIP
    bnez a0, 2f
    addi a2, a2, -1
    bnez a2, 1b
2:  wfi
    la a1, irq_count
    lw a0, 0(a1)
    CHECK_EQ(a0, x0)
    li a1, MSIP_REG
    sw zero, 0(a1)

/* Timer a little ahead, MIE = 0: wfi waits for it, then continues. */
    SET_CASE(2)
    li a1, MIP_MTIP
    csrw CSR_MIE, a1
    li a1, MTIME_REG
    lw a2, 0(a1)
    lw a3, 4(a1)
    addi a4, a2, 20
    sltu a5, a4, a2
    add a3, a3, a5
    li a1, MTIMECMP_REG
    sw a3, 4(a1)
    sw a4, 0(a1)
    li a2, 1000                 /* a spurious early return is allowed: loop */
3:  wfi
    csrr a0, CSR_MIP
    andi a0, a0, MIP_MTIP
    bnez a0, 4f
    addi a2, a2, -1
    bnez a2, 3b
4:  li t6, MIP_MTIP
    CHECK_EQ(a0, t6)
    la a1, irq_count
    lw a0, 0(a1)
    CHECK_EQ(a0, x0)

/* MIE = 1: the interrupt that ends the wait is taken right after the wfi,
 * with mepc = the instruction following it. */
    SET_CASE(3)
    li a1, MTIMECMP_REG        /* quiet the timer left pending by case 2 */
    li a2, -1
    sw a2, 4(a1)
    sw a2, 0(a1)
    la a1, irq_count
    sw zero, 0(a1)
    li a1, MSTATUS_MIE
    csrs CSR_MSTATUS, a1
    li a1, MTIME_REG
    lw a2, 0(a1)
    lw a3, 4(a1)
    addi a4, a2, 200
    sltu a5, a4, a2
    add a3, a3, a5
    li a1, MTIMECMP_REG
    sw a3, 4(a1)
    sw a4, 0(a1)
    wfi
5:  IRQ_WAIT(1)
    li t6, 1
    CHECK_EQ(a0, t6)
    SET_CASE(4)
    la a1, irq_log
    lw a0, 0(a1)
    li t6, CAUSE_MTI
    CHECK_EQ(a0, t6)
    SET_CASE(5)
    lw a0, 4(a1)
    la t6, 5b
    CHECK_EQ(a0, t6)

    li a1, MSTATUS_MIE
    csrc CSR_MSTATUS, a1
    csrw CSR_MIE, zero
TEST_END
