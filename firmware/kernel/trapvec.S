/*
 * Supervisor trap entry and exit. sscratch holds the current process's
 * trapframe while user code runs and 0 while the kernel runs, so one swap
 * tells the two apart. A user trap saves every register into the trapframe
 * and switches to the one kernel stack (trapframe word 0): the kernel is not
 * reentrant and system calls are not preempted, so one stack serves all.
 * A trap from the kernel itself (the kernel runs with SIE=0) is either a
 * page fault of the user-access routines below, which ktrap serves and
 * resumes or turns into their failure return, or a bug, which ktrap reports.
 *
 * The two round-trip calls (SYS_MSG_RPC, SYS_MSG_REPLY_RECEIVE) leave the
 * entry early, at rt_entry (ipcfast.S): their ABI (av_abi.h) clobbers ra, t0-t6 and
 * a2-a7, so only what the calls read or must keep is saved (sp, gp, tp,
 * s0-s11, a0-a7 (a6: AV_RELEASE's address), pc; every trap saves these
 * first) and the frame is marked lean; user_return then restores those and gives the clobbered
 * registers 0, never a stale or another process's value. Any other trap
 * pays four instructions for the test of a7.
 *
 * Every other trap takes the general path: a system call goes straight to
 * syscall() (utrap serves the other traps), and when the process goes on
 * at once (its call complete, nothing to switch to) the way back sums the
 * kernel's cycles (kaccount) and loads only the registers C code may have
 * changed, not the scheduler's trap_tail and kernel_to_user.
 */
#include "gprsave.h"
#include "ipcfast.h"

    .section .text.hot, "ax"            /* with the C message path (kernel.h HOT) */
    .balign 4
    .globl strap_vec
strap_vec:
    csrrw sp, sscratch, sp
    beqz sp, from_kernel
    sw t0, 20(sp)
    /* first what every trap saves: the registers the round-trip calls keep
     * or read (rt_entry then has its frame), then the rest for the others */
    .irp n, 3, 4, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27
    sw x\n, 4*\n(sp)
    .endr
    csrr t0, sscratch
    sw t0, 8(sp)
    csrr t0, sepc
    sw t0, TF_PC(sp)
    csrw sscratch, zero
    addi t0, a7, -RT_SYS_RPC
    beqz t0, 1f
    addi t0, a7, -RT_SYS_RR
    bnez t0, 2f
1:  csrr t0, scause                     /* a7 names a round-trip call: is it one? */
    addi t0, t0, -RT_ECALL_U
    beqz t0, rt_entry                   /* ipcfast.S */
2:  .irp n, 1, 6, 7, 28, 29, 30, 31
    sw x\n, 4*\n(sp)
    .endr
    /* the general path. A system call goes straight to syscall() (utrap
     * serves every other trap, and a call under the boot option fpswitch);
     * s0, saved in the frame, holds the process across the C calls */
    mv s0, sp                           /* the process: its trapframe comes first */
    lw sp, 0(sp)
    csrr t0, scause
    addi t0, t0, -RT_ECALL_U
    bnez t0, 5f
    lw t0, fp_switching
    bnez t0, 5f
    lw t0, curproc
    bne t0, s0, 5f                      /* (never: utrap asserts it) */
    csrr t0, cycle                      /* the user/kernel edge: t_mark's low word (trap.c) */
    sw t0, t_mark, t1
    mv a0, s0
    call syscall
    j 6f
5:  mv a0, s0
    call utrap                          /* back unless it switched or ended the process */
    /* The way back: when the process goes on at once (still current and
     * runnable, its call complete, nothing handed off, its map active),
     * the kernel's cycles are summed and the registers C code may change
     * come back (s0, which held the process, among them): s1-s11, gp and
     * tp still hold the process's values (every C routine keeps them or
     * never touches them), and the kernel
     * writes no register of the running process's frame but a0, a1 and
     * pc (a request may not set its sender's registers, request.c);
     * sstatus.SPP is 0 (the trap from U mode cleared it, and a nested
     * trap's sret does too). Anything else is trap_tail's (trap.c), the
     * scheduler's way out. */
6:  lw t0, curproc
    bne t0, s0, 7f
    lw t0, P_STATE(s0)
    addi t0, t0, -P_RUNNABLE_V
    bnez t0, 7f
    lbu t0, P_IN_CALL(s0)
    bnez t0, 7f
    lw t0, handoff
    bnez t0, 7f
    lw t0, vm_active
    addi t1, s0, P_MAP
    bne t0, t1, 7f
    jal t6, kaccount
    lw t0, TF_PC(s0)
    csrw sepc, t0
    csrw sscratch, s0
    mv a0, s0
    .irp n, 1, 2, 5, 6, 7, 8, 11, 12, 13, 14, 15, 16, 17, 28, 29, 30, 31
    lw x\n, 4*\n(a0)
    .endr
    lw x10, 40(a0)
    sret
7:  tail trap_tail

from_kernel:
    csrrw sp, sscratch, sp          /* back to the kernel sp, sscratch = 0 */
    addi sp, sp, -64                /* the registers a C call may change */
    sw ra, 0(sp)
    sw t0, 4(sp)
    sw t1, 8(sp)
    sw t2, 12(sp)
    sw a0, 16(sp)
    sw a1, 20(sp)
    sw a2, 24(sp)
    sw a3, 28(sp)
    sw a4, 32(sp)
    sw a5, 36(sp)
    sw a6, 40(sp)
    sw a7, 44(sp)
    sw t3, 48(sp)
    sw t4, 52(sp)
    sw t5, 56(sp)
    sw t6, 60(sp)
    call ktrap
    lw ra, 0(sp)
    lw t0, 4(sp)
    lw t1, 8(sp)
    lw t2, 12(sp)
    lw a0, 16(sp)
    lw a1, 20(sp)
    lw a2, 24(sp)
    lw a3, 28(sp)
    lw a4, 32(sp)
    lw a5, 36(sp)
    lw a6, 40(sp)
    lw a7, 44(sp)
    lw t3, 48(sp)
    lw t4, 52(sp)
    lw t5, 56(sp)
    lw t6, 60(sp)
    addi sp, sp, 64
    sret

/* User access with sstatus.SUM set: the hardware MMU translates, and a page
 * fault traps to ktrap, which serves it as a user access would (zero-fill,
 * copy-on-write) and retries, or resumes at uaccess_fail. Callers have
 * checked that the range lies below 0x8000_0000 and that the user map is
 * the active one. Only t-registers and a-registers are used, so a resumed
 * access finds them as it left them.
 *
 * int ucopy(void *dst, const void *src, uint32_t n): 0, or -2 (-AV_EFAULT) on
 * a bad page; utouch and ucopy_hdr the same. */
    .section .text.loop, "ax"           /* with the other tight loops (kernel.h LOOP) */
    .globl ucopy, utouch, uaccess_begin, uaccess_end
uaccess_begin:
ucopy:
    li t0, 0x40000                  /* SUM */
    csrs sstatus, t0
    or t1, a0, a1
    or t1, t1, a2
    andi t1, t1, 3
    bnez t1, 3f
    li t3, 16
1:  bltu a2, t3, 2f                 /* words, four at a time */
    lw t1, 0(a1)
    lw t2, 4(a1)
    lw t4, 8(a1)
    lw t5, 12(a1)
    sw t1, 0(a0)
    sw t2, 4(a0)
    sw t4, 8(a0)
    sw t5, 12(a0)
    addi a0, a0, 16
    addi a1, a1, 16
    addi a2, a2, -16
    j 1b
2:  beqz a2, 4f
    lw t1, 0(a1)
    sw t1, 0(a0)
    addi a0, a0, 4
    addi a1, a1, 4
    addi a2, a2, -4
    j 2b
3:  beqz a2, 4f                     /* unaligned: bytes */
    lbu t1, 0(a1)
    sb t1, 0(a0)
    addi a0, a0, 1
    addi a1, a1, 1
    addi a2, a2, -1
    j 3b
4:  csrc sstatus, t0                   /* (utouch and uhdr_put end here too) */
uaccess_ok:
    li a0, 0
    ret

/* The round trip's header transfer (ipcfast.S) sets SUM once a leg: every
 * sstatus write makes the core forget its data page registers, and the
 * next access pays a TLB lookup.
 *
 * uhdr_load: one message header (20 bytes, word aligned) from user a0
 * into t1..t5, a0 = 0, SUM left set for uhdr_put (or the C the fast path
 * hands over to) to clear; a bad page returns a0 = -2, SUM clear
 * (uaccess_fail). Only t0..t5 and a0 change. */
    .globl uhdr_load, uhdr_put
uhdr_load:
    li t0, 0x40000
    csrs sstatus, t0
    lw t1, 0(a0)
    lw t2, 4(a0)
    lw t3, 8(a0)
    lw t4, 12(a0)
    lw t5, 16(a0)
    li a0, 0
    ret
/* int uhdr_put(void *dst, w0, w1, w2, w3, w4): the header's five words
 * to user dst (aligned), SUM set by uhdr_load, cleared here. A failure
 * leaves dst unchanged (the caller writes a receiver's buffer before
 * committing): the first word's page is made present and writable by
 * storing it back, then the last word, on the other page if the header
 * straddles two, is written first. */
uhdr_put:
    lw t1, 0(a0)
    sw t1, 0(a0)
    sw a5, 16(a0)
    sw a1, 0(a0)
    sw a2, 4(a0)
    sw a3, 8(a0)
    sw a4, 12(a0)
    li t0, 0x40000
    j 4b
/* int utouch(uint32_t uva): make the word at uva (aligned) present and
 * writable by storing it back. */
utouch:
    li t0, 0x40000
    csrs sstatus, t0
    lw t1, 0(a0)
    sw t1, 0(a0)
    j 4b
    .globl uaccess_fail
uaccess_fail:
    li t0, 0x40000
    csrc sstatus, t0
    li a0, -2
    ret
uaccess_end:
    .section .text.hot, "ax"

/* void user_return(struct trapframe *tf): load the process and sret to it
 * (tf is a process's, the first member of its struct proc: P_LEAN).
 * A lean frame (rt_entry) holds only what the round-trip calls keep: those
 * come back, a0 and a1 carry the results, the clobbered registers get 0. */
    .globl user_return
user_return:
    lw t0, TF_PC(a0)
    csrw sepc, t0
    csrw sscratch, a0
    lbu t0, P_LEAN(a0)
    beqz t0, 1f
    sb zero, P_LEAN(a0)
    .irp n, 1, 5, 6, 7, 12, 13, 14, 15, 16, 17, 28, 29, 30, 31
    li x\n, 0
    .endr
    j 2f
1:  .irp n, 1, 5, 6, 7, 12, 13, 14, 15, 16, 17, 28, 29, 30, 31
    lw x\n, 4*\n(a0)
    .endr
2:  .irp n, 2, 3, 4, 8, 9, 11, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27
    lw x\n, 4*\n(a0)
    .endr
    lw x10, 40(a0)
    sret

/* void rt_leave(struct proc *r): the way out to r, whose map is active and
 * whose call is complete (trap.c kernel_to_user, ipcfast.S): the
 * kernel's cycles summed, r current, sret (user_return). */
    .globl rt_leave
rt_leave:
    jal t6, kaccount
    sw a0, curproc, t0
    j user_return
/* The kernel/user edge (link in t6; t0-t3 changed): the stay's cycles
 * summed into stats.cycles_kernel (a 32-bit difference: no stay in the
 * kernel is 2^32 cycles long), t_mark's low word set (trap.c t_edge). */
kaccount:
    csrr t0, cycle
    lw t1, t_mark
    sw t0, t_mark, t2
    sub t0, t0, t1
    la t1, stats + STATS_KERNEL
    lw t2, 0(t1)
    lw t3, 4(t1)
    add t2, t2, t0
    sltu t0, t2, t0
    add t3, t3, t0
    sw t2, 0(t1)
    sw t3, 4(t1)
    jr t6

/* void run_on_kstack(struct proc *p, void (*fn)(struct proc *)): fn(p) from
 * the top of the kernel stack (p's trapframe word 0), as a trap starts. */
    .globl run_on_kstack
run_on_kstack:
    lw sp, 0(a0)
    jr a1

/* int probe_fpcsrs(void): 1 if the fast-path CSR 0x5C0 exists. A missing CSR
 * traps (illegal instruction, delegated to S) to the temporary vector. */
#include "csr.h"
    .text
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
