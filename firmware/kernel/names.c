/*
 * Per-process name tables: a port name is an index into the table. Send and
 * receive rights to one port share a name (a second right reuses it); each
 * send-once right gets a name of its own; a name whose port died stays a dead
 * name until deallocated. Every used entry holds one port reference.
 */
#include <string.h>
#include "kernel.h"

static void table_free(struct proc *p)
{
    if (p->names != p->names0)
        kfree(p->names, p->nnames * sizeof(struct nameent));
}

/* Grow p's table to at least n entries (within the quota); 0 or -1. The
 * new slots lie above every old one: name_hint stays right. */
int names_grow(struct proc *p, uint32_t n)
{
    if (n <= p->nnames)
        return 0;
    if (n > p->nquota)
        return -1;
    uint32_t size = p->nnames * 2 > n ? p->nnames * 2 : n;
    if (size > p->nquota)
        size = p->nquota;
    struct nameent *t = kmalloc(size * sizeof *t);
    if (!t)
        return -1;
    memcpy(t, p->names, p->nnames * sizeof *t);
    if (p->names == p->names0)
        memset(p->names0, 0, sizeof p->names0);    /* zero for the entry's next process */
    table_free(p);
    p->names = t;
    p->nnames = size;
    return 0;
}

/* (The fields first, the free last: a tail call, no frame.) */
void names_free_table(struct proc *p)
{
    struct nameent *t = p->names;
    uint32_t n = p->nnames;
    p->names = NULL;
    p->nnames = 0;
    if (t && t != p->names0)
        kfree(t, n * sizeof *t);
}

/* The one copy of name_at for callers off the fast path (size). */
HOT struct nameent *name_lookup(struct proc *p, uint32_t name)
{
    return name_at(p, name);
}

HOT uint32_t name_of_port(struct proc *p, struct port *port)
{
    for (uint32_t n = 1; n < p->nnames; n++) {
        struct nameent *e = &p->names[n];
        if (e->port == port && !e->sendonce)
            return n;
    }
    return 0;
}

/* Free name slots, counted up to want (a receive asks whether its rights
 * fit; stopping early keeps that cheap in a big table). */
uint32_t names_free_slots(struct proc *p, uint32_t want)
{
    uint32_t k = p->nquota - p->nnames;
    for (uint32_t n = 1; k < want && n < p->nnames; n++)
        if (!p->names[n].port)
            k++;
    return k;
}

/* The lowest free slot (none below name_hint), or a new one */
HOT static uint32_t free_slot(struct proc *p)
{
    uint32_t n = name_free(p);
    if (n < p->nnames) {
        p->name_hint = n + 1;          /* (the caller fills n) */
        return n;
    }
    return names_grow(p, n + 1) == 0 ? n : 0;
}

/* Give p one more right to port; returns its name or -AV_ENORIGHTS. */
HOT int32_t name_insert(struct proc *p, struct port *port, int right)
{
    /* a port no entry names (a fresh one) needs no search for a name */
    uint32_t n = right == R_SENDONCE || !port->named ? 0 : name_of_port(p, port);
    rt_forget(p);
    if (!n) {
        n = free_slot(p);
        if (!n)
            return -AV_ENORIGHTS;
        p->names[n].port = port;
        port->named++;
        port_ref(port);
    }
    struct nameent *e = &p->names[n];
    if (port->dead) {
        e->dead = 1;
        return (int32_t)n;
    }
    if (right == R_SEND)
        e->sendrefs++;
    else if (right == R_SENDONCE)
        e->sendonce = 1;
    else {
        e->recv = 1;
        port->receiver = p;
        port->carrier = NULL;
    }
    return (int32_t)n;
}

HOT static void drop_if_empty(struct proc *p, uint32_t n)
{
    struct nameent *e = &p->names[n];
    if (e->recv || e->sendrefs || e->sendonce || e->dead)
        return;
    name_drop(p, n);
}

/* Take one right of the given kind out of p's name (it moves elsewhere). */
HOT int name_release(struct proc *p, uint32_t name, int right)
{
    struct nameent *e = name_lookup(p, name);
    if (!e)
        return -AV_ENAME;
    rt_forget(p);
    if (right == R_SEND) {
        if (!e->sendrefs)
            return -AV_ENAME;
        e->sendrefs--;
    } else if (right == R_SENDONCE) {
        if (!e->sendonce)
            return -AV_ENAME;
        e->sendonce = 0;
    } else {
        if (!e->recv)
            return -AV_ENAME;
        e->recv = 0;
        e->port->receiver = NULL;
    }
    drop_if_empty(p, name);
    return 0;
}

/* Empty a used entry: its rights go (a receive right destroys the port).
 * One call, a tail call: no frame. */
static __attribute__((noinline)) void entry_drop(struct nameent *e)
{
    struct port *pt = e->port;
    int recv = e->recv;
    *e = (struct nameent){ 0 };
    pt->named--;
    if (recv)
        pt->receiver = NULL;
    (recv ? port_destroy_unref : port_unref)(pt);
}

/* Empty p's used entry n; the name hint comes down to n */
void name_drop(struct proc *p, uint32_t n)
{
    if (n < p->name_hint)
        p->name_hint = n;
    entry_drop(&p->names[n]);
}

/* (nnames > 1 while a process lives: a bottom test only) */
void names_drop_all(struct proc *p)
{
    struct nameent *e = p->names + 1, *end = p->names + p->nnames;
    p->name_hint = 1;
    do {
        if (e->port)
            entry_drop(e);
    } while (++e < end);
}

uint32_t name_rights(struct proc *p, uint32_t name)
{
    struct nameent *e = name_lookup(p, name);
    if (!e)
        return 0;
    if (e->dead)
        return AV_RIGHT_DEAD;
    return (e->recv ? AV_RIGHT_RECEIVE : 0) | (e->sendrefs ? AV_RIGHT_SEND : 0) |
           (e->sendonce ? AV_RIGHT_SENDONCE : 0);
}
