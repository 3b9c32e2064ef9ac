/*
 * UART both ways: prints "ready\n" through THR (checking THRE first, as on
 * hardware), then echoes every received byte (LSR.DR, RBR) until a newline.
 * With --uart-in the output is "ready\n" and the file's first line.
 */
#include "sim.h"
#define UART MM_UART_BASE
    .section .text.init
    .globl _start
_start:
    li s0, UART
    la s1, ready
1:  lbu a0, 0(s1)
    beqz a0, 2f
    call putc
    addi s1, s1, 1
    j 1b
2:  lbu t0, 5(s0)           /* LSR */
    andi t0, t0, 1          /* DR */
    beqz t0, 2b
    lbu a0, 0(s0)           /* RBR */
    call putc
    li t0, '\n'
    bne a0, t0, 2b
    lbu t0, 5(s0)           /* no byte left behind the newline we stopped at */
    andi t0, t0, 1
    beqz t0, 3f
    lbu t0, 0(s0)
    li t1, '!'
    bne t0, t1, 3f          /* the line after it begins with '!': expected */
    PASS
3:  FAIL(1)

putc:
    lbu t0, 5(s0)
    andi t0, t0, 0x20       /* THRE */
    beqz t0, putc
    sb a0, 0(s0)
    ret

    .data
ready: .asciz "ready\n"
TOHOST_SECTION
