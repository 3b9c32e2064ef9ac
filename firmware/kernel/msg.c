/*
 * Messages by value. Send copies the header and inline items into a kernel
 * message, turns port names into port references by their dispositions, and
 * captures out-of-line memory by remapping the sender's pages copy-on-write
 * into the transit map (partial first and last pages are copied, the rest of
 * those pages zeroed). Once send returns nothing the sender does changes
 * what is delivered. Receive moves transit pages to the receiver at a first-fit
 * address with the same page offset and turns references back into names.
 * Senders wait for room before they capture anything, so a timeout or a
 * non-blocking failure changes nothing. Here the item walk and the direct
 * transfer; the capture and the wait are msgq.c's (-msave-restore).
 */
#include <string.h>
#include "kernel.h"
#include "riscv.h"
#include "msgi.h"

/* ---- a kernel message's body, word by word --------------------------- */
HOT uint8_t *body_at(struct kmsg *km, uint32_t off, uint32_t *room)
{
    if (km->small) {
        *room = km->size - off;
        return km->small + off;
    }
    *room = PAGE_SIZE - off % PAGE_SIZE;
    return km->pg[off / PAGE_SIZE] + off % PAGE_SIZE;
}

/* Words of the body: offsets are word aligned, and a page body's words
 * never straddle pages. */
uint32_t *word_at(struct kmsg *km, uint32_t off)
{
    uint32_t room;
    return (uint32_t *)body_at(km, off, &room);
}

/* ---- item walking ------------------------------------------------------ */
/* Read the item at *off and advance; 0, or -AV_EINVAL if malformed. */
HOT int item_next(struct kmsg *km, uint32_t *off, struct itemref *it)
{
    if (km->size - *off < ITM)
        return -AV_EINVAL;
    uint32_t *w = (uint32_t *)&it->d;     /* word by word: a page body may split them */
    w[0] = rd32(km, *off);
    w[1] = rd32(km, *off + 4);
    it->off = *off;
    it->pay = *off + ITM;
    uint32_t es = it->d.elsize, n = it->d.count;
    switch (it->d.kind) {
    case AV_ITEM_BYTES:
    case AV_ITEM_MEMORY:
        if (es != 1)
            return -AV_EINVAL;
        break;
    case AV_ITEM_WORDS:
    case AV_ITEM_PORT:
        if (es != 4)
            return -AV_EINVAL;
        break;
    default:
        return -AV_EINVAL;
    }
    if (it->d.flags & ~(AV_ITEM_OOL | AV_ITEM_DEALLOC))
        return -AV_EINVAL;
    if (n > 0x7fffffffu / es)
        return -AV_EINVAL;
    it->len = n * es;
    if (it->d.kind == AV_ITEM_PORT && (it->d.flags & AV_ITEM_OOL))
        return -AV_EINVAL;             /* port arrays travel inline */
    it->paylen = (it->d.flags & AV_ITEM_OOL) ? 4 : (it->len + 3) & ~3u;
    if ((!(it->d.flags & AV_ITEM_OOL) && it->paylen < it->len) || km->size - it->pay < it->paylen)
        return -AV_EINVAL;
    *off = it->pay + it->paylen;
    return 0;
}

/* ---- direct transfer ---------------------------------------------------- */
/* The receive a blocked receiver r waits in, from its saved registers (its
 * call restarts with the same arguments), checked as msg_receive checks it
 * and for room for a message of size bytes to dest: its buffer and name
 * (returned in a0/a1, no memory between), or a buffer of 1 (a ready one is
 * word aligned) if r's call receives nothing, or not that message (the
 * direct transfers: send_direct, and ipcfast.S in assembly). */
HOT static struct recv_args recv_ready(struct proc *r, struct port *dest, uint32_t size)
{
    uint32_t *a = &r->tf.r[10], buf = a[1], bsize = a[2], name, opts;
    struct nameent *e;
    switch (r->tf.r[17]) {
    case SYS_MSG_RECEIVE: buf = a[0]; bsize = a[1]; name = a[2]; opts = a[3]; break;
    case SYS_MSG_RPC: name = r->rpc_reply; opts = a[3]; break;
    case SYS_MSG_REPLY_RECEIVE: name = a[3]; opts = a[4]; break;
    default: return (struct recv_args){ 1, 0 };
    }
    /* (a send timeout is the send's: the receive ignores it) */
    if ((opts & ~(AV_SEND_TIMEOUT | AV_RCV_TIMEOUT | AV_NONBLOCK | AV_RELEASE)) ||
        !(e = name_at(r, name)) || e->dead || !e->recv || e->port != dest ||
        (buf & 3) || !vm_range_ok(buf, bsize) || bsize < size)
        buf = 1;
    return (struct recv_args){ buf, name };
}

/* name_insert(r, port, R_SENDONCE) for the reply right of a round trip
 * (send_direct; ipcfast.S has its own), short: a send-once right takes the
 * first free slot of its own (searched from r's name_hint: none below it),
 * so the search for a name of the port is not needed; a dead port or a full
 * table goes to name_insert. */
HOT static int32_t name_add_once(struct proc *r, struct port *port)
{
    uint32_t n = name_free(r);
    if (port->dead || n == r->nnames)
        return name_insert(r, port, R_SENDONCE);
    struct nameent *e = &r->names[n];  /* a free slot is all zero */
    e->port = port;
    e->sendonce = 1;
    port->named++;
    port->refs++;
    return (int32_t)n;
}

/* name_release(p, name, R_SENDONCE), short, for a name in the table (the
 * caller's checks found it: send_direct; ipcfast.S has its own); the right
 * may be gone already if the reply right named the same send-once right. */
HOT static void name_drop_once(struct proc *p, uint32_t name)
{
    struct nameent *e = &p->names[name];
    if (!e->sendonce)
        return;
    e->sendonce = 0;
    if (e->recv || e->sendrefs || e->dead)
        return;
    name_drop(p, name);
}

/* r's receive ends with ret and a message of size bytes (a1). */
static void receive_done(struct proc *r, int32_t ret, uint32_t size)
{
    r->tf.r[11] = size;
    sys_return(r, ret);
}

/* A small message of inline data to a receiver already blocked in a receive
 * on dest: copied from the sender's memory into a buffer on the kernel
 * stack and from there into the receiver's buffer, with no kmsg, no queue
 * and no restart of the receiver's call. Every check of the queued path is
 * made first (the sender's in msg_send and here, the receiver's as
 * msg_receive makes them, its buffer made present and writable); a message
 * with rights, a malformed one, or a receive that would fail takes the
 * queued path instead (returns 0), which gives the errors. One out-of-line
 * item of a single read-write region may come too: its pages go straight
 * into the receiver's map where msg_receive would place them (first fit,
 * the same page offset), remapped as capture does and with the entries
 * vm_take would leave (from a read-write region remap makes them so), with
 * no transit region; no room there or no memory undoes the placement and
 * takes the queued path. Only the reply right moves (as the queued path
 * moves it, straight into the receiver's table). 1: done, the sender's
 * result in *err. The caller
 * (msg_send, or the fast path in syscall.c) has made msg_send's checks of
 * the header and the two rights, found r waiting on dest, and h->size is
 * at most DIRECT_MAX. */
HOT int send_direct(struct proc *p, struct proc *r, const struct av_msg_header *h, uint32_t umsg,
                       struct port *dest, struct port *reply, int32_t *err)
{
    uint32_t buf[DIRECT_MAX / 4];
    struct kmsg fk;                    /* only size and small: the body in buf */
    fk.size = h->size;
    fk.small = (uint8_t *)buf;
    /* the body after the header in one copy (buf is contiguous) */
    if (h->size > HDR && copyin(&p->map, buf + HDR / 4, umsg + HDR, h->size - HDR) < 0) {
        *err = -AV_EFAULT;             /* as the queued path: nothing happened */
        return 1;
    }
    uint32_t off = HDR, nitems = 0, bytes = 0, pay = 0, olen = 0, ofl = 0;
    struct itemref it;
    while (off < h->size) {
        if (++nitems > AV_MSG_MAX_ITEMS || item_next(&fk, &off, &it) || it.d.kind == AV_ITEM_PORT)
            return 0;
        if ((it.d.flags & AV_ITEM_OOL) && it.len && !pay) {
            pay = it.pay / 4;          /* the one out-of-line item */
            olen = it.len;
            ofl = it.d.flags;
        } else if (it.d.flags) {
            return 0;
        } else {
            bytes += it.len;
        }
    }
    struct recv_args ra = recv_ready(r, dest, h->size);
    if (ra.buf & 1)
        return 0;
    uint32_t rdisp = AV_MSG_GET_REPLY(h->bits), ddisp = AV_MSG_GET_DEST(h->bits);
    int once = rdisp == AV_DISP_MAKE_SEND_ONCE || rdisp == AV_DISP_MOVE_SEND_ONCE;
    int32_t n = AV_NAME_NULL;
    struct vmmap *was = vm_active;
    vm_activate(&r->map);              /* once, for the prepare and the copy */
    /* its buffer present and writable (at most two pages), as vm_prepare
     * makes it, so the copy below cannot fail */
    int bad = 0;
    for (uint32_t a = ra.buf; !bad && a < ra.buf + h->size; a = PG_ROUNDDOWN(a) + PAGE_SIZE)
        bad = utouch(a);
    if (bad || (reply && (n = once ? name_add_once(r, reply) : name_insert(r, reply, R_SEND)) < 0)) {
        vm_activate(was);
        return 0;
    }
    /* the out-of-line data last: on failure only the reply name to undo */
    if (pay && capture_ool(p, buf[pay], olen, ofl & AV_ITEM_DEALLOC, &r->map, &buf[pay]) < 0) {
        if (reply)
            name_release(r, (uint32_t)n, once ? R_SENDONCE : R_SEND);
        vm_activate(was);
        return 0;
    }
    /* committed: nothing below fails */
    struct av_msg_header *o = (struct av_msg_header *)buf;
    o->size = h->size;
    o->id = h->id;
    o->dest = ra.name;
    o->reply = (uint32_t)n;
    o->bits = (h->bits & AV_MSG_COMPLEX) |
              (reply ? AV_MSG_REPLY(once ? AV_DISP_PORT_SEND_ONCE : AV_DISP_PORT_SEND) : 0);
    /* r's map is the active one and its buffer checked and present */
    if (ucopy((void *)ra.buf, buf, h->size) < 0)
        panic("copyout after prepare");
    /* r's map stays active: it runs next, and the sender's own accesses
     * (copyin, copyout) switch back if it needs them */
    if (reply && (rdisp == AV_DISP_MOVE_SEND || rdisp == AV_DISP_MOVE_SEND_ONCE))
        name_release(p, h->reply, once ? R_SENDONCE : R_SEND);
    if (ddisp == AV_DISP_MOVE_SEND_ONCE)
        name_drop_once(p, h->dest);
    else if (ddisp == AV_DISP_MOVE_SEND)
        name_release(p, h->dest, R_SEND);
    if (pay)
        stats.msgs_ool++;
    else
        stats.msgs_inline++;
    stats.msgs_direct++;
    stats.bytes_inline += bytes;
    /* the receiver's call ends here; it runs next */
    proc_wake_one(r);
    receive_done(r, 0, h->size);
    sched_handoff(r);
    *err = 0;
    return 1;
}
