/*
 * System-call dispatch. Every pointer, length, port name and flag is checked
 * here or in the routine it reaches; user memory is only touched through
 * copyin/copyout, which refuse kernel addresses and wrapping ranges and then
 * copy through the MMU (a bad page comes back as -AV_EFAULT). A call that
 * blocks returns K_BLOCKED and leaves the pc on the ecall; when woken it
 * runs again in the kernel (trap.c), as if the ecall had been re-executed.
 */
#include <string.h>
#include "kernel.h"
#include "riscv.h"
#include "ipcfast.h"                   /* (its offsets checked here) */

HOT void sys_return(struct proc *p, int32_t a0)
{
    p->tf.r[10] = (uint32_t)a0;
    p->tf.pc += 4;
    p->has_deadline = 0;
    p->rpc_sent = 0;
    p->in_call = 0;
}

/* The process a process-port name denotes (the local shortcut of requests). */
static struct proc *target(struct proc *p, uint32_t name, int32_t *err)
{
    struct nameent *e = name_at(p, name);
    *err = -AV_ENAME;
    if (!e || e->dead || !e->sendrefs || !e->port->kproc)
        return NULL;
    if (e->port->kproc->state == P_ZOMBIE) {
        *err = -AV_EDEAD;
        return NULL;
    }
    return e->port->kproc;
}

static int32_t sys_wait(struct proc *p, uint32_t name)
{
    struct nameent *e = name_at(p, name);
    if (!e || e->dead || !e->port->kproc)
        return -AV_ENAME;
    struct proc *c = e->port->kproc;
    if (c->parent != p)
        return -AV_ECHILD;
    if (c->state != P_ZOMBIE)
        return wait_or_fail(p, 0, 0, 0, W_CHILD, c);
    int32_t status = c->status;
    name_deallocate(p, name);
    proc_reap(c);
    p->tf.r[11] = (uint32_t)status;
    return 0;
}

static int32_t sys_vm(struct proc *p, uint32_t no, uint32_t *a)
{
    int32_t err;
    struct proc *t = target(p, a[0], &err);
    if (!t)
        return err;
    switch (no) {
    case SYS_VM_ALLOCATE: {
        uint32_t addr;
        if ((a[1] & 3) || copyin(&p->map, &addr, a[1], 4) < 0)
            return -AV_EFAULT;
        if (a[3] & ~AV_VM_ANYWHERE)
            return -AV_EINVAL;
        int32_t r = vm_allocate(&t->map, &addr, a[2], a[3], AV_PROT_READ | AV_PROT_WRITE);
        if (r == 0 && copyout(&p->map, a[1], &addr, 4) < 0) {
            vm_deallocate(&t->map, addr, a[2]);
            return -AV_EFAULT;
        }
        return r;
    }
    case SYS_VM_DEALLOCATE: return vm_deallocate(&t->map, a[1], a[2]);
    case SYS_VM_PROTECT: return vm_protect(&t->map, a[1], a[2], a[3]);
    case SYS_VM_COPY: return vm_copy(&t->map, a[1], a[2], a[3]);
    }
    return -AV_ENOSYS;
}

/* Send, then receive in the same call: an RPC (receive on the reply port the
 * message names) or a server's reply-and-receive (receive on a[3]; no send
 * when the message is 0). The send happens once, even across restarts, and
 * a send that fails returns before any receive. A reply-and-receive's
 * AV_RELEASE (the region holding a6 deallocated) comes after its receive
 * side's checks and before the send, once too. rpc_sent: 1 the send done,
 * 2 only the release. */
HOT static __attribute__((noinline)) int32_t send_receive(struct proc *p, uint32_t *a, int rpc)
{
    uint32_t umsg = a[0], name = a[3], opts = rpc ? a[3] : a[4], timeout = rpc ? a[4] : a[5];
    if (!rpc && p->rpc_sent != 1) {
        /* the receive side's own checks before anything is sent, so a bad
         * name, buffer or flag never leaves a reply sent and no receive */
        struct nameent *e = name_lookup(p, name);
        if (opts & ~(AV_SEND_TIMEOUT | AV_RCV_TIMEOUT | AV_NONBLOCK | AV_RELEASE))
            return -AV_EINVAL;
        if (!e || (!e->recv && !e->dead))
            return -AV_ENAME;
        if (e->dead)
            return -AV_EDEAD;
        if ((a[1] & 3) || !vm_range_ok(a[1], a[2]))
            return -AV_EFAULT;
        if ((opts & AV_RELEASE) && !p->rpc_sent && vm_release(p))
            return -AV_EFAULT;
        opts &= ~AV_RELEASE;
    }
    if ((rpc || umsg) && p->rpc_sent != 1) {
        int32_t r = msg_send(p, umsg, opts & ~AV_RCV_TIMEOUT, timeout, &p->rpc_reply);
        if (r != 0)
            return r;
        p->rpc_sent = 1;               /* the reply name stays for the restart */
        p->has_deadline = 0;           /* the receive's timeout starts now */
    }
    if (rpc)
        name = p->rpc_reply;
    uint32_t size = 0;
    int32_t r = msg_receive(p, a[1], a[2], name, opts & ~AV_SEND_TIMEOUT, timeout, &size);
    if (r != K_BLOCKED)
        p->tf.r[11] = size;
    return r;
}

/* Two calls with room on the stack (a name, the statistics); the room
 * costs syscall() only a larger frame, no register. */
static int32_t sys_spawn(struct proc *p, uint32_t uname, uint32_t len)
{
    char nm[16];
    if (len == 0 || len >= sizeof nm || copyin(&p->map, nm, uname, len) < 0)
        return len && len < sizeof nm ? -AV_EFAULT : -AV_EINVAL;
    nm[len] = 0;
    return proc_spawn(p, nm, len);
}

static int32_t sys_stats(struct proc *p, uint32_t ubuf)
{
    struct av_stats s;
    stats_snapshot(&s);
    return (ubuf & 3) || copyout(&p->map, ubuf, &s, sizeof s) < 0 ? -AV_EFAULT : 0;
}

/* The arguments are read from the frame (a0..a5: r[10..15]) where they
 * are used; no handler writes r[10] or r[11] before it has read them.
 * The handlers that would keep many values across calls are apart
 * (noinline), so that the dispatch saves few registers. */
HOT void syscall(struct proc *p)
{
    uint32_t *a = &p->tf.r[10];
    int32_t ret;
    switch (p->tf.r[17]) {
    case SYS_CONSOLE_WRITE: ret = console_user(&p->map, a[0], a[1]); break;
    case SYS_EXIT:
        proc_exit(p, (int32_t)a[0], NULL);
        return;
    case SYS_PORT_ALLOCATE: {
        struct port *pt = port_alloc();
        ret = -AV_ENOMEM;
        if (pt && (ret = name_insert(p, pt, R_RECV)) < 0) {
            pt->dead = 1;
            port_ref(pt);
            port_unref(pt);
        }
        break;
    }
    case SYS_PORT_DEALLOCATE:
        ret = a[0] == AV_NAME_SELF || a[0] == AV_NAME_NOTIFY ? -AV_EINVAL : name_deallocate(p, a[0]);
        break;
    case SYS_PORT_QLIMIT: {
        struct nameent *e = name_lookup(p, a[0]);
        if (!e || !e->recv)
            ret = -AV_ENAME;
        else if (a[1] == 0 || a[1] > AV_QLIMIT_MAX)
            ret = -AV_EINVAL;
        else {
            e->port->qlimit = a[1];
            proc_wake(W_SEND, e->port);
            ret = 0;
        }
        break;
    }
    case SYS_PORT_RIGHTS: ret = (int32_t)name_rights(p, a[0]); break;
    case SYS_PORT_MAKE_SEND: {
        struct nameent *e = name_lookup(p, a[0]);
        ret = !e || !e->recv ? -AV_ENAME : name_insert(p, e->port, R_SEND) < 0 ? -AV_ENORIGHTS : 0;
        break;
    }
    case SYS_MSG_SEND: {
        uint32_t size;
        ret = msg_send(p, a[0], a[1], a[2], &size);
        break;
    }
    case SYS_MSG_RECEIVE: {
        uint32_t size = 0;
        ret = msg_receive(p, a[0], a[1], a[2], a[3], a[4], &size);
        if (ret != K_BLOCKED)
            p->tf.r[11] = size;        /* a restarted call needs its a1 */
        break;
    }
    case SYS_MSG_RPC: ret = send_receive(p, a, 1); break;
    case SYS_MSG_REPLY_RECEIVE: ret = send_receive(p, a, 0); break;
    case SYS_FORK: ret = proc_fork(p); break;
    case SYS_SPAWN: ret = sys_spawn(p, a[0], a[1]); break;
    case SYS_WAIT: ret = sys_wait(p, a[0]); break;
    case SYS_VM_ALLOCATE:
    case SYS_VM_DEALLOCATE:
    case SYS_VM_PROTECT:
    case SYS_VM_COPY: ret = sys_vm(p, p->tf.r[17], a); break;
    case SYS_TERMINATE: {
        int32_t err;                   /* (not ret: its address would keep ret in memory) */
        struct proc *t = target(p, a[0], &err);
        ret = err;
        if (t) {
            proc_exit(t, (int32_t)p->tf.r[11], NULL);
            if (t == p)
                return;
            ret = 0;
        }
        break;
    }
    case SYS_STATS: ret = sys_stats(p, a[0]); break;
    case SYS_AUDIT: ret = audit(0) ? -AV_EINVAL : 0; break;
    case SYS_BOOTARGS: {
        const char *s = boot_args();
        uint32_t n = 0;
        while (s[n] && n < a[1])
            n++;
        ret = copyout(&p->map, a[0], s, n) < 0 ? -AV_EFAULT : (int32_t)n;
        break;
    }
    case SYS_FREE_FRAMES:
        vm_unkeep();
        ret = (int32_t)frames_free() + !!spare_root + kalloc_idle(); break;
    case SYS_YIELD:                    /* to the run queue's tail, nothing handed off */
        handoff = NULL;
        sys_return(p, 0);
        schedule();
    case SYS_TIME_US: ret = (int32_t)(uint32_t)udiv64(now_ticks() * 1000000u, boot.timebase, NULL); break;
    default: ret = -AV_ENOSYS;
    }
    if (ret == K_BLOCKED)
        p->in_call = 1;
    else if (p->state == P_RUNNABLE || p->state == P_BLOCKED)
        sys_return(p, ret);
}
