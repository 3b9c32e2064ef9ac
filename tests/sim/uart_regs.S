/*
 * NS16550A register subset: SCR and LCR read back; with DLAB set, offsets 0
 * and 1 are the divisor latches (and read back), with it clear they are
 * RBR/IER again; IIR reads "no interrupt" (0x01) with FIFOs off and 0xc1
 * with them on; LSR shows THRE and TEMT; IER keeps its four bits.
 */
#include "sim.h"
#define UART MM_UART_BASE
    .section .text.init
    .globl _start
_start:
    li s0, UART
    li t2, 0x5a
    sb t2, 7(s0)
    lbu a0, 7(s0)
    EXPECT(1, a0, 0x5a)
    li t2, 0x03             /* 8N1 */
    sb t2, 3(s0)
    lbu a0, 3(s0)
    EXPECT(2, a0, 0x03)
    li t2, 0x83             /* DLAB */
    sb t2, 3(s0)
    li t2, 0x0c
    sb t2, 0(s0)            /* DLL */
    li t2, 0x01
    sb t2, 1(s0)            /* DLM */
    lbu a0, 0(s0)
    EXPECT(3, a0, 0x0c)
    lbu a0, 1(s0)
    EXPECT(4, a0, 0x01)
    li t2, 0x03
    sb t2, 3(s0)            /* DLAB off */
    lbu a0, 1(s0)           /* IER: never written */
    EXPECT(5, a0, 0x00)
    li t2, 0xff
    sb t2, 1(s0)
    lbu a0, 1(s0)
    EXPECT(6, a0, 0x0f)
    sb zero, 1(s0)
    lbu a0, 2(s0)           /* IIR */
    EXPECT(7, a0, 0x01)
    li t2, 0x07             /* FCR: FIFOs on, reset both */
    sb t2, 2(s0)
    lbu a0, 2(s0)
    EXPECT(8, a0, 0xc1)
    lbu a0, 5(s0)           /* LSR: THRE | TEMT, no data */
    EXPECT(9, a0, 0x60)
    lw a0, 4(s0)            /* word read of 4..7: SCR, MSR, LSR, MCR */
    EXPECT(10, a0, 0x5a006000)
    PASS
TOHOST_SECTION
