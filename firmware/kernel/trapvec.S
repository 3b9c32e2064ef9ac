/*
 * Supervisor trap entry and exit. sscratch holds the current process's
 * trapframe while user code runs and 0 while the kernel runs, so one swap
 * tells the two apart. A user trap saves every register into the trapframe
 * and switches to the one kernel stack (trapframe word 0): the kernel is not
 * reentrant and system calls are not preempted, so one stack serves all.
 * A trap from the kernel itself is a bug (the kernel runs with SIE=0 and
 * resolves user addresses by walking tables), reported by ktrap.
 */
#include "gprsave.h"

    .text
    .balign 4
    .globl strap_vec
strap_vec:
    csrrw sp, sscratch, sp
    beqz sp, from_kernel
    SAVE_GPRS sp
    csrr t0, sscratch
    sw t0, 8(sp)
    csrr t0, sepc
    sw t0, 128(sp)
    csrw sscratch, zero
    mv a0, sp
    lw sp, 0(sp)
    call utrap
1:  j 1b

from_kernel:
    csrrw sp, sscratch, sp          /* back to the kernel sp, sscratch = 0 */
    mv a0, sp
    call ktrap
2:  j 2b

/* void user_return(struct trapframe *tf): load the process and sret to it. */
    .globl user_return
user_return:
    lw t0, 128(a0)
    csrw sepc, t0
    csrw sscratch, a0
    lw x1, 4(a0)
    lw x2, 8(a0)
    lw x3, 12(a0)
    lw x4, 16(a0)
    lw x5, 20(a0)
    lw x6, 24(a0)
    lw x7, 28(a0)
    lw x8, 32(a0)
    lw x9, 36(a0)
    lw x11, 44(a0)
    lw x12, 48(a0)
    lw x13, 52(a0)
    lw x14, 56(a0)
    lw x15, 60(a0)
    lw x16, 64(a0)
    lw x17, 68(a0)
    lw x18, 72(a0)
    lw x19, 76(a0)
    lw x20, 80(a0)
    lw x21, 84(a0)
    lw x22, 88(a0)
    lw x23, 92(a0)
    lw x24, 96(a0)
    lw x25, 100(a0)
    lw x26, 104(a0)
    lw x27, 108(a0)
    lw x28, 112(a0)
    lw x29, 116(a0)
    lw x30, 120(a0)
    lw x31, 124(a0)
    lw x10, 40(a0)
    sret

/* void run_on_kstack(struct proc *p, void (*fn)(struct proc *)): fn(p) from
 * the top of the kernel stack (p's trapframe word 0), as a trap starts. */
    .globl run_on_kstack
run_on_kstack:
    lw sp, 0(a0)
    jr a1

/* int probe_fpcsrs(void): 1 if the fast-path CSR 0x5C0 exists. A missing CSR
 * traps (illegal instruction, delegated to S) to the temporary vector. */
#include "csr.h"
    .globl probe_fpcsrs
probe_fpcsrs:
    csrr t1, stvec
    la t0, 3f
    csrw stvec, t0
    li a0, 1
    csrr t0, CSR_FPEN
    j 4f
    .balign 4
3:  li a0, 0
4:  csrw stvec, t1
    ret
