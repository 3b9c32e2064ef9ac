/*
 * Ports: one receive right, any number of send rights, a bounded queue.
 * Destroying a port destroys its queued messages (which may hold receive
 * rights of other ports: those join a work list, never recursion), wakes
 * blocked senders and receivers with a port-dead error, turns every holder's
 * name into a dead name and sends each holder a notice.
 */
#include <string.h>
#include "kernel.h"

static struct port *doomed_head;       /* ports waiting to be torn down */
static int tearing;

HOT void port_ref(struct port *pt) { pt->refs++; }

/* The last reference gone: nothing names it, and only a dead port can get
 * here, since the receive right's holder destroys it first (else
 * port_bad). One call site, a tail call: neither this nor port_unref needs
 * a frame. */
static void port_kfree(struct port *pt) { kfree(pt, sizeof *pt); }
static __attribute__((noinline)) void port_bad(struct port *pt)
{
    (void)pt;
    KASSERT(0);                        /* referenced, alive or with a queue */
}
static __attribute__((noinline)) void port_free(struct port *pt)
{
    (pt->refs == 1 && pt->dead && !pt->qhead ? port_kfree : port_bad)(pt);
}

HOT void port_unref(struct port *pt)
{
    if (pt->refs > 1)
        pt->refs--;
    else
        port_free(pt);                 /* a tail call */
}

static __attribute__((noinline)) void destroy_unref(struct port *pt)
{
    port_destroy(pt);
    port_unref(pt);
}

/* A receive right's name goes (names.c name_drop, whose one tail call
 * this or port_unref is), or a process port at reap. */
void port_destroy_unref(struct port *pt)
{
    /* the last reference to a port with nothing queued, no name to make
     * dead and nobody to wake (a process's own ports at its end): what
     * port_destroy and port_unref would come to, freed at once (one tail
     * call either way: no frame) */
    int last = pt->refs == 1 && !pt->dead && !pt->qhead && !pt->named && !tearing &&
               !(nwaiting[W_SEND] | nwaiting[W_RECV]);
    (last ? port_kfree : destroy_unref)(pt);
}

/* Work list links reuse carrier (a dead port is in no message's care). */
static void teardown(struct port *pt)
{
    proc_wake_port(pt);
    struct kmsg *km;
    while ((km = port_dequeue(pt)) != NULL)
        kmsg_destroy(km);
    /* every name of pt becomes dead; the search ends when all are found */
    uint32_t left = pt->named;
    for (uint32_t i = 0; left && i < nprocs; i++) {
        struct proc *q = &procs[i];
        if (q->state == P_FREE || !q->names)
            continue;
        for (uint32_t n = 1; left && n < q->nnames; n++) {
            struct nameent *e = &q->names[n];
            if (e->port != pt)
                continue;
            left--;
            if (e->dead)
                continue;
            rt_forget(q);
            e->dead = 1;
            e->recv = 0;
            e->sendrefs = 0;
            e->sendonce = 0;
            if (q->state != P_ZOMBIE)
                port_notice(q, AV_NOTICE_PORT_DELETED, n, 0);
        }
    }
}

/* The work list: pt's queue and names (and so on for the receive rights
 * its messages carry). */
static __attribute__((noinline)) void port_doom(struct port *pt)
{
    port_ref(pt);                      /* keep it while on the work list */
    pt->carrier = doomed_head;
    doomed_head = pt;
    if (tearing)
        return;
    tearing = 1;
    while (doomed_head) {
        struct port *x = doomed_head;
        doomed_head = x->carrier;
        x->carrier = NULL;
        teardown(x);
        port_unref(x);
    }
    tearing = 0;
}

void port_destroy(struct port *pt)
{
    if (pt->dead)
        return;
    pt->dead = 1;
    pt->receiver = NULL;
    /* nothing queued and no name to make dead (a process's own ports at
     * its end): only waiters to wake (tail calls: no frame) */
    (pt->qhead || pt->named || tearing ? port_doom : proc_wake_port)(pt);
}

void port_enqueue(struct port *pt, struct kmsg *km)
{
    km->next = NULL;
    if (pt->qtail)
        pt->qtail->next = km;
    else
        pt->qhead = km;
    pt->qtail = km;
    pt->qlen++;
    queued_bytes += km->size;
    proc_wake_receiver(pt);
}

struct kmsg *port_dequeue(struct port *pt)
{
    struct kmsg *km = pt->qhead;
    if (!km)
        return NULL;
    pt->qhead = km->next;
    if (!pt->qhead)
        pt->qtail = NULL;
    pt->qlen--;
    queued_bytes -= km->size;
    km->next = NULL;
    proc_wake(W_SEND, pt);
    return km;
}

HOT int port_full(struct port *pt)
{
    return pt->qlen >= pt->qlimit || queued_bytes + AV_MSG_INLINE_MAX > boot.ram_size / 8;
}

/* A kernel notice to q's notify port: two words, never waits, may be lost
 * only when the kernel is out of memory. */
void port_notice(struct proc *q, uint32_t id, uint32_t w0, uint32_t w1)
{
    struct nameent *e = name_at(q, AV_NAME_NOTIFY);
    if (!e || !e->recv || e->dead)
        return;
    struct notice { struct av_msg_header h; struct av_item it; uint32_t w[2]; } *b;
    struct kmsg *km = kmsg_alloc(sizeof *b);
    if (!km)
        return;
    /* a small body is one zeroed piece after the kmsg: only the non-zero
     * fields are written, in place */
    b = (struct notice *)km->small;
    b->h.size = sizeof *b;
    b->h.id = id;
    b->it.kind = AV_ITEM_WORDS;
    b->it.elsize = 4;
    b->it.count = 2;
    b->w[0] = w0;
    b->w[1] = w1;
    km->dest = e->port;
    port_ref(e->port);
    km->notice = 1;
    port_enqueue(e->port, km);
}
