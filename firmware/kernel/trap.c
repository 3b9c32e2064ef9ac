/*
 * Trap dispatch for S mode: system calls, page faults (the C twins of the
 * zero-fill and copy-on-write paths), software TLB refill (cause 24), the
 * timer, and every other user exception, which ends the process with a
 * printed reason. Cycle accounting for the statistics happens at the edges.
 */
#include "kernel.h"
#include "riscv.h"
#include "gprsave.h"

_Static_assert(offsetof(struct trapframe, pc) == TF_PC && offsetof(struct proc, lean) == P_LEAN,
               "gprsave.h offsets");
_Static_assert(RT_SYS_RPC == SYS_MSG_RPC && RT_SYS_RR == SYS_MSG_REPLY_RECEIVE && RT_ECALL_U == CAUSE_ECALL_U,
               "gprsave.h round-trip call numbers");
_Static_assert(offsetof(struct proc, state) == P_STATE && P_RUNNABLE == P_RUNNABLE_V &&
               offsetof(struct proc, map) == P_MAP && offsetof(struct proc, in_call) == P_IN_CALL &&
               offsetof(struct av_stats, cycles_kernel) == STATS_KERNEL, "gprsave.h way-back offsets");


extern void strap_vec(void);
uint32_t kstack_top;                   /* top of the one kernel stack (kernel.ld) */
uint64_t t_mark;                       /* mcycle at the last user/kernel edge (trapvec.S rt_entry
                                          too); utrap keeps only its low word (t_edge) */
static uint64_t t_boot;                /* mcycle at trap_init: the window's start */

/* The general trap's edges read and write only the low word of t_mark:
 * in the kernel, the interval since the last edge (a stay in the kernel)
 * is shorter than 2^32 cycles, so the low words give it exactly, and
 * t_edge() gives the whole value back from the cycle counter. */
static inline __attribute__((always_inline)) uint32_t rdcycle32(void)
{
    uint32_t c;
    __asm__ volatile("csrr %0, cycle" : "=r"(c));
    return c;
}
static inline __attribute__((always_inline)) void t_mark_lo(uint32_t c)
{
    __builtin_memcpy(&t_mark, &c, sizeof c);     /* the low word (little-endian) */
}
static uint64_t t_edge(void)
{
    uint64_t now = rdcycle64();
    return now - (uint32_t)((uint32_t)now - (uint32_t)t_mark);
}

void trap_init(void)
{
    extern char _kstack_top[];
    kstack_top = (uint32_t)_kstack_top;
    csr_write(CSR_STVEC, (uint32_t)strap_vec);
    csr_write(CSR_SIE, 1u << IRQ_STI);
    t_mark = t_boot = rdcycle64();
}

/* User cycles are not summed at each trap: the window from trap_init to
 * the last edge is user, kernel and idle intervals and nothing else, so
 * the user part is what the kernel and idle sums leave of it. Read in the
 * kernel, that is exactly the sum of the user intervals up to the last trap. */
uint64_t cycles_window(void)
{
    return t_edge() - t_boot;
}

/* A trap in S mode: a page fault of a user access (trapvec.S) is served as
 * the user's own access would be; anything else is a kernel bug. */
void ktrap(void)
{
    extern char uaccess_begin[], uaccess_end[], uaccess_fail[];
    uint32_t cause = csr_read(CSR_SCAUSE), epc = csr_read(CSR_SEPC);
    if ((cause == CAUSE_LOAD_PAGE || cause == CAUSE_STORE_PAGE) &&
        epc >= (uint32_t)uaccess_begin && epc < (uint32_t)uaccess_end) {
        if (vm_fault(vm_active, csr_read(CSR_STVAL), cause == CAUSE_LOAD_PAGE ? ACC_LOAD : ACC_STORE, 0))
            csr_write(CSR_SEPC, (uint32_t)uaccess_fail);
        return;
    }
    panic("trap in kernel: scause %x sepc %x stval %x", csr_read(CSR_SCAUSE),
          csr_read(CSR_SEPC), csr_read(CSR_STVAL));
}

/* A trap from user mode other than a plain system call (strap_vec has
 * saved every register and serves those itself): interrupts, faults,
 * exceptions, and the calls under the boot option fpswitch. It returns
 * when the process may go on, and strap_vec's way back decides (trap.c
 * trap_tail if it does not go on at once). */
HOT void utrap(struct trapframe *tf)
{
    t_mark_lo(rdcycle32());            /* user cycles: cycles_window() */
    struct proc *p = curproc;
    KASSERT(p && tf == &p->tf);        /* tf->r[0] is kstack_top: strap_vec just loaded sp from it */
    uint32_t cause = csr_read(CSR_SCAUSE), tval = csr_read(CSR_STVAL);
    if (cause & CAUSE_INTR) {
        if ((cause & ~CAUSE_INTR) == IRQ_STI) {
            timer_disarm();            /* clears STIP; schedule re-arms */
            if (p->state == P_RUNNABLE)
                schedule();
        }
        return;
    }
    if (fp_switching)
        fastpaths_switch();            /* boot option fpswitch only */
    switch (cause) {
    case CAUSE_ECALL_U:                /* (the round-trip calls: rt_entry, ipcfast.S) */
        syscall(p);
        break;
    case CAUSE_FETCH_PAGE:
    case CAUSE_LOAD_PAGE:
    case CAUSE_STORE_PAGE: {
        int acc = cause == CAUSE_FETCH_PAGE ? ACC_FETCH : cause == CAUSE_LOAD_PAGE ? ACC_LOAD : ACC_STORE;
        const char *why = vm_fault(&p->map, tval, acc, 1);
        if (why) {
            kprintf("[%s pid %u: %s at %p, pc %p]\n", p->name, p->pid, why, tval, tf->pc);
            proc_exit(p, -1, why);
        }
        break;
    }
    case VMC_CAUSE_SOFT_REFILL: {
        uint32_t kind = (csr_read(CSR_FPMISS) >> VMC_FPMISS_KIND_SHIFT) & VMC_FPMISS_KIND_MASK;
        vm_refill(&p->map, tval, kind == VMC_FPMISS_KIND_FETCH ? ACC_FETCH :
                  kind == VMC_FPMISS_KIND_LOAD ? ACC_LOAD : ACC_STORE);
        break;
    }
    default:
        /* misaligned, access fault, illegal instruction, breakpoint... */
        kprintf("[%s pid %u: exception %u at pc %p, tval %p]\n", p->name, p->pid, cause, tf->pc, tval);
        proc_exit(p, -1, "exception");
        break;
    }
    __asm__ volatile("");              /* one way out: tail calls would each copy the epilogue (64 bytes) */
}

/* A round-trip call the fast path (ipcfast.S) did not take: the
 * general call, as utrap would make it. */
void rt_general(struct proc *p)
{
    csr_clear(CSR_SSTATUS, MSTATUS_SUM);   /* the fast path's uhdr_load may have left it set */
    if (fp_switching)
        fastpaths_switch();            /* boot option fpswitch only */
    syscall(p);
    trap_tail();
}

/* After a trap's work: back to the caller if it may go on, else switch
 * (also strap_vec's way out when the process does not go on at once). */
HOT void trap_tail(void)
{
    if (curproc && curproc->state == P_RUNNABLE && !handoff)
        kernel_to_user(curproc);
    schedule();
}

/* A call that blocked, run again in its own process once woken (on a fresh
 * kernel stack, as if the process had just trapped on its ecall). */
static void resume_call(struct proc *p)
{
    syscall(p);
    trap_tail();
}

/* Leave the kernel for p: switch map, sret (rt_leave accounts the kernel
 * cycles); a process woken inside a call first finishes the call here,
 * which saves the trip to user mode and back that re-executing its ecall
 * would cost. */
HOT void kernel_to_user(struct proc *p)
{
    curproc = p;
    vm_activate(&p->map);
    p->tf.r[0] = kstack_top;
    p->rt_blk = (uint32_t)&rt_blk;
    if (p->in_call)
        run_on_kstack(p, resume_call);
    if (csr_read(CSR_SSTATUS) & MSTATUS_SPP)
        csr_clear(CSR_SSTATUS, MSTATUS_SPP);   /* sret goes to U mode (a write only when needed) */
    rt_leave(p);
}

/* Idle: wait for an interrupt with everything blocked. */
void idle_wait(void)
{
    uint64_t now = rdcycle64();
    stats.cycles_kernel += (uint32_t)now - (uint32_t)t_mark;
    t_mark = now;
    while (!(csr_read(CSR_SIP) & (1u << IRQ_STI)))
        wfi();
    now = rdcycle64();
    stats.cycles_idle += now - t_mark;
    t_mark = now;
    timer_disarm();
}
