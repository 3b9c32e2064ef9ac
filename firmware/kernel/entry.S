/*
 * Reset entry and machine-mode trap vector. The boot ROM (or QEMU) enters
 * _start in M mode with a0 = hart id, a1 = device tree. We set up the M stack
 * and hand over to shim_main (shim.c), which drops to S mode. The M vector
 * saves every register on the M stack so shim_trap can serve SBI calls and
 * forward the machine timer, then returns with mret.
 */
#include "csr.h"
#include "gprsave.h"

    .section .text.entry, "ax"
    .globl _start
_start:
    la sp, mstack_top
    csrw mscratch, sp
    call shim_main
1:  j 1b

/* S-mode entry from the shim: kmain on the kernel stack (kernel.ld). */
    .globl kentry
kentry:
    la sp, _kstack_top
    call kmain
2:  j 2b

    .text
    .balign 4
    .globl mtrap_vec
mtrap_vec:
    csrrw sp, mscratch, sp      /* sp = M stack, mscratch = interrupted sp */
    addi sp, sp, -128
    SAVE_GPRS sp
    mv a0, sp
    call shim_trap
    lw x1, 4(sp)
    lw x3, 12(sp)
    lw x4, 16(sp)
    lw x5, 20(sp)
    lw x6, 24(sp)
    lw x7, 28(sp)
    lw x8, 32(sp)
    lw x9, 36(sp)
    lw x10, 40(sp)
    lw x11, 44(sp)
    lw x12, 48(sp)
    lw x13, 52(sp)
    lw x14, 56(sp)
    lw x15, 60(sp)
    lw x16, 64(sp)
    lw x17, 68(sp)
    lw x18, 72(sp)
    lw x19, 76(sp)
    lw x20, 80(sp)
    lw x21, 84(sp)
    lw x22, 88(sp)
    lw x23, 92(sp)
    lw x24, 96(sp)
    lw x25, 100(sp)
    lw x26, 104(sp)
    lw x27, 108(sp)
    lw x28, 112(sp)
    lw x29, 116(sp)
    lw x30, 120(sp)
    lw x31, 124(sp)
    addi sp, sp, 128
    csrrw sp, mscratch, sp
    mret

/* int shim_probe_wcs(void): 1 if the WCS load port CSR exists. A missing CSR
 * traps (illegal instruction) to the temporary vector at 2f, which reports 0.
 * Runs before any trap can be pending, so the clobbered mepc/mcause are free. */
    .globl shim_probe_wcs
shim_probe_wcs:
    csrr t1, mtvec
    la t0, 2f
    csrw mtvec, t0
    li a0, 1
    csrr t0, CSR_UCADDR
    j 3f
    .balign 4
2:  li a0, 0
3:  csrw mtvec, t1
    ret

/* The M stack: its deepest use is the vector's 128-byte register save
 * (shim_trap is a leaf without a frame); at boot shim_main takes 32 bytes
 * (probe_wcs none). M traps do not nest (MIE is off in the handler). 256
 * bytes is twice the need, not the 1 KiB it was: the kernel's 40 KiB. */
    .section .bss
    .balign 16
    .space 256
mstack_top:
