/*
 * CLINT: mtime counts, at TIMEBASE_HZ (measured against mcycle), both halves of mtimecmp read back, byte lanes are honoured, msip
 * raises the software interrupt and mtime >= mtimecmp the timer interrupt
 * (taken with mcause 0x80000003 / 0x80000007).
 */
#include "sim.h"
#define CLINT MM_CLINT_BASE
    .section .text.init
    .globl _start
_start:
    INSTALL_TRAPS
    li s0, CLINT
    li s1, CLINT + MM_CLINT_MTIMECMP
    li s2, CLINT + MM_CLINT_MTIME
    /* mtime moves */
    lw a0, 0(s2)
    li t2, 1000
1:  addi t2, t2, -1
    bnez t2, 1b
    lw a1, 0(s2)
    bne a0, a1, 2f
    FAIL(1)
2:  /* the rate: one mtime tick per CLK_HZ / TIMEBASE_HZ cycles of mcycle,
     * within two ticks over about 100 */
    csrr t3, mcycle
    lw t4, 0(s2)
    li t2, 1200
3:  addi t2, t2, -1
    bnez t2, 3b
    csrr t5, mcycle
    lw t6, 0(s2)
    sub t5, t5, t3          /* cycles */
    sub t6, t6, t4          /* ticks */
    li t2, MM_CLK_HZ / MM_TIMEBASE_HZ
    mul t6, t6, t2          /* ticks in cycles */
    sub t5, t5, t6
    bgez t5, 4f
    neg t5, t5
4:  li t2, 2 * (MM_CLK_HZ / MM_TIMEBASE_HZ)
    bleu t5, t2, 5f
    FAIL(11)
5:  /* mtimecmp halves and byte lanes */
    li t2, 0x12345678
    sw t2, 0(s1)
    li t2, 0x9abcdef0
    sw t2, 4(s1)
    lw a0, 0(s1)
    EXPECT(2, a0, 0x12345678)
    lw a0, 4(s1)
    EXPECT(3, a0, 0x9abcdef0)
    li t2, 0xaa
    sb t2, 1(s1)
    lw a0, 0(s1)
    EXPECT(4, a0, 0x1234aa78)
    /* mtime is writable: set the high half, read it back */
    li t2, 5
    sw t2, 4(s2)
    lw a0, 4(s2)
    EXPECT(5, a0, 5)
    sw zero, 4(s2)
    /* an unused offset reads zero */
    lw a0, 8(s0)
    EXPECT(6, a0, 0)
    /* software interrupt */
    li t2, 1
    sw t2, 0(s0)
    lw a0, 0(s0)
    EXPECT(7, a0, 1)
    li t0, 8                /* MSIE */
    csrw mie, t0
    csrsi mstatus, 8        /* MIE */
    nop
    nop
    EXPECT(8, s10, 0x80000003)
    csrci mstatus, 8
    sw zero, 0(s0)
    li s10, -1
    /* timer interrupt: compare 100 ticks ahead, wait in wfi */
    li t2, -1
    sw t2, 4(s1)            /* high first, so no early match */
    lw a0, 0(s2)
    addi a0, a0, 100
    sw a0, 0(s1)
    sw zero, 4(s1)
    li t0, 0x80             /* MTIE */
    csrw mie, t0
    csrsi mstatus, 8
    li t1, -1
3:  wfi
    beq s10, t1, 3b         /* still no trap: sleep again */
    csrci mstatus, 8
    EXPECT(9, s10, 0x80000007)
    lw a1, 0(s2)            /* mtime has reached the compare value */
    bgeu a1, a0, 5f
    FAIL(10)
5:  PASS

TRAP_HANDLER
TOHOST_SECTION
