/*
 * The tohost syscall proxy: write(1, ...) and write(2, ...) through a
 * magic_mem block (eight 64-bit words: which, arg0, arg1, arg2, ...); the
 * harness prints the bytes, puts the return value in word 0, sets fromhost
 * and clears tohost. Checks all three, then passes.
 */
#include "sim.h"
    .data   /* first: the lengths are used below */
msg_out: .ascii "hello from tohost\n"
    .equ msg_out_len, . - msg_out
msg_err: .ascii "to stderr\n"
    .equ msg_err_len, . - msg_err
    .align 3
magic_mem: .space 64
    .section .text.init
    .globl _start
_start:
    li s0, 1                /* fd */
    la s1, msg_out
    li s2, msg_out_len
    call do_write
    EXPECT(1, a0, msg_out_len)
    li s0, 2
    la s1, msg_err
    li s2, msg_err_len
    call do_write
    EXPECT(2, a0, msg_err_len)
    /* write to a bad fd: -EBADF */
    li s0, 7
    la s1, msg_err
    li s2, 1
    call do_write
    EXPECT(3, a0, -9)
    PASS

/* write(s0, s1, s2) through magic_mem; returns the result in a0. */
do_write:
    la t0, magic_mem
    li t1, 64
    sw t1, 0(t0)
    sw zero, 4(t0)
    sw s0, 8(t0)
    sw zero, 12(t0)
    sw s1, 16(t0)
    sw zero, 20(t0)
    sw s2, 24(t0)
    sw zero, 28(t0)
    la t1, fromhost
    sw zero, 0(t1)
    la t1, tohost
    sw t0, 0(t1)
    sw zero, 4(t1)
    la t1, fromhost
1:  lw t2, 0(t1)
    beqz t2, 1b
    sw zero, 0(t1)
    la t1, tohost           /* the harness cleared it */
    lw t2, 0(t1)
    beqz t2, 2f
    FAIL(9)
2:  lw a0, 0(t0)
    ret

TOHOST_SECTION
