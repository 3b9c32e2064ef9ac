/*
 * UART interrupts (the SoC's only external interrupt, mip.MEIP, no PLIC):
 * enabling the THR-empty interrupt raises it at once (IIR 0x02) and reading
 * IIR clears it (then 0x01); with a received byte waiting (the suite passes
 * --uart-in with "x"), enabling the receive interrupt raises it (IIR 0x04)
 * and reading RBR clears it (reading IER, in the same bus word, does not).
 * Each is taken as cause 0x8000000b.
 */
#include "sim.h"
#define UART MM_UART_BASE
    .section .text.init
    .globl _start
_start:
    INSTALL_TRAPS
    li s0, UART
    li t0, 0x800            /* MEIE */
    csrw mie, t0
    csrsi mstatus, 8
    li t2, 0x02             /* IER: THR empty */
    sb t2, 1(s0)
    nop
    nop
    csrci mstatus, 8
    EXPECT(1, s10, 0x8000000b)
    lbu a0, 2(s0)
    EXPECT(2, a0, 0x02)
    lbu a0, 2(s0)           /* reading IIR cleared it */
    EXPECT(3, a0, 0x01)
    li s10, -1
    li t2, 0x01             /* IER: received data */
    sb t2, 1(s0)
1:  lbu a0, 5(s0)           /* wait for the byte */
    andi a0, a0, 1
    beqz a0, 1b
    li t0, 0x800
    csrw mie, t0
    csrsi mstatus, 8
    nop
    nop
    csrci mstatus, 8
    EXPECT(4, s10, 0x8000000b)
    lbu a0, 2(s0)
    EXPECT(5, a0, 0x04)
    lbu a0, 1(s0)           /* IER shares RBR's word: reading it pops nothing */
    EXPECT(8, a0, 0x01)
    lbu a0, 5(s0)
    EXPECT(9, a0, 0x61)     /* LSR: THRE | TEMT | DR */
    lbu a0, 0(s0)
    EXPECT(6, a0, 'x')
    lbu a0, 2(s0)
    EXPECT(7, a0, 0x01)
    sb zero, 1(s0)
    PASS

TRAP_HANDLER
TOHOST_SECTION
