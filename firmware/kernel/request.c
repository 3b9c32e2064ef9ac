/*
 * Requests to process ports. As in Accent, a process is named by a port the
 * kernel receives on: terminate, suspend, resume, the vm_* calls, registers
 * and memory reads and writes arrive here
 * as typed messages, so a parent, a debugger or a stand-in for a network
 * server can act on a process through any send right to its port. The reply
 * (when a reply port is given) is an ordinary message: id | AV_REQ_REPLY_BIT,
 * one words item {result, value}.
 */
#include <string.h>
#include "kernel.h"

static void reply_to(struct proc *sender, struct port *reply, uint32_t rdisp, uint32_t rname,
                     uint32_t id, int32_t rc, uint32_t val, const void *data, uint32_t n)
{
    if (!reply || reply->dead)
        return;
    uint32_t hs = sizeof(struct av_msg_header), is = sizeof(struct av_item);
    uint32_t size = hs + is + 8 + (data ? is + ((n + 3) & ~3u) : 0);
    struct kmsg *km = kmsg_alloc(size);
    if (!km)
        return;
    struct av_msg_header h = { size, 0, 0, id | AV_REQ_REPLY_BIT, 0 };
    struct av_item it = { AV_ITEM_WORDS, 0, 0, 4, 2 };
    uint32_t w[2] = { (uint32_t)rc, val };
    kmsg_write(km, 0, &h, hs);
    kmsg_write(km, hs, &it, is);
    kmsg_write(km, hs + is, w, 8);
    if (data) {
        struct av_item b = { AV_ITEM_BYTES, 0, 0, 1, n };
        uint32_t zero = 0;
        kmsg_write(km, hs + is + 8, &b, is);
        kmsg_write(km, size - 4, &zero, 4);        /* padding */
        kmsg_write(km, hs + 2 * is + 8, data, n);
    }
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
    struct av_msg_header h;
    struct av_item it;
    uint32_t w[3] = { 0, 0, 0 }, off = sizeof h, blen = 0, boff = 0;
    uint8_t mem[AV_REQ_MEM_MAX];
    kmsg_read(km, 0, &h, sizeof h);
    if (rdisp == AV_DISP_MOVE_RECEIVE)
        return -AV_EINVAL;
    /* the arguments: a words item, then maybe a bytes item (checked by send) */
    if (h.size >= off + sizeof it) {
        kmsg_read(km, off, &it, sizeof it);
        off += sizeof it;
        if (it.kind == AV_ITEM_WORDS && !(it.flags & AV_ITEM_OOL)) {
            kmsg_read(km, off, w, 4 * (it.count < 3 ? it.count : 3));
            off += 4 * it.count;
        }
        if (h.size >= off + sizeof it) {
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
    uint32_t val = 0;
    const void *data = NULL;
    uint32_t n = 0;
    switch (h.id) {
    case AV_REQ_TERMINATE:
        proc_exit(t, (int32_t)w[0], NULL);
        break;
    case AV_REQ_SUSPEND:
    case AV_REQ_RESUME:
        t->suspended = h.id == AV_REQ_SUSPEND;
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
        memcpy(mem, &t->tf.pc, 4);
        data = mem;
        n = sizeof t->tf.r;
        break;
    case AV_REQ_READ_MEM:
        if (w[1] > AV_REQ_MEM_MAX)
            rc = -AV_EINVAL;
        else if (!(rc = copyin(&t->map, mem, w[0], w[1]))) {
            data = mem;
            n = w[1];
        }
        break;
    case AV_REQ_SET_REGS:
        if (blen != sizeof t->tf.r || t == sender) {
            rc = -AV_EINVAL;
            break;
        }
        kmsg_read(km, boff, mem, blen);
        memcpy(&t->tf.pc, mem, 4);
        memcpy(&t->tf.r[1], mem + 4, sizeof t->tf.r - 4);
        t->in_call = 0;                /* resumes at the new pc, in user mode */
        t->rpc_sent = 0;               /* its next call starts afresh */
        t->has_deadline = 0;
        t->lean = 0;                   /* every register as set, none zeroed (trapvec.S) */
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
    reply_to(sender, reply, rdisp, rname, h.id, rc, val, data, n);
    return reply ? 0 : rc;
}
