/*
 * Requests to process ports. As in Accent, a process is named by a port the
 * kernel receives on: terminate, suspend, resume, the vm_* calls, registers
 * and memory reads and writes arrive here
 * as typed messages, so a parent, a debugger or a stand-in for a network
 * server can act on a process through any send right to its port. The reply
 * (when a reply port is given) is an ordinary message: id | AV_REQ_REPLY_BIT,
 * one words item {result, value}.
 */
#include <stddef.h>
#include <string.h>
#include "kernel.h"

/* An ending process's children lose their parent (zombies among them are
 * freed); apart, so that proc_exit of a process without any keeps no
 * registers for the scan; here, among the cold
 * code that -msave-restore keeps short (proc.c is built without it). */
void orphan_kids(struct proc *p)
{
    for (uint32_t i = 0; p->kids && i < nprocs; i++) {
        struct proc *c = &procs[i];
        if (c->parent == p && c->state != P_FREE) {
            p->kids--;
            c->parent = NULL;
            if (c->state == P_ZOMBIE)
                proc_reap(c);
        }
    }
}

/* The reply as it goes in the message: the words item, then (when the
 * request returns data) a bytes item whose payload is the buffer the
 * request fills in place, so the whole reply is one write. */
struct reply {
    struct av_msg_header h;
    struct av_item it;
    uint32_t w[2];
    struct av_item b;
    uint32_t mem[AV_REQ_MEM_MAX / 4];  /* words: pc and registers go by word */
};

static void reply_to(struct proc *sender, struct port *reply, uint32_t rdisp, uint32_t rname,
                     struct reply *r, int data, uint32_t n)
{
    if (!reply || reply->dead)
        return;
    uint32_t size = offsetof(struct reply, b) + (data ? sizeof r->b + ((n + 3) & ~3u) : 0);
    struct kmsg *km = kmsg_alloc(size);
    if (!km)
        return;
    r->h = (struct av_msg_header){ size, 0, 0, r->h.id | AV_REQ_REPLY_BIT, 0 };
    r->it = (struct av_item){ AV_ITEM_WORDS, 0, 0, 4, 2 };
    r->b = (struct av_item){ AV_ITEM_BYTES, 0, 0, 1, n };
    for (; n & 3; n++)
        ((uint8_t *)r->mem)[n] = 0;    /* padding */
    kmsg_write(km, 0, r, size);
    km->dest = reply;
    port_ref(reply);
    km->notice = 1;                    /* a reply never waits on the queue limit */
    if (rdisp == AV_DISP_MOVE_SEND_ONCE)
        name_release(sender, rname, R_SENDONCE);
    else if (rdisp == AV_DISP_MOVE_SEND)
        name_release(sender, rname, R_SEND);
    port_enqueue(reply, km);
}

int32_t proc_request(struct proc *sender, struct port *pt, struct kmsg *km,
                     struct port *reply, uint32_t rdisp, uint32_t rname)
{
    struct proc *t = pt->kproc;
    struct reply r;                    /* r.h: the request's header, then the reply's */
    struct av_item it;
    uint32_t w[3] = { 0, 0, 0 }, off = sizeof r.h, blen = 0, boff = 0;
    uint32_t *mem = r.mem;
    kmsg_read(km, 0, &r.h, sizeof r.h);
    if (rdisp == AV_DISP_MOVE_RECEIVE)
        return -AV_EINVAL;
    /* the arguments: a words item, then maybe a bytes item (checked by send) */
    if (r.h.size >= off + sizeof it) {
        kmsg_read(km, off, &it, sizeof it);
        off += sizeof it;
        if (it.kind == AV_ITEM_WORDS && !(it.flags & AV_ITEM_OOL)) {
            kmsg_read(km, off, w, 4 * (it.count < 3 ? it.count : 3));
            off += 4 * it.count;
        }
        if (r.h.size >= off + sizeof it) {
            kmsg_read(km, off, &it, sizeof it);
            if (it.kind == AV_ITEM_BYTES && !(it.flags & AV_ITEM_OOL)) {
                blen = it.count;
                boff = off + sizeof it;
            }
        }
    }
    if (t->state == P_ZOMBIE)
        return -AV_EDEAD;
    int32_t rc = 0;
    uint32_t val = 0, n = 0;
    int data = 0;
    switch (r.h.id) {
    case AV_REQ_TERMINATE:
        proc_exit(t, (int32_t)w[0], NULL);
        break;
    case AV_REQ_SUSPEND:
    case AV_REQ_RESUME:
        t->suspended = r.h.id == AV_REQ_SUSPEND;
        proc_ready(t);
        break;
    case AV_REQ_VM_ALLOCATE:
        val = w[0];
        rc = vm_allocate(&t->map, &val, w[1], w[2], AV_PROT_READ | AV_PROT_WRITE);
        break;
    case AV_REQ_VM_DEALLOCATE: rc = vm_deallocate(&t->map, w[0], w[1]); break;
    case AV_REQ_VM_PROTECT: rc = vm_protect(&t->map, w[0], w[1], w[2]); break;
    case AV_REQ_GET_REGS:
        /* pc in place of x0 */
        memcpy(mem, t->tf.r, sizeof t->tf.r);
        mem[0] = t->tf.pc;
        data = 1;
        n = sizeof t->tf.r;
        break;
    case AV_REQ_READ_MEM:
        if (w[1] > AV_REQ_MEM_MAX)
            rc = -AV_EINVAL;
        else if (!(rc = copyin(&t->map, mem, w[0], w[1]))) {
            data = 1;
            n = w[1];
        }
        break;
    case AV_REQ_SET_REGS:
        if (blen != sizeof t->tf.r || t == sender) {
            rc = -AV_EINVAL;
            break;
        }
        kmsg_read(km, boff, mem, blen);
        t->tf.pc = mem[0];
        memcpy(&t->tf.r[1], mem + 1, sizeof t->tf.r - 4);
        t->in_call = 0;                /* resumes at the new pc, in user mode */
        t->rpc_sent = 0;               /* its next call starts afresh */
        t->has_deadline = 0;
        t->lean = 0;                   /* every register as set, none zeroed (trapvec.S) */
        rt_forget(t);                  /* its receive is not the one checked */
        break;
    case AV_REQ_WRITE_MEM:
        if (blen > AV_REQ_MEM_MAX)
            rc = -AV_EINVAL;
        else {
            kmsg_read(km, boff, mem, blen);
            rc = copyout(&t->map, w[0], mem, blen);
        }
        break;
    default:
        rc = -AV_ENOSYS;
    }
    r.w[0] = (uint32_t)rc;
    r.w[1] = val;
    reply_to(sender, reply, rdisp, rname, &r, data, n);
    return reply ? 0 : rc;
}
