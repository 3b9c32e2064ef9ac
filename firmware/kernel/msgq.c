/*
 * Messages by value, the queued side (msg.c has the direct transfer):
 * kernel messages (storage, copies, destruction), the checks and moves of
 * rights, the general send and receive, the capture of out-of-line data
 * (capture_ool: into the transit map, or for the direct transfers of
 * msg.c and ipcool.S, whose whole-page case ipcool.S makes itself) and
 * the wait. Off the round trip's fast paths, so built with -msave-restore
 * (firmware.mk: a file not on its K_HOT list), which keeps the kernel
 * small: the shared register saves cost a few instructions a call here.
 */
#include <string.h>
#include "kernel.h"
#include "riscv.h"
#include "msgi.h"

/* ---- kernel message storage ------------------------------------------- */
/* A body that fits follows the kmsg in the same slab object (one allocation,
 * one contiguous body); a bigger one lives in whole pages. */
#define SMALL_MAX (2048 - (uint32_t)sizeof(struct kmsg))

static uint32_t kmsg_bytes(uint32_t size)
{
    return (uint32_t)sizeof(struct kmsg) + (size <= SMALL_MAX ? size : 0);
}

struct kmsg *kmsg_alloc(uint32_t size)
{
    struct kmsg *km = kmalloc(kmsg_bytes(size));
    if (!km)
        return NULL;
    km->size = size;
    if (size <= SMALL_MAX) {
        km->small = (uint8_t *)(km + 1);
        return km;
    }
    for (uint32_t i = 0; i * PAGE_SIZE < size; i++)
        if (!(km->pg[i] = kpage_alloc())) {
            kmsg_free(km);
            return NULL;
        }
    return km;
}

void kmsg_free(struct kmsg *km)
{
    for (uint32_t i = 0; i < KMSG_PAGES; i++)
        if (km->pg[i])
            kpage_free(km->pg[i]);
    kfree(km, kmsg_bytes(km->size));
}

/* Copy the body from or to user memory (the caller checked the address);
 * in, the header is already there. */
HOT static int kmsg_user(struct proc *p, struct kmsg *km, uint32_t uva, int out)
{
    uint32_t chunk = km->small ? km->size : PAGE_SIZE;
    for (uint32_t off = out ? 0 : HDR; off < km->size; off += chunk - off % chunk) {
        uint8_t *b = km->small ? km->small + off : km->pg[off / PAGE_SIZE] + off % PAGE_SIZE;
        uint32_t n = chunk - off % chunk;
        if (n > km->size - off)
            n = km->size - off;
        if ((out ? copyout(&p->map, uva + off, b, n) : copyin(&p->map, b, uva + off, n)) < 0)
            return -AV_EFAULT;
    }
    return 0;
}

/* n bytes between buf and the body at off, into the body (in) or out of
 * it (kmsg_write, kmsg_read) */
void kmsg_copy(struct kmsg *km, uint32_t off, void *buf, uint32_t n, int in)
{
    uint8_t *b = buf;
    while (n) {
        uint32_t room;
        uint8_t *k = body_at(km, off, &room);
        uint32_t c = n < room ? n : room;
        if (in)
            memcpy(k, b, c);
        else
            memcpy(b, k, c);
        b += c, off += c, n -= c;
    }
}
static void wr32(struct kmsg *km, uint32_t off, uint32_t v) { *word_at(km, off) = v; }

/* ---- rights -------------------------------------------------------------- */
/* Check that p can give a right by disposition; returns the port. */
HOT static struct port *right_check(struct proc *p, uint32_t name, uint32_t disp, int32_t *err)
{
    struct nameent *e = name_lookup(p, name);
    *err = -AV_ENAME;
    if (!e)
        return NULL;
    if (e->dead) {
        *err = -AV_EDEAD;
        return NULL;
    }
    int ok = 0;
    switch (disp) {
    case AV_DISP_COPY_SEND:
    case AV_DISP_MOVE_SEND: ok = e->sendrefs > 0; break;
    case AV_DISP_MAKE_SEND:
    case AV_DISP_MAKE_SEND_ONCE:
    case AV_DISP_MOVE_RECEIVE: ok = e->recv; break;
    case AV_DISP_MOVE_SEND_ONCE: ok = e->sendonce; break;
    default: *err = -AV_EINVAL; return NULL;
    }
    if (!ok)
        return NULL;
    if (e->port->dead) {
        *err = -AV_EDEAD;
        return NULL;
    }
    *err = 0;
    return e->port;
}

/* Carry out a checked disposition: the message gains a reference; returns
 * what the receiver will hold. */
static uint8_t right_take(struct proc *p, uint32_t name, uint32_t disp, struct port *pt)
{
    port_ref(pt);
    switch (disp) {
    case AV_DISP_MOVE_SEND: name_release(p, name, R_SEND); return AV_DISP_PORT_SEND;
    case AV_DISP_COPY_SEND:
    case AV_DISP_MAKE_SEND: return AV_DISP_PORT_SEND;
    case AV_DISP_MAKE_SEND_ONCE: return AV_DISP_PORT_SEND_ONCE;
    case AV_DISP_MOVE_SEND_ONCE: name_release(p, name, R_SENDONCE); return AV_DISP_PORT_SEND_ONCE;
    case AV_DISP_MOVE_RECEIVE: name_release(p, name, R_RECV); return AV_DISP_PORT_RECEIVE;
    }
    panic("right_take: disposition %u", disp);
}

/* Drop a right the message holds (message destroyed undelivered). */
static void right_drop(struct port *pt, uint32_t what)
{
    if (what == AV_DISP_PORT_RECEIVE)
        port_destroy(pt);
    port_unref(pt);
}

/* Would moving pt's receive right into a message for dest send it to itself? */
static int receive_loop(struct port *pt, struct port *dest)
{
    for (struct port *x = dest; x; x = x->carrier)
        if (x == pt)
            return 1;
    return 0;
}

/* ---- destroying a message ------------------------------------------------ */
void kmsg_destroy(struct kmsg *km)
{
    uint32_t off = HDR;
    struct itemref it;
    while (off < km->size && item_next(km, &off, &it) == 0) {
        if (it.d.kind == AV_ITEM_PORT) {
            for (uint32_t i = 0; i < it.d.count; i++) {
                struct port *pt = (struct port *)(uintptr_t)rd32(km, it.pay + 4 * i);
                if (pt)
                    right_drop(pt, it.d.disp);
            }
        } else if ((it.d.flags & AV_ITEM_OOL) && it.len) {
            uint32_t tva = rd32(km, it.pay);
            uint32_t a = PG_ROUNDDOWN(tva), b = PG_ROUNDUP(tva + it.len);
            vm_deallocate(&transit, a, b - a);
        }
    }
    if (km->dest)
        port_unref(km->dest);
    if (km->reply)
        right_drop(km->reply, km->reply_disp);
    kmsg_free(km);
}

/* ---- send ---------------------------------------------------------------- */
HOT int32_t msg_send(struct proc *p, uint32_t umsg, uint32_t opts, uint32_t timeout, uint32_t *reply_out)
{
    struct av_msg_header h;
    int32_t err;
    if (opts & ~(AV_SEND_TIMEOUT | AV_RCV_TIMEOUT | AV_NONBLOCK))
        return -AV_EINVAL;
    if ((umsg & 3) || copyin(&p->map, &h, umsg, HDR) < 0)
        return -AV_EFAULT;
    *reply_out = h.reply;
    if (h.size < HDR || h.size > AV_MSG_INLINE_MAX || (h.size & 3) ||
        (h.bits & ~(0xffffu | AV_MSG_COMPLEX)))
        return -AV_EINVAL;
    uint32_t ddisp = AV_MSG_GET_DEST(h.bits), rdisp = AV_MSG_GET_REPLY(h.bits);
    struct port *dest = right_check(p, h.dest, ddisp, &err);
    if (!dest)
        return err;
    if (ddisp == AV_DISP_MOVE_RECEIVE)
        return -AV_EINVAL;
    struct port *reply = NULL;
    if (h.reply != AV_NAME_NULL) {
        if (rdisp == AV_DISP_NONE)
            return -AV_EINVAL;
        reply = right_check(p, h.reply, rdisp, &err);
        if (!reply)
            return err;
        if (rdisp == AV_DISP_MOVE_RECEIVE && receive_loop(reply, dest))
            return -AV_EINVAL;
    }
    int once = ddisp == AV_DISP_MOVE_SEND_ONCE || ddisp == AV_DISP_MAKE_SEND_ONCE;
    if (!dest->kproc && !once && port_full(dest))
        return wait_or_fail(p, opts, AV_SEND_TIMEOUT, timeout, W_SEND, dest);
    struct proc *r = dest->kproc ? NULL : proc_receiving(dest);
    if (r && h.size <= DIRECT_MAX &&
        !(reply && rdisp == AV_DISP_MOVE_RECEIVE) &&
        send_direct(p, r, &h, umsg, dest, reply, &err))
        return err;

    struct kmsg *km = kmsg_alloc(h.size);
    if (!km)
        return -AV_ENOMEM;
    /* the header as checked, then the rest from the user (a message has no
     * second look at its header) */
    kmsg_write(km, 0, &h, HDR);
    if (kmsg_user(p, km, umsg, 0) < 0) {
        kmsg_free(km);
        return -AV_EFAULT;
    }                /* the size checked, not a re-read */

    /* pass 1: check every item before anything moves */
    uint32_t off = HDR, nitems = 0;
    struct itemref it;
    while (off < h.size) {
        if (++nitems > AV_MSG_MAX_ITEMS || (err = item_next(km, &off, &it)) < 0)
            goto fail;
        if (it.d.kind == AV_ITEM_PORT) {
            for (uint32_t i = 0; i < it.d.count; i++) {
                uint32_t name = rd32(km, it.pay + 4 * i);
                if (name == AV_NAME_NULL)
                    continue;
                struct port *pt = right_check(p, name, it.d.disp, &err);
                if (!pt)
                    goto fail;
                if (it.d.disp == AV_DISP_MOVE_RECEIVE && receive_loop(pt, dest)) {
                    err = -AV_EINVAL;
                    goto fail;
                }
            }
        } else if (it.d.flags & AV_ITEM_OOL) {
            uint32_t va = rd32(km, it.pay);
            if (it.len && (!vm_range_ok(va, it.len) ||
                !region_covered(p->map.regions, PG_ROUNDDOWN(va), PG_ROUNDUP(va + it.len)))) {
                err = -AV_EFAULT;
                goto fail;
            }
        } else if (it.d.flags & AV_ITEM_DEALLOC) {
            err = -AV_EINVAL;
            goto fail;
        }
    }
    if (dest->kproc) {
        /* a request to a process port: the kernel is the receiver */
        int32_t r = proc_request(p, dest, km, reply, rdisp, h.reply);
        kmsg_free(km);
        if (r >= 0 && (ddisp == AV_DISP_MOVE_SEND || ddisp == AV_DISP_MOVE_SEND_ONCE))
            name_release(p, h.dest, ddisp == AV_DISP_MOVE_SEND ? R_SEND : R_SENDONCE);
        return r;
    }

    /* pass 2a: out-of-line memory (the only step that can still fail) */
    uint32_t inline_bytes = 0;
    off = HDR;
    while (off < h.size) {
        item_next(km, &off, &it);
        if (!(it.d.flags & AV_ITEM_OOL)) {
            inline_bytes += it.len;
            continue;
        }
        if (!it.len) {
            wr32(km, it.pay, 0);
            continue;
        }
        uint32_t tva = 0;
        int r = capture_ool(p, rd32(km, it.pay), it.len, it.d.flags & AV_ITEM_DEALLOC, &transit, &tva);
        if (r < 0) {
            /* undo: items from the failed one on hold nothing, and no
             * right has moved yet; destroying the message returns the rest */
            err = r;
            uint32_t failed = it.off;
            for (uint32_t o = HDR; o < h.size;) {
                struct itemref x;
                item_next(km, &o, &x);
                if ((x.d.flags & AV_ITEM_OOL) && x.off >= failed)
                    wr32(km, x.off + 4, 0);      /* count 0: nothing held */
                else if (x.d.kind == AV_ITEM_PORT)
                    for (uint32_t i = 0; i < x.d.count; i++)
                        wr32(km, x.pay + 4 * i, 0);
            }
            kmsg_destroy(km);
            return err;
        }
        km->ool_pages += (uint32_t)r;
        wr32(km, it.pay, tva);
    }
    /* pass 2b: rights (checked above, cannot fail now) */
    off = HDR;
    while (off < h.size) {
        item_next(km, &off, &it);
        if (it.d.kind != AV_ITEM_PORT)
            continue;
        uint8_t got = 0;
        for (uint32_t i = 0; i < it.d.count; i++) {
            uint32_t name = rd32(km, it.pay + 4 * i);
            struct port *pt = NULL;
            if (name != AV_NAME_NULL) {
                pt = right_check(p, name, it.d.disp, &err);
                if (pt) {
                    got = right_take(p, name, it.d.disp, pt);
                    if (got == AV_DISP_PORT_RECEIVE)
                        pt->carrier = dest;
                }
            }
            wr32(km, it.pay + 4 * i, (uint32_t)(uintptr_t)pt);
        }
        if (!got)
            got = it.d.disp == AV_DISP_MOVE_RECEIVE ? AV_DISP_PORT_RECEIVE :
                  (it.d.disp == AV_DISP_MAKE_SEND_ONCE || it.d.disp == AV_DISP_MOVE_SEND_ONCE) ?
                  AV_DISP_PORT_SEND_ONCE : AV_DISP_PORT_SEND;
        /* the receiver sees what it holds */
        struct av_item d = it.d;
        d.disp = got;
        kmsg_write(km, it.off, &d, ITM);
    }
    if (reply) {
        km->reply_disp = right_take(p, h.reply, rdisp, reply);
        km->reply = reply;
        if (km->reply_disp == AV_DISP_PORT_RECEIVE)
            reply->carrier = dest;
    }
    km->dest = dest;
    port_ref(dest);
    if (ddisp == AV_DISP_MOVE_SEND || ddisp == AV_DISP_MOVE_SEND_ONCE)
        name_release(p, h.dest, ddisp == AV_DISP_MOVE_SEND ? R_SEND : R_SENDONCE);
    if (km->ool_pages) {
        stats.msgs_ool++;
    } else {
        stats.msgs_inline++;
    }
    stats.bytes_inline += inline_bytes;
    /* a receiver already waiting runs next: the send hands off to it */
    r = proc_receiving(dest);
    if (r)
        sched_handoff(r);
    port_enqueue(dest, km);
    return 0;
fail:
    kmsg_free(km);
    return err;
}

/* ---- receive ---------------------------------------------------------------- */
HOT int32_t msg_receive(struct proc *p, uint32_t ubuf, uint32_t bufsize, uint32_t name,
                    uint32_t opts, uint32_t timeout, uint32_t *size_out)
{
    if (opts & ~(AV_SEND_TIMEOUT | AV_RCV_TIMEOUT | AV_NONBLOCK))
        return -AV_EINVAL;
    struct nameent *e = name_lookup(p, name);
    if (!e)
        return -AV_ENAME;
    if (e->dead)
        return -AV_EDEAD;
    if (!e->recv)
        return -AV_ENAME;
    struct port *pt = e->port;
    if ((ubuf & 3) || !vm_range_ok(ubuf, bufsize))
        return -AV_EFAULT;
    struct kmsg *km = pt->qhead;
    if (!km)
        return wait_or_fail(p, opts, AV_RCV_TIMEOUT, timeout, W_RECV, pt);
    *size_out = km->size;
    if (bufsize < km->size)
        return -AV_ETOOSMALL;
    if (vm_prepare(&p->map, ubuf, km->size) < 0)
        return -AV_EFAULT;
    /* room for out-of-line data and for names, before anything changes
     * (what was placed goes again if the names do not fit) */
    uint32_t need = km->reply ? 1 : 0, off = HDR;
    struct itemref it;
    uint32_t placed[AV_MSG_MAX_ITEMS], nplaced = 0;
    int32_t err = 0;
    while (off < km->size) {
        item_next(km, &off, &it);
        if (it.d.kind == AV_ITEM_PORT)
            need += it.d.count;
        if (!(it.d.flags & AV_ITEM_OOL) || !it.len)
            continue;
        uint32_t tva = rd32(km, it.pay);
        uint32_t span = PG_ROUNDUP(tva + it.len) - PG_ROUNDDOWN(tva);
        uint32_t at = vm_place(&p->map, USER_LOW, AV_USER_TOP, span, AV_PROT_READ | AV_PROT_WRITE);
        if (at <= 1) {
            err = -AV_ENOSPACE;
            break;
        }
        placed[nplaced++] = at;
        /* tables now (each 4 MiB span), so the take below cannot run out of memory */
        for (uint32_t a = at; a < at + span; a += MEGA_SIZE - (a & (MEGA_SIZE - 1)))
            if (!vm_walk(&p->map, a, 1)) {
                err = -AV_ENOMEM;
                break;
            }
        if (err)
            break;
    }
    if (!err && need > names_free_slots(p, need))
        err = -AV_ENORIGHTS;
    if (err) {
        off = HDR;
        for (uint32_t k = 0; k < nplaced;) {
            item_next(km, &off, &it);
            if (!(it.d.flags & AV_ITEM_OOL) || !it.len)
                continue;
            uint32_t tva = rd32(km, it.pay);
            vm_deallocate(&p->map, placed[k++], PG_ROUNDUP(tva + it.len) - PG_ROUNDDOWN(tva));
        }
        return err;
    }
    port_dequeue(pt);
    /* deliver: memory moves out of transit, references become names */
    uint32_t k = 0;
    off = HDR;
    while (off < km->size) {
        item_next(km, &off, &it);
        if (it.d.kind == AV_ITEM_PORT) {
            for (uint32_t i = 0; i < it.d.count; i++) {
                struct port *x = (struct port *)(uintptr_t)rd32(km, it.pay + 4 * i);
                int32_t n = 0;
                if (x) {
                    n = name_insert(p, x, it.d.disp == AV_DISP_PORT_RECEIVE ? R_RECV :
                                    it.d.disp == AV_DISP_PORT_SEND_ONCE ? R_SENDONCE : R_SEND);
                    KASSERT(n > 0);
                    port_unref(x);
                }
                wr32(km, it.pay + 4 * i, (uint32_t)n);
            }
        } else if ((it.d.flags & AV_ITEM_OOL) && it.len) {
            uint32_t tva = rd32(km, it.pay);
            uint32_t a = PG_ROUNDDOWN(tva), span = PG_ROUNDUP(tva + it.len) - a;
            uint32_t got = vm_take(&p->map, placed[k], a, span / PAGE_SIZE);
            KASSERT(got == span / PAGE_SIZE);
            wr32(km, it.pay, placed[k] + (tva - a));
            k++;
        }
    }
    uint32_t room;
    struct av_msg_header *h = (struct av_msg_header *)body_at(km, 0, &room);   /* in one piece */
    h->dest = name;
    h->reply = AV_NAME_NULL;
    h->bits &= AV_MSG_COMPLEX;
    if (km->reply) {
        int32_t n = name_insert(p, km->reply, km->reply_disp == AV_DISP_PORT_RECEIVE ? R_RECV :
                                km->reply_disp == AV_DISP_PORT_SEND_ONCE ? R_SENDONCE : R_SEND);
        KASSERT(n > 0);
        port_unref(km->reply);
        km->reply = NULL;
        h->reply = (uint32_t)n;
        h->bits |= AV_MSG_REPLY(km->reply_disp);
    }
    if (kmsg_user(p, km, ubuf, 1) < 0)
        panic("copyout after prepare");
    port_unref(km->dest);
    km->dest = NULL;
    kmsg_free(km);
    return 0;
}

/* ---- capture of out-of-line memory at send --------------------------------- */
/* Copy the part [va, va+n) of a partial page into a fresh frame at tva in
 * dst (the transit map, or a waiting receiver's). */
static int capture_partial(struct proc *p, uint32_t va, uint32_t n, struct vmmap *dst, uint32_t tva)
{
    uint32_t ppn = frame_pop();
    if (!ppn)
        return -AV_ENOMEM;
    uint8_t *f = (uint8_t *)(uintptr_t)(ppn << PAGE_SHIFT);
    memset(f, 0, PAGE_SIZE);
    if (copyin(&p->map, f + (va & (PAGE_SIZE - 1)), va, n) < 0) {
        frame_unref(ppn);
        return -AV_EFAULT;
    }
    pte_t *pte = vm_walk(dst, tva, 1);
    if (!pte) {
        frame_unref(ppn);
        return -AV_ENOMEM;
    }
    /* as a received page: read-write, never accessed */
    *pte = pte_make(ppn, VMC_PTE_V | VMC_PTE_R | VMC_PTE_W | VMC_PTE_U);
    return 0;
}

/* Capture one item into dst (the transit map, or the map of a receiver
 * already waiting) at a first-fit address with the same page offset (a
 * region of its own there): partial first and last pages copied, whole ones
 * remapped copy-on-write; then the sender's pages go if it asked. On
 * success *tva_out is the data's address in dst; on failure nothing stays
 * placed. For a receiver's map (the direct transfer: send_direct, and
 * ipcool.S from registers) the data must lie in one read-write region of
 * p's: -1 if not, nothing done (the queued path takes it). */
_Static_assert(AV_ITEM_DEALLOC == 2 && AV_ITEM_MEMORY == 4 && AV_ITEM_OOL == 1, "ipcool.S: an item's word 0");
int capture_ool(struct proc *p, uint32_t va, uint32_t len, int dealloc, struct vmmap *dst,
                    uint32_t *tva_out)
{
    if (dst != &transit) {
        struct region *x = region_find(p->map.regions, va);
        if (!vm_range_ok(va, len) || !x || x->end < PG_ROUNDUP(va + len) ||
            x->prot != (AV_PROT_READ | AV_PROT_WRITE))
            return -1;
    }
    uint32_t a = PG_ROUNDDOWN(va), end = va + len, b = PG_ROUNDUP(end);
    uint32_t tbase = vm_place(dst, USER_LOW, AV_USER_TOP, b - a, AV_PROT_READ | AV_PROT_WRITE);
    if (tbase <= 1)
        return -AV_ENOMEM;
    /* whole pages [lo, hi) remapped; a partial first page, and a partial
     * last one that is not also the first, copied */
    uint32_t lo = va == a ? a : a + PAGE_SIZE, hi = end == b ? b : b - PAGE_SIZE;
    int e = 0;
    if (lo > a)
        e = capture_partial(p, va, (end < lo ? end : lo) - va, dst, tbase);
    if (!e && hi < b && hi >= lo)
        e = capture_partial(p, hi, end - hi, dst, tbase + (hi - a));
    if (!e && hi > lo && vm_remap(&p->map, lo, dst, tbase + (lo - a), (hi - lo) / PAGE_SIZE) != (hi - lo) / PAGE_SIZE)
        e = -AV_ENOMEM;
    if (e) {
        vm_deallocate(dst, tbase, b - a);
        return e;
    }
    if (dealloc)
        vm_deallocate(&p->map, a, b - a);
    *tva_out = tbase + (va - a);
    stats.bytes_ool += len;
    return (int)((b - a) / PAGE_SIZE);
}

int32_t wait_or_fail(struct proc *p, uint32_t opts, uint32_t flag, uint32_t timeout,
                     enum pwait w, void *obj)
{
    if (opts & AV_NONBLOCK)
        return -AV_EWOULDBLOCK;
    if (opts & flag) {
        uint64_t now = now_ticks();
        if (!p->has_deadline) {
            p->has_deadline = 1;
            p->deadline = now + us_to_ticks(timeout);
        }
        if (now >= p->deadline)
            return -AV_ETIMEDOUT;
    }
    proc_block(p, w, obj);
    return K_BLOCKED;
}
