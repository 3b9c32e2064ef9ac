/* Out-of-line data on the round trip's fast path (ipcfast.S): a message
 * body marked complex (one out-of-line item) goes to send_direct from
 * there, and a reply-and-receive's AV_RELEASE is done there (after the
 * receive side's checks, before the send, once). Each case comes out
 * differently if the fast path gets it wrong (data not by value, a region
 * not released or released twice, a refusal that sends or releases):
 *  - refusals with no options (the fast path's own checks): a bad receive
 *    name or buffer keeps the region and sends nothing
 *  - round trips: the client's RPCs carry out-of-line data (whole pages,
 *    unaligned ranges); the server checks each by value and replies with a
 *    body of words, every other time with out-of-line data of its own too,
 *    releasing the request's region in the same call; the client checks
 *    the reply by value; each released range is free afterwards
 *  - the reply released and then refused by the direct transfer (the
 *    client's buffer too small): queued by the general path, which does
 *    not release again (the server's call succeeds); the client's RPC
 *    fails with -AV_ETOOSMALL and the reply waits for it
 *  - untouched pages inside a range (the remap instruction stops there,
 *    its C twin goes on from that page): by value
 *  - bad bits in a body's header (complex or not): -AV_EINVAL, nothing sent
 *  - a lone out-of-line item with a bad element size, flag, count or kind
 *    (send_direct's two-compare check of that shape): -AV_EINVAL, nothing
 *    sent; one marked DEALLOC arrives and leaves the client's range free
 * bootargs: nopreempt */
#include "ktest.h"

/* expect:
refusals: nothing sent, nothing released
round trips: by value both ways, released
released, then queued: released once
zero-fill pages inside: by value
a lone item: checked as the walk checks it
bad bits: -EINVAL, nothing sent
test ool_fast: PASS
*/

#define PAGE 4096u
#define N 24
enum { ID_SMALL = 0x5a11u, ID_STOP = 0xdeadu };

static uint32_t cmsg[64], cbuf[64], smsg[64], sbuf[KT_BUF_WORDS];

/* The fast path's checks of the receive side come before its release:
 * with no options, a bad name or buffer fails the call, keeps the region
 * and sends nothing (the message is to the server's own port). */
static void refusals(int port)
{
    uint32_t got = 0, a = ktest_fresh(2 * PAGE);
    av_msg_init(smsg, port, AV_DISP_COPY_SEND, 0, 0, 1);
    av_msg_add_words(smsg, &a, 1);
    CHECK_RC(av_msg_reply_release_receive(smsg, sbuf, sizeof sbuf, 77, 0, 0, a + 5, &got), -AV_ENAME);
    CHECK_RC(av_msg_reply_release_receive(smsg, (uint8_t *)sbuf + 2, 64, port, 0, 0, a, &got), -AV_EFAULT);
    CHECK_RC(av_msg_reply_release_receive(smsg, (void *)0x7ffffff0u, 64, port, 0, 0, a, &got), -AV_EFAULT);
    CHECK_RC(av_msg_receive(sbuf, sizeof sbuf, port, AV_NONBLOCK, 0, &got), -AV_EWOULDBLOCK);
    CHECK(!ktest_range_free(a, PAGE) && !ktest_range_free(a + PAGE, PAGE) && ((volatile uint8_t *)a)[PAGE + 9] == 0x77,
          "region lost");
    CHECK_RC(av_vm_deallocate(AV_NAME_SELF, a, 2 * PAGE), 0);
    printf("refusals: nothing sent, nothing released\n");
}

/* A request's data: n bytes at a + off, its sum the id. */
static void request(uint32_t a, uint32_t i, uint32_t off, uint32_t n, int port, int reply, uint32_t id)
{
    for (uint32_t k = 0; k < n; k++)
        ((uint8_t *)a)[off + k] = (uint8_t)(i * 7 + k * 3);
    av_msg_init(cmsg, port, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE,
                id ? id : ktest_sum((uint8_t *)a + off, n));
    av_msg_add_ool(cmsg, (uint8_t *)a + off, n, 0);
}

/* The server's reply: words (i, the request's sum), and for odd i
 * out-of-line bytes (i + k) of its own, 5000 from offset 300. */
static void check_reply(uint32_t i, uint32_t s)
{
    struct av_msg_header *h = (void *)cbuf;
    CHECK(h->id == i, "reply %lu: id %lu", (unsigned long)i, (unsigned long)h->id);
    struct av_item *it = av_item_first(cbuf);
    CHECK(it && it->kind == AV_ITEM_WORDS && av_item_len(it) == 8, "reply %lu: words", (unsigned long)i);
    uint32_t *w = av_item_data(it);
    CHECK(w[0] == i && w[1] == s, "reply %lu: %lu %lx", (unsigned long)i, (unsigned long)w[0],
          (unsigned long)w[1]);
    it = av_item_next(cbuf, it);
    CHECK(!it == !(i % 2), "reply %lu: out-of-line item %s", (unsigned long)i, it ? "there" : "missing");
    CHECK(!!(h->bits & AV_MSG_COMPLEX) == !!(i % 2), "reply %lu: bits %lx", (unsigned long)i,
          (unsigned long)h->bits);
    if (!it)
        return;
    const uint8_t *d = (const uint8_t *)av_item_addr(it);
    CHECK((it->flags & AV_ITEM_OOL) && av_item_len(it) == 5000 && ((uint32_t)d & (PAGE - 1)) == 300,
          "reply %lu: item", (unsigned long)i);
    for (uint32_t k = 0; k < 5000; k++)
        CHECK(d[k] == (uint8_t)(i + k), "reply %lu: byte %lu", (unsigned long)i, (unsigned long)k);
    uint32_t p = (uint32_t)d & ~(PAGE - 1);
    CHECK_RC(av_vm_deallocate(AV_NAME_SELF, p, 2 * PAGE), 0);
}

static void client(int port)
{
    int reply = av_port_allocate();
    CHECK(reply > 0, "reply port %d", reply);
    uint32_t a = ktest_fresh(20 * PAGE), got = 0;
    for (uint32_t i = 0; i < N; i++) {
        uint32_t off = i % 3 ? 0 : 100 + i, n = i % 3 == 2 ? (i % 16 + 1) * PAGE : 3 * PAGE + 17 * i;
        request(a, i, off, n, port, reply, 0);
        CHECK_RC(av_msg_rpc(cmsg, cbuf, sizeof cbuf, 0, 0, &got), 0);
        check_reply(i, ((struct av_msg_header *)cmsg)->id);
    }
    printf("round trips: by value both ways, released\n");

    /* a buffer too small for the reply: the RPC fails, the reply waits */
    request(a, N, 0, 2 * PAGE, port, reply, ID_SMALL);
    CHECK_RC(av_msg_rpc(cmsg, cbuf, 24, 0, 0, &got), -AV_ETOOSMALL);
    CHECK(got == 20 + 8 + 8, "size %lu", (unsigned long)got);
    CHECK_RC(av_msg_receive(cbuf, sizeof cbuf, reply, AV_NONBLOCK, 0, &got), 0);
    check_reply(N, ID_SMALL);
    printf("released, then queued: released once\n");

    /* bad bits with a body: refused before anything is sent (the server
     * counts what it gets: the next request must be its N + 2nd) */
    static const uint32_t bad[] = { 0x20000u, 0x30000u, 0x80000000u | AV_MSG_COMPLEX };
    for (uint32_t k = 0; k < 3; k++) {
        request(a, k, 0, PAGE, port, reply, 1);
        ((struct av_msg_header *)cmsg)->bits |= bad[k];
        CHECK_RC(av_msg_rpc(cmsg, cbuf, sizeof cbuf, 0, 0, &got), -AV_EINVAL);
    }
    /* untouched (zero-fill) pages inside the range: the remap instruction
     * stops at the first, and the C loop goes on from there (the zero-fill
     * pages, then the resident ones, each at its own offset): by value */
    uint32_t z = 0;
    CHECK_RC(av_vm_allocate(AV_NAME_SELF, &z, 6 * PAGE, AV_VM_ANYWHERE), 0);
    for (uint32_t k = 0; k < 6 * PAGE; k++)
        if (k / PAGE != 2 && k / PAGE != 3)
            ((uint8_t *)z)[k] = (uint8_t)(k / PAGE * 31 + k * 5 + 1);
    uint32_t zs = 0;                    /* ktest_sum, pages 2 and 3 not read (a read maps them) */
    for (uint32_t k = 0; k < 6 * PAGE; k++)
        zs = zs * 31 + (k / PAGE == 2 || k / PAGE == 3 ? 0 : ((uint8_t *)z)[k]);
    av_msg_init(cmsg, port, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE, zs);
    av_msg_add_ool(cmsg, (void *)z, 6 * PAGE, 0);
    CHECK_RC(av_msg_rpc(cmsg, cbuf, sizeof cbuf, 0, 0, &got), 0);
    check_reply(N + 1, ((struct av_msg_header *)cmsg)->id);
    CHECK_RC(av_vm_deallocate(AV_NAME_SELF, z, 6 * PAGE), 0);
    printf("zero-fill pages inside: by value\n");

    /* a lone out-of-line item with one field wrong (the shape send_direct
     * recognises by two compares): -AV_EINVAL, nothing sent, as the item
     * walk finds; then one marked DEALLOC, which goes through: the data
     * arrive (the server checks them) and the client's range is free */
    for (uint32_t k = 0; k < 4; k++) {
        request(a, k, 0, PAGE, port, reply, 1);
        struct av_item *it = av_item_first(cmsg);
        if (k == 0)
            it->elsize = 2;
        else if (k == 1)
            it->flags |= 4;
        else if (k == 2)
            it->count = 0x80000000u;
        else
            it->kind = AV_ITEM_PORT + 2;
        CHECK_RC(av_msg_rpc(cmsg, cbuf, sizeof cbuf, 0, 0, &got), -AV_EINVAL);
    }
    request(a, N + 3, 16 * PAGE, 3 * PAGE, port, reply, 0);
    av_item_first(cmsg)->flags |= AV_ITEM_DEALLOC;
    CHECK_RC(av_msg_rpc(cmsg, cbuf, sizeof cbuf, 0, 0, &got), 0);
    check_reply(N + 2, ((struct av_msg_header *)cmsg)->id);
    CHECK(ktest_range_free(a + 16 * PAGE, 3 * PAGE), "DEALLOC: the client's range still mapped");
    printf("a lone item: checked as the walk checks it\n");
    request(a, N + 1, 8, 100, port, reply, ID_STOP);
    CHECK_RC(av_msg_rpc(cmsg, cbuf, sizeof cbuf, 0, 0, &got), 0);
    CHECK(((struct av_msg_header *)cbuf)->id == N + 4, "the server saw %lu requests",
          (unsigned long)((struct av_msg_header *)cbuf)->id);
    printf("bad bits: -EINVAL, nothing sent\n");
    av_exit(0);
}

static void serve(int port)
{
    int c = ktest_fork_client(client, port);
    uint32_t got = 0, rel = 0, span = 0, own = ktest_fresh(3 * PAGE);
    void *reply = 0;
    for (uint32_t i = 0;; i++) {
        /* no options: the fast path (its release) wherever it can go */
        CHECK_RC(rel ? av_msg_reply_release_receive(reply, sbuf, sizeof sbuf, port, 0, 0, rel, &got)
                     : av_msg_reply_receive(reply, sbuf, sizeof sbuf, port, 0, 0, &got), 0);
        struct av_item *it = av_item_first(sbuf);
        ktest_released(rel, span, it, i);
        struct av_msg_header *h = (void *)sbuf;
        CHECK(it && (it->flags & AV_ITEM_OOL) && (h->bits & AV_MSG_COMPLEX), "request %lu: no data",
              (unsigned long)i);
        rel = av_item_addr(it);
        span = ((rel + av_item_len(it) + PAGE - 1) & ~(PAGE - 1)) - (rel & ~(PAGE - 1));
        uint32_t s = ktest_sum((uint8_t *)rel, av_item_len(it));
        CHECK(h->id == ID_STOP || h->id == ID_SMALL || s == h->id, "request %lu: wrong data",
              (unsigned long)i);
        uint32_t w[2] = { i, h->id == ID_STOP ? i + 1 : h->id };
        av_msg_init(smsg, h->reply, AV_DISP_MOVE_SEND_ONCE, 0, 0, h->id == ID_STOP ? i + 1 : i);
        av_msg_add_words(smsg, w, 2);
        if (h->id == ID_STOP) {
            CHECK_RC(av_msg_send(smsg, 0, 0), 0);
            CHECK_RC(av_vm_deallocate(AV_NAME_SELF, rel & ~(PAGE - 1), span), 0);
            break;
        }
        if (i % 2 && h->id != ID_SMALL) {
            for (uint32_t k = 0; k < 5000; k++)
                ((uint8_t *)own)[300 + k] = (uint8_t)(i + k);
            av_msg_add_ool(smsg, (uint8_t *)own + 300, 5000, 0);
        }
        reply = smsg;
    }
    int st = -1;
    CHECK_RC(av_wait(c, &st), 0);
    CHECK(st == 0, "client status %d", st);
    CHECK_RC(av_vm_deallocate(AV_NAME_SELF, own, 3 * PAGE), 0);
}

int main(void)
{
    ktest_begin("ool_fast");
    int port = ktest_port();
    refusals(port);
    serve(port);
    ktest_end("ool_fast");
    return 0;
}
