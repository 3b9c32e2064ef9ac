/* Name tables and port queues: name reuse for a second right, send-once
 * names of their own, moves, dead names after port death, holders' notices,
 * queue order and limits, and reference counts that free every port. */
#include <string.h>
#include "host.h"
#include "kernel.h"

extern int host_wakes, host_kmsgs_live, host_notices;

static struct proc P[3];

/* A port's count of naming entries against the tables themselves (port
 * death uses it to stop searching). */
static uint32_t names_of(struct port *pt)
{
    uint32_t k = 0;
    for (int i = 0; i < 3; i++)
        for (uint32_t n = 1; n < P[i].nnames; n++)
            k += P[i].names[n].port == pt;
    return k;
}

int main(void)
{
    procs = P;
    nprocs = 3;
    for (int i = 0; i < 3; i++) {
        P[i].state = P_RUNNABLE;
        names_init(&P[i], 16);                  /* the table in the entry: cannot fail */
        struct port *self = port_alloc(), *notify = port_alloc();
        CHECK(name_insert(&P[i], self, R_RECV) == AV_NAME_SELF);     /* names in order */
        CHECK(name_insert(&P[i], notify, R_RECV) == AV_NAME_NOTIFY);
    }
    struct port *pt = port_alloc();
    int32_t n = name_insert(&P[0], pt, R_RECV);
    CHECK(n == 3 && pt->receiver == &P[0] && pt->refs == 1);
    CHECK(name_insert(&P[0], pt, R_SEND) == n);               /* a second right reuses the name */
    CHECK(name_rights(&P[0], n) == (AV_RIGHT_RECEIVE | AV_RIGHT_SEND));
    int32_t so = name_insert(&P[0], pt, R_SENDONCE);
    CHECK(so != n && name_rights(&P[0], so) == AV_RIGHT_SENDONCE && pt->refs == 2);
    int32_t m = name_insert(&P[1], pt, R_SEND);
    CHECK(m > 0 && pt->refs == 3);
    CHECK(name_insert(&P[1], pt, R_SEND) == m && P[1].names[m].sendrefs == 2);
    CHECK(name_release(&P[1], m, R_SEND) == 0 && P[1].names[m].sendrefs == 1);
    CHECK(name_release(&P[1], m, R_RECV) == -AV_ENAME);
    CHECK(name_lookup(&P[1], 0) == NULL && name_lookup(&P[1], 999) == NULL);
    CHECK(pt->named == 3 && names_of(pt) == 3);

    /* queue: order, limit */
    CHECK(pt->qlimit == AV_QLIMIT_DEFAULT);
    struct kmsg *k[AV_QLIMIT_DEFAULT];
    for (int i = 0; i < (int)AV_QLIMIT_DEFAULT; i++) {
        CHECK(!port_full(pt));
        k[i] = kmsg_alloc(32);
        k[i]->dest = pt;
        port_ref(pt);
        port_enqueue(pt, k[i]);
    }
    CHECK(port_full(pt) && pt->qlen == AV_QLIMIT_DEFAULT);
    struct kmsg *first = port_dequeue(pt);
    CHECK(first == k[0] && !port_full(pt));
    kmsg_destroy(first);

    /* death: queued messages destroyed, holders get dead names and notices */
    int notices0 = host_notices;
    CHECK(name_deallocate(&P[0], n) == 0);
    CHECK(pt->dead && host_kmsgs_live > 0);
    CHECK(P[1].names[m].dead && name_rights(&P[1], m) == AV_RIGHT_DEAD);
    CHECK(P[0].names[so].dead);
    CHECK(pt->named == names_of(pt) && pt->named == 2);       /* dead names still name it */
    CHECK(host_notices > notices0);                           /* notices were written */
    CHECK(P[1].names[AV_NAME_NOTIFY].port->qlen >= 1);                     /* queued at P1's notify port */
    {   /* the notice as written in place: header, one item of two words (name, 0) */
        const struct kmsg *nk = P[1].names[AV_NAME_NOTIFY].port->qhead;
        const struct av_msg_header *h = (const void *)nk->small;
        const struct av_item *it = (const void *)(h + 1);
        const uint32_t *w = (const void *)(it + 1);
        CHECK(h->size == nk->size && h->size == sizeof *h + sizeof *it + 8 && h->id == AV_NOTICE_PORT_DELETED &&
              !h->dest && !h->reply && !h->bits);
        CHECK(it->kind == AV_ITEM_WORDS && it->elsize == 4 && it->count == 2 && !it->flags && w[0] == (uint32_t)m && w[1] == 0);
    }
    /* dead names stay until deallocated; the last one frees the port */
    CHECK(name_deallocate(&P[1], m) == 0);
    CHECK(name_deallocate(&P[0], so) == 0);
    /* tables grow from 8 entries up to the quota (16), then refuse */
    CHECK(P[2].nnames == 8);
    struct port *many[16];
    int got = 0;
    for (int i = 0; i < 16; i++) {
        many[i] = port_alloc();
        int32_t nm = name_insert(&P[2], many[i], R_RECV);
        if (nm < 0) {
            CHECK(nm == -AV_ENORIGHTS);
            free(many[i]);                 /* never named: nothing else holds it */
            continue;
        }
        got++;
        CHECK(name_lookup(&P[2], nm)->port == many[i]);
    }
    CHECK(P[2].nnames == 16 && got == 16 - 3 && names_free_slots(&P[2], ~0u) == 0);
    /* tear everything down: every message and port freed (ASan checks leaks) */
    for (int i = 0; i < 3; i++) {
        names_drop_all(&P[i]);
        names_free_table(&P[i]);
    }
    CHECK(host_kmsgs_live == 0);
    printf("name tables and port queues: ok\n");
    return 0;
}
