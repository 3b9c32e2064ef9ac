/* Out-of-line data to a receiver already waiting goes straight into its map
 * (msg.c send_direct with one out-of-line item): no kernel message, no
 * transit region, no restart of the receive. The child is the client
 * (RPCs), the parent the server; with preemption off every request finds
 * the server waiting, so each step is deterministic, and the kernel's count
 * of direct messages says which path ran.
 *  - whole pages and an unaligned range (partial first and last pages)
 *    arrive by value, at the sender's page offset, the rest of a partial
 *    page zero; request and reply both direct
 *  - copy-on-write both ways: the client's writes after the send do not
 *    reach the server's copy, the server's writes do not reach the client
 *  - deallocate-on-send: the client's range is free after the send
 *  - a read-only source region and a message with two out-of-line items
 *    take the queued path with the same contents
 *  - many round trips: the free-frame count steady, the audit clean
 * bootargs: nopreempt */
#include "ktest.h"

/* expect:
by value: whole pages and partial pages, direct
copy-on-write: both copies their own
deallocate-on-send: the range is free
queued: read-only source, two items
round trips: 24 direct, frames steady
test ool_direct: PASS
*/

#define PAGE 4096u
#define ID_STOP 0xdeadu
#define ID_CHECK 0xc0u                 /* the server re-checks and drops what it kept */

static uint32_t cmsg[64], cbuf[64], smsg[64], sbuf[64];

static uint32_t direct_count(void)
{
    struct av_stats s;
    CHECK_RC(av_stats(&s), 0);
    return s.msgs_direct;
}

static uint8_t pat(uint32_t id, uint32_t k) { return (uint8_t)(id * 7 + k * 13 + (k >> 12)); }

static void fill(uint32_t a, uint32_t n, uint32_t id)
{
    for (uint32_t k = 0; k < n; k++)
        ((volatile uint8_t *)a)[k] = pat(id, k);
}

/* n bytes at a hold id's pattern from byte off on, and (where the range
 * starts or ends inside a page) the rest of those pages reads zero. */
static int holds(uint32_t a, uint32_t n, uint32_t id, uint32_t off)
{
    for (uint32_t k = 0; k < n; k++)
        if (((volatile uint8_t *)a)[k] != pat(id, off + k))
            return 0;
    for (uint32_t p = a & ~(PAGE - 1); p < a; p++)
        if (*(volatile uint8_t *)p)
            return 0;
    for (uint32_t p = a + n; p & (PAGE - 1); p++)
        if (*(volatile uint8_t *)p)
            return 0;
    return 1;
}

/* One request: its out-of-line items (addresses and lengths), the sender's
 * addresses again as words, so the server can check page offsets. */
static void rpc(int port, int reply, uint32_t id, const uint32_t *va, const uint32_t *n, int items, int dealloc)
{
    uint32_t got;
    av_msg_init(cmsg, port, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE, id);
    for (int i = 0; i < items; i++)
        av_msg_add_ool(cmsg, (void *)va[i], n[i], dealloc);
    av_msg_add_words(cmsg, va, (uint32_t)items);
    CHECK_RC(av_msg_rpc(cmsg, cbuf, sizeof cbuf, 0, 0, &got), 0);
    CHECK(((struct av_msg_header *)cbuf)->id == id, "reply to %lx", (unsigned long)id);
}

static void client(int port)
{
    int reply = av_port_allocate();
    CHECK(reply > 0, "reply port %d", reply);
    uint32_t a = 0, b = 0;
    CHECK_RC(av_vm_allocate(AV_NAME_SELF, &a, 16 * PAGE, AV_VM_ANYWHERE), 0);

    /* whole pages, then an unaligned range over three pages */
    uint32_t va[2] = { a, a + 0x123 }, n[2] = { 16 * PAGE, 2 * PAGE + 0x456 };
    fill(va[0], n[0], 1);
    uint32_t d0 = direct_count();
    rpc(port, reply, 1, va, n, 1, 0);
    fill(va[1], n[1], 2);
    rpc(port, reply, 2, va + 1, n + 1, 1, 0);
    CHECK(direct_count() - d0 == 4, "%lu direct", (unsigned long)(direct_count() - d0));
    printf("by value: whole pages and partial pages, direct\n");

    /* the server keeps id 3's copy; we write ours, it checks its copy */
    fill(va[1], n[1], 3);
    rpc(port, reply, 3, va + 1, n + 1, 1, 0);
    fill(va[1], n[1], 4);
    rpc(port, reply, ID_CHECK, va, n, 0, 0);
    for (uint32_t k = 0; k < n[1]; k++)
        CHECK(((uint8_t *)va[1])[k] == pat(4, k), "our copy changed at %lu", (unsigned long)k);
    printf("copy-on-write: both copies their own\n");

    /* deallocate-on-send: gone here, delivered there */
    CHECK_RC(av_vm_allocate(AV_NAME_SELF, &b, 4 * PAGE, AV_VM_ANYWHERE), 0);
    uint32_t vb = b + 8, nb = 3 * PAGE;
    fill(vb, nb, 5);
    d0 = direct_count();
    rpc(port, reply, 5, &vb, &nb, 1, 1);
    CHECK(direct_count() - d0 == 2, "deallocate-on-send not direct");
    CHECK_RC(av_vm_allocate(AV_NAME_SELF, &b, 4 * PAGE, 0), 0);      /* the same range: free */
    CHECK(*(volatile uint32_t *)vb == 0, "fresh memory not zero");
    printf("deallocate-on-send: the range is free\n");

    /* read-only source; two items: queued (only the reply direct) */
    fill(b, 4 * PAGE, 6);
    CHECK_RC(av_vm_protect(AV_NAME_SELF, b, 4 * PAGE, AV_PROT_READ), 0);
    d0 = direct_count();
    uint32_t n4 = 4 * PAGE;
    rpc(port, reply, 6, &b, &n4, 1, 0);
    fill(va[0], n[0], 7);
    uint32_t two[2] = { va[0], va[0] + 8 * PAGE }, ntwo[2] = { 8 * PAGE, 8 * PAGE };
    rpc(port, reply, 7, two, ntwo, 2, 0);
    CHECK(direct_count() - d0 == 2, "%lu direct of 4", (unsigned long)(direct_count() - d0));
    printf("queued: read-only source, two items\n");

    /* many round trips: every page back each time */
    int steady = -1;
    d0 = direct_count();
    for (uint32_t r = 1; r <= 12; r++) {
        fill(va[1], n[1], 0x10 + r);
        rpc(port, reply, 0x10 + r, va + 1, n + 1, 1, 0);
        if (r == 2)
            steady = av_free_frames();
        CHECK(r < 2 || av_free_frames() == steady, "round %lu: %d frames free, %d after round 2",
              (unsigned long)r, av_free_frames(), steady);
    }
    CHECK(direct_count() - d0 == 24, "%lu direct", (unsigned long)(direct_count() - d0));
    printf("round trips: 24 direct, frames steady\n");
    av_msg_init(cmsg, port, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE, ID_STOP);
    uint32_t got;
    CHECK_RC(av_msg_rpc(cmsg, cbuf, sizeof cbuf, 0, 0, &got), 0);
    av_exit(0);
}

/* Each request's out-of-line items hold its id's pattern at the sender's
 * page offsets (the words item after them); the server writes its copy and
 * drops it, except id 3's, which it keeps until ID_CHECK. */
static void server(int port)
{
    void *r = 0;
    uint32_t got, keep = 0, keeplen = 0;
    struct av_msg_header *h = (void *)sbuf;
    for (;;) {
        CHECK_RC(av_msg_reply_receive(r, sbuf, sizeof sbuf, port, 0, 0, &got), 0);
        uint32_t id = h->id, rname = h->reply;
        if (id == ID_STOP)
            break;
        if (id == ID_CHECK) {
            CHECK(holds(keep, keeplen, 3, 0), "kept copy changed");
            *(volatile uint8_t *)keep = 0xee;                  /* ours alone */
            CHECK_RC(av_vm_deallocate(AV_NAME_SELF, keep & ~(PAGE - 1),
                                      ((keep + keeplen + PAGE - 1) & ~(PAGE - 1)) - (keep & ~(PAGE - 1))), 0);
        }
        struct av_item *ool[2], *it = av_item_first(sbuf);
        int items = 0;
        for (; it && (it->flags & AV_ITEM_OOL); it = av_item_next(sbuf, it))
            ool[items++] = it;
        CHECK(id == ID_CHECK || (items && it && it->kind == AV_ITEM_WORDS && it->count == (uint32_t)items),
              "request %lx: %d items", (unsigned long)id, items);
        for (int i = 0; i < items; i++) {
            uint32_t a = av_item_addr(ool[i]), n = av_item_len(ool[i]);
            uint32_t sva = ((uint32_t *)av_item_data(it))[i], sva0 = ((uint32_t *)av_item_data(it))[0];
            CHECK((a & (PAGE - 1)) == (sva & (PAGE - 1)), "page offset %lx for %lx", (unsigned long)a,
                  (unsigned long)sva);
            CHECK(holds(a, n, id, sva - sva0), "request %lx item %d by value", (unsigned long)id, i);
            if (id == 3) {
                keep = a;
                keeplen = n;
                continue;
            }
            if (id != 6)                                       /* (read-only source: read-only here) */
                *(volatile uint8_t *)a = 0x5e;                 /* ours alone (bytes: a may be unaligned) */
            uint32_t p = a & ~(PAGE - 1);
            CHECK_RC(av_vm_deallocate(AV_NAME_SELF, p, ((a + n + PAGE - 1) & ~(PAGE - 1)) - p), 0);
        }
        av_msg_init(smsg, rname, AV_DISP_MOVE_SEND_ONCE, 0, 0, id);
        r = smsg;
    }
    av_msg_init(smsg, h->reply, AV_DISP_MOVE_SEND_ONCE, 0, 0, ID_STOP);
    CHECK_RC(av_msg_send(smsg, 0, 0), 0);
}

int main(void)
{
    ktest_begin("ool_direct");
    int port = ktest_port();
    int c = ktest_fork_client(client, port);
    server(port);
    int st = -1;
    CHECK_RC(av_wait(c, &st), 0);
    CHECK(st == 0, "client status %d", st);
    CHECK_RC(av_port_deallocate(port), 0);
    uint32_t got;
    while (av_msg_receive(sbuf, sizeof sbuf, AV_NAME_NOTIFY, AV_NONBLOCK, 0, &got) == 0)
        ;
    ktest_end("ool_direct");
    return 0;
}
