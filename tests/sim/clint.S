/*
 * CLINT: mtime counts, at TIMEBASE_HZ (measured against mcycle), both halves of mtimecmp read back, byte lanes are honoured, msip
 * raises the software interrupt and mtime >= mtimecmp the timer interrupt
 * (taken with mcause 0x80000003 / 0x80000007), and the pending bit follows the
 * 64-bit compare exactly (mtime and mtimecmp set by writes, both halves).
 */
#include "sim.h"
#define CLINT MM_CLINT_BASE
/* a0 <- mip.MTIP (t3 = 0x80). The privileged spec lets MTIP follow a write
 * of mtime or mtimecmp "eventually": here the SoC takes the device write a
 * cycle late and registers the compare, so one instruction goes between. */
#define MTIP_A0 nop; csrr a0, mip; and a0, a0, t3
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
    /* mtime's byte lanes: a byte store changes only its byte (the high
     * half does not tick for 2^32 ticks) */
    li t2, 0x11223344
    sw t2, 4(s2)
    li t2, 0xab
    sb t2, 6(s2)
    lw a0, 4(s2)
    EXPECT(12, a0, 0x11ab3344)
    /* the pending bit (mip.MTIP, interrupts disabled) follows mtime >=
     * mtimecmp over all 64 bits, read right after each write: mtime high
     * 5, low near 0x80000000 (far from a carry into the high half) */
    li t2, 0x80000000
    sw t2, 0(s2)
    li t2, 5
    sw t2, 4(s2)
    li t3, 0x80               /* MTIP */
    li t2, 4                  /* compare {4, ~0}: below mtime */
    sw t2, 4(s1)
    li t2, -1
    sw t2, 0(s1)
    MTIP_A0
    EXPECT(13, a0, 0x80)
    li t2, 6                  /* {6, ~0}: above */
    sw t2, 4(s1)
    MTIP_A0
    EXPECT(14, a0, 0)
    li t2, 5                  /* {5, ~0}: above (same high half, low above) */
    sw t2, 4(s1)
    MTIP_A0
    EXPECT(15, a0, 0)
    li t2, 0x7fff0000         /* {5, 0x7fff0000}: below */
    sw t2, 0(s1)
    MTIP_A0
    EXPECT(16, a0, 0x80)
    lw a1, 0(s2)              /* {5, mtime's low half now}: equal or below */
    sw a1, 0(s1)
    MTIP_A0
    EXPECT(17, a0, 0x80)
    li t2, -1                 /* {~0, ~0}: the largest value, above */
    sw t2, 4(s1)
    sw t2, 0(s1)
    MTIP_A0
    EXPECT(18, a0, 0)
    sw t2, 4(s2)              /* mtime {~0, ~0}: equal (it wraps in a tick) */
    sw t2, 0(s2)
    MTIP_A0
    lw a1, 0(s2)
    addi a1, a1, 1
    bnez a1, 6f               /* (ticked to {0, 0} already: nothing to check) */
    EXPECT(19, a0, 0x80)
6:  sw zero, 0(s2)
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
