/*
 * Requests to process ports. As in Accent, a process is named by a port the
 * kernel receives on: terminate, suspend, resume and vm_allocate arrive here
 * as typed messages, so a parent, a debugger or a stand-in for a network
 * server can act on a process through any send right to its port. The reply
 * (when a reply port is given) is an ordinary message: id | AV_REQ_REPLY_BIT,
 * one words item {result, value}.
 */
#include "kernel.h"

static void reply_to(struct proc *sender, struct port *reply, uint32_t rdisp, uint32_t rname,
                     uint32_t id, int32_t rc, uint32_t val)
{
    if (!reply || reply->dead)
        return;
    uint32_t size = sizeof(struct av_msg_header) + sizeof(struct av_item) + 8;
    struct kmsg *km = kmsg_alloc(size);
    if (!km)
        return;
    struct av_msg_header h = { size, 0, 0, id | AV_REQ_REPLY_BIT, 0 };
    struct av_item it = { AV_ITEM_WORDS, 0, 0, 4, 2 };
    uint32_t w[2] = { (uint32_t)rc, val };
    kmsg_write(km, 0, &h, sizeof h);
    kmsg_write(km, sizeof h, &it, sizeof it);
    kmsg_write(km, sizeof h + sizeof it, w, sizeof w);
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
    uint32_t w[3] = { 0, 0, 0 };
    kmsg_read(km, 0, &h, sizeof h);
    if (rdisp == AV_DISP_MOVE_RECEIVE)
        return -AV_EINVAL;
    /* the arguments: one optional words item right after the header */
    if (h.size >= sizeof h + sizeof(struct av_item)) {
        struct av_item it;
        kmsg_read(km, sizeof h, &it, sizeof it);
        if (it.kind == AV_ITEM_WORDS && !(it.flags & AV_ITEM_OOL)) {
            uint32_t n = it.count < 3 ? it.count : 3;
            kmsg_read(km, sizeof h + sizeof it, w, 4 * n);
        }
    }
    if (t->state == P_ZOMBIE)
        return -AV_EDEAD;
    int32_t rc = 0;
    uint32_t val = 0;
    switch (h.id) {
    case AV_REQ_TERMINATE:
        proc_exit(t, (int32_t)w[0], NULL);
        break;
    case AV_REQ_SUSPEND:
        t->suspended = 1;
        break;
    case AV_REQ_RESUME:
        t->suspended = 0;
        break;
    case AV_REQ_VM_ALLOCATE:
        val = w[0];
        rc = vm_allocate(&t->map, &val, w[1], w[2], AV_PROT_READ | AV_PROT_WRITE);
        break;
    default:
        rc = -AV_ENOSYS;
    }
    reply_to(sender, reply, rdisp, rname, h.id, rc, val);
    return reply ? 0 : rc;
}
