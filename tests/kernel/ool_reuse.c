/* A server that releases each request's out-of-line region in its reply
 * (AV_RELEASE) hands the region's node to the next placement (vm.c
 * region_kept): the next request's data lands in a node just unlinked,
 * often over the same range. Every message must still arrive by value.
 *  - sizes changing from request to request (1 to 16 pages, and an
 *    unaligned range): each request's bytes as sent (a pattern of its own,
 *    so a byte of an earlier request would show), the rest of a partial
 *    page zero, the range released before free or holding the new data
 *  - the server deallocating the first page of a region itself, then
 *    releasing the rest (a region split off the received one) in its reply
 *  - a server process that released a region in its reply and then ended:
 *    the next placement (another server) takes its kept node
 *  - the client's copy never changed by the server's writes; frames steady
 *    over many round trips and the audit clean
 * bootargs: nopreempt */
#include "ktest.h"

/* expect:
dying server: by value, released
split: the rest released
sizes: by value, released
round trips: frames steady
test ool_reuse: PASS
*/

#define PAGE 4096u
#define ID_STOP 0xdeadu
#define ROUNDS 12

static uint32_t cmsg[16], cbuf[16], smsg[16], sbuf[KT_BUF_WORDS];

static uint8_t pat(uint32_t id, uint32_t k) { return (uint8_t)(id * 13 + k * 5 + (k >> 12) + 1); }

/* The requests of the sizes phase: id, offset in a fresh region, bytes. */
static const struct { uint32_t id, off, n; } req[] = {
    { 1, 0, 4 * PAGE }, { 2, 0, PAGE }, { 3, 0, 6 * PAGE }, { 4, 0x10, 2 * PAGE + 0x321 },
    { 5, 0, 3 * PAGE }, { 6, 0, 16 * PAGE }, { 7, 0, PAGE }, { 8, 0, 5 * PAGE },
};
#define NREQ (sizeof req / sizeof req[0])
#define ID_SPLIT 5                     /* the server drops its first page itself */

static uint32_t len_of(uint32_t id)
{
    for (unsigned i = 0; i < NREQ; i++)
        if (req[i].id == id)
            return req[i].n;
    return 2 * PAGE;                   /* the dying server's and the round trips' */
}

static void rpc(int port, int reply, uint32_t id, uint32_t va, uint32_t n)
{
    uint32_t got;
    av_msg_init(cmsg, port, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE, id);
    if (n)
        av_msg_add_ool(cmsg, (void *)va, n, 0);
    CHECK_RC(av_msg_rpc(cmsg, cbuf, sizeof cbuf, 0, 0, &got), 0);
    CHECK(((struct av_msg_header *)cbuf)->id == id, "reply to %lx", (unsigned long)id);
}

/* One request sent from a fresh region, then our copy checked. */
static void send_one(int port, int reply, uint32_t id, uint32_t off, uint32_t n)
{
    uint32_t a = ktest_fresh(((off + n + PAGE - 1) & ~(PAGE - 1)));
    for (uint32_t k = 0; k < n; k++)
        ((volatile uint8_t *)(a + off))[k] = pat(id, k);
    rpc(port, reply, id, a + off, n);
    for (uint32_t k = 0; k < n; k++)   /* ours unchanged by the server's write */
        CHECK(((uint8_t *)(a + off))[k] == pat(id, k), "request %lx: our copy at %lu", (unsigned long)id,
              (unsigned long)k);
    CHECK_RC(av_vm_deallocate(AV_NAME_SELF, a, (off + n + PAGE - 1) & ~(PAGE - 1)), 0);
}

/* A request's data: its bytes, zero around them in their pages; then the
 * server writes its own copy. Returns the data's address. */
static uint32_t check_data(uint32_t *b, uint32_t got)
{
    struct av_msg_header *h = (struct av_msg_header *)b;
    uint32_t n = len_of(h->id);
    struct av_item *it = av_item_first(b);
    CHECK(got == 32 && it && it->kind == AV_ITEM_MEMORY && it->count == n && (it->flags & AV_ITEM_OOL),
          "request %lx: %lu bytes", (unsigned long)h->id, (unsigned long)got);
    uint32_t a = av_item_addr(it);
    for (uint32_t k = 0; k < n; k++)
        CHECK(((volatile uint8_t *)a)[k] == pat(h->id, k), "request %lx: byte %lu is %x",
              (unsigned long)h->id, (unsigned long)k, ((volatile uint8_t *)a)[k]);
    for (uint32_t p = a & ~(PAGE - 1); p < a; p++)
        CHECK(*(volatile uint8_t *)p == 0, "request %lx: before the data", (unsigned long)h->id);
    for (uint32_t p = a + n; p & (PAGE - 1); p++)
        CHECK(*(volatile uint8_t *)p == 0, "request %lx: after the data", (unsigned long)h->id);
    for (uint32_t k = 0; k < n; k += PAGE)
        ((volatile uint8_t *)a)[k] = 0xee;     /* ours alone */
    return a;
}

/* Serve until ID_STOP: each request checked by value, then released in the
 * reply (the first page of ID_SPLIT's dropped by hand first); the range
 * released before free now or holding the new data. */
static void serve(int port, int quiet)
{
    uint32_t got, rel = 0, span = 0, *b = sbuf;
    CHECK_RC(av_msg_receive(b, sizeof sbuf, port, 0, 0, &got), 0);
    for (;;) {
        struct av_msg_header *h = (struct av_msg_header *)b;
        uint32_t id = h->id;
        av_msg_init(smsg, h->reply, AV_DISP_MOVE_SEND_ONCE, 0, 0, id);
        if (id == ID_STOP) {
            CHECK_RC(av_msg_send(smsg, 0, 0), 0);
            break;
        }
        uint32_t a = check_data(b, got), n = len_of(id);
        ktest_released(rel, span, av_item_first(b), id);
        rel = a;
        span = ((a + n + PAGE - 1) & ~(PAGE - 1)) - (a & ~(PAGE - 1));
        if (id == ID_SPLIT) {
            CHECK_RC(av_vm_deallocate(AV_NAME_SELF, a & ~(PAGE - 1), PAGE), 0);
            rel = (a & ~(PAGE - 1)) + PAGE;    /* the rest: a region split off */
            span -= PAGE;
        }
        CHECK_RC(av_msg_reply_release_receive(smsg, b, sizeof sbuf, port, 0, 0, rel, &got), 0);
        if (!quiet && id == ID_SPLIT)
            printf("split: the rest released\n");
    }
    if (rel)
        CHECK_RC(av_vm_deallocate(AV_NAME_SELF, rel & ~(PAGE - 1), span), 0);
}

/* The dying server: three requests, each released in the reply, then it
 * ends (its last region with it). */
static void dying_server(int port)
{
    uint32_t got, rel = 0, *b = sbuf;
    CHECK_RC(av_msg_receive(b, sizeof sbuf, port, 0, 0, &got), 0);
    for (;;) {
        struct av_msg_header *h = (struct av_msg_header *)b;
        av_msg_init(smsg, h->reply, AV_DISP_MOVE_SEND_ONCE, 0, 0, h->id);
        if (h->id == ID_STOP)
            break;
        uint32_t a = check_data(b, got);
        ktest_released(rel, 2 * PAGE, av_item_first(b), h->id);
        rel = a;
        CHECK_RC(av_msg_reply_release_receive(smsg, b, sizeof sbuf, port, 0, 0, rel, &got), 0);
    }
    CHECK_RC(av_msg_send(smsg, 0, 0), 0);
    av_exit(0);                        /* the region of its last request goes with it */
}

/* The child that serves on a port of its own (fork gives no receive right):
 * a send right to it goes to the parent first, on the parent's port. */
static void spawn_server(int port)
{
    int q = av_port_allocate();
    CHECK(q > 0, "port q %d", q);
    uint32_t qn = (uint32_t)q;
    av_msg_init(cmsg, port, AV_DISP_COPY_SEND, 0, 0, 1);
    av_msg_add_ports(cmsg, &qn, 1, AV_DISP_MAKE_SEND);
    CHECK_RC(av_msg_send(cmsg, 0, 0), 0);
    dying_server(q);
}

static void client(int port)
{
    int reply = av_port_allocate();
    CHECK(reply > 0, "reply port %d", reply);
    for (unsigned i = 0; i < NREQ; i++)
        send_one(port, reply, req[i].id, req[i].off, req[i].n);
    int steady = -1;
    for (uint32_t r = 1; r <= ROUNDS; r++) {
        send_one(port, reply, 0x100 + r, 0, 2 * PAGE);
        if (r == 2)
            steady = av_free_frames();
        CHECK(r < 2 || av_free_frames() == steady, "round %lu: %d frames free, %d after round 2",
              (unsigned long)r, av_free_frames(), steady);
    }
    rpc(port, reply, ID_STOP, 0, 0);
    av_exit(0);
}

int main(void)
{
    ktest_begin("ool_reuse");
    int port = ktest_port(), st = -1;
    /* a server that releases, then dies; we are its client */
    int reply = av_port_allocate();
    CHECK(reply > 0, "reply port %d", reply);
    int s = ktest_fork_client(spawn_server, port);
    uint32_t got;
    CHECK_RC(av_msg_receive(sbuf, sizeof sbuf, port, 0, 0, &got), 0);
    struct av_item *it = av_item_first(sbuf);
    CHECK(it && it->kind == AV_ITEM_PORT, "the server's port");
    int q = (int)av_item_addr(it);
    for (uint32_t id = 0x11; id <= 0x13; id++)
        send_one(q, reply, id, 0, 2 * PAGE);
    rpc(q, reply, ID_STOP, 0, 0);
    CHECK_RC(av_wait(s, &st), 0);
    CHECK(st == 0, "dying server status %d", st);
    printf("dying server: by value, released\n");
    /* then we serve: the first placement takes the node the dead one kept */
    int c = ktest_fork_client(client, port);
    serve(port, 0);
    CHECK_RC(av_wait(c, &st), 0);
    CHECK(st == 0, "client status %d", st);
    printf("sizes: by value, released\n");
    printf("round trips: frames steady\n");
    CHECK_RC(av_port_deallocate(port), 0);
    ktest_end("ool_reuse");
    return 0;
}
