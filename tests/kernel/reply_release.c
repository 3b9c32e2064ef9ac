/* AV_RELEASE: a server's reply-and-receive that also deallocates the region
 * holding a6 (av_msg_reply_release_receive), after the receive side is
 * checked and before the reply is sent, once.
 *  - refused: on SYS_MSG_RPC and SYS_MSG_RECEIVE (-AV_EINVAL), with no
 *    region at a6 (-AV_EFAULT), a bad receive name (-AV_ENAME, the region
 *    kept); nothing sent in each case
 *  - a plain receive (msg 0) that fails still releases
 *  - round trips: the client sends out-of-line data (whole pages and an
 *    unaligned range) by RPC; the server checks each by value (a sum) and
 *    releases it in its reply, on the fast path (no options) and on the
 *    general path (a receive timeout); the released range is free after
 *    each, and the free-frame count steady over the loop
 *  - once: a server blocked after its release, its released range taken by
 *    a vm_allocate from another process, then woken by a message that the
 *    direct transfer refuses (so its call restarts): the new region stays
 * bootargs: nopreempt */
#include "ktest.h"

/* expect:
refusals: nothing sent, nothing released
failed receive: released
round trips: by value, released, frames steady
once: the restarted call kept the new region
test reply_release: PASS
*/

#define PAGE 4096u
#define N 24
#define ID_STOP 0xdeadu
#define ID_READY 0x5eadu

static uint32_t cmsg[64], cbuf[64], smsg[64], sbuf[KT_BUF_WORDS];

static void refusals(int port)
{
    uint32_t got = 0, a = ktest_fresh(2 * PAGE);
    av_msg_init(smsg, port, AV_DISP_COPY_SEND, 0, 0, 1);
    /* not on RPC or a plain receive */
    av_msg_init(cmsg, port, AV_DISP_COPY_SEND, 0, 0, 2);
    CHECK_RC(av_msg_rpc(cmsg, cbuf, sizeof cbuf, AV_RELEASE, 0, &got), -AV_EINVAL);
    CHECK_RC(av_msg_receive(sbuf, sizeof sbuf, port, AV_RELEASE | AV_NONBLOCK, 0, &got), -AV_EINVAL);
    /* no region at a6 */
    CHECK_RC(av_msg_reply_release_receive(smsg, sbuf, sizeof sbuf, port, AV_NONBLOCK, 0, 0x30000000u, &got),
             -AV_EFAULT);
    CHECK_RC(av_msg_reply_release_receive(smsg, sbuf, sizeof sbuf, port, AV_NONBLOCK, 0, 0x80000000u, &got),
             -AV_EFAULT);
    /* the receive side first: a bad name keeps the region */
    CHECK_RC(av_msg_reply_release_receive(smsg, sbuf, sizeof sbuf, 77, AV_NONBLOCK, 0, a + 5, &got),
             -AV_ENAME);
    CHECK_RC(av_msg_reply_release_receive(smsg, sbuf, sizeof sbuf, port, AV_NONBLOCK | 0x40, 0, a, &got),
             -AV_EINVAL);
    CHECK_RC(av_msg_receive(sbuf, sizeof sbuf, port, AV_NONBLOCK, 0, &got), -AV_EWOULDBLOCK);
    CHECK(!ktest_range_free(a, PAGE) && ((volatile uint8_t *)a)[PAGE + 9] == 0x77, "region lost");
    printf("refusals: nothing sent, nothing released\n");

    /* a plain receive that fails (nothing there) has released already */
    CHECK_RC(av_msg_reply_release_receive(0, sbuf, sizeof sbuf, port, AV_NONBLOCK, 0, a + PAGE, &got),
             -AV_EWOULDBLOCK);
    CHECK(ktest_range_free(a, 2 * PAGE), "region kept");
    printf("failed receive: released\n");
}

/* the client: N RPCs, each with out-of-line data and its sum as the id */
static void client(int port)
{
    int reply = av_port_allocate();
    CHECK(reply > 0, "reply port %d", reply);
    uint32_t a = ktest_fresh(20 * PAGE);
    for (uint32_t i = 0; i <= N; i++) {
        uint32_t off = i % 3 ? 0 : 100 + i, n = i % 3 == 2 ? (i % 16 + 1) * PAGE : 3 * PAGE + 17 * i;
        for (uint32_t k = 0; k < n; k++)
            ((uint8_t *)a)[off + k] = (uint8_t)(i * 7 + k * 3);
        av_msg_init(cmsg, port, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE,
                    i == N ? ID_STOP : ktest_sum((uint8_t *)a + off, n));
        if (i < N)
            av_msg_add_ool(cmsg, (uint8_t *)a + off, n, 0);
        uint32_t got = 0;
        CHECK_RC(av_msg_rpc(cmsg, cbuf, sizeof cbuf, 0, 0, &got), 0);
        CHECK(((struct av_msg_header *)cbuf)->id == i, "reply %lu", (unsigned long)i);
    }
    av_exit(0);
}

static void round_trips(int port)
{
    int c = ktest_fork_client(client, port);
    uint32_t got = 0, rel = 0, span = 0, frames = 0;
    void *reply = 0;
    for (uint32_t i = 0;; i++) {
        /* even: the fast path; odd: a receive timeout takes the general one */
        uint32_t opts = i % 2 ? AV_RCV_TIMEOUT : 0;
        CHECK_RC(rel ? av_msg_reply_release_receive(reply, sbuf, sizeof sbuf, port, opts, 5000000, rel, &got)
                     : av_msg_reply_receive(reply, sbuf, sizeof sbuf, port, opts, 5000000, &got), 0);
        struct av_item *it = av_item_first(sbuf);
        ktest_released(rel, span, it, i);
        if (i == 4)                    /* requests 4 and 22: the same shape */
            frames = av_free_frames();
        if (i == 22)
            CHECK(av_free_frames() == (int)frames, "frames %d, %lu before", av_free_frames(),
                  (unsigned long)frames);
        struct av_msg_header *h = (void *)sbuf;
        if (h->id == ID_STOP)
            break;
        CHECK(it && (it->flags & AV_ITEM_OOL), "request %lu: no data", (unsigned long)i);
        rel = av_item_addr(it);
        span = ((rel + av_item_len(it) + PAGE - 1) & ~(PAGE - 1)) - (rel & ~(PAGE - 1));
        CHECK(ktest_sum((uint8_t *)rel, av_item_len(it)) == h->id, "request %lu: wrong data", (unsigned long)i);
        av_msg_init(smsg, h->reply, AV_DISP_MOVE_SEND_ONCE, 0, 0, i);
        reply = smsg;
    }
    av_msg_init(smsg, ((struct av_msg_header *)sbuf)->reply, AV_DISP_MOVE_SEND_ONCE, 0, 0, N);
    CHECK_RC(av_msg_send(smsg, 0, 0), 0);
    int st = -1;
    CHECK_RC(av_wait(c, &st), 0);
    CHECK(st == 0, "client status %d", st);
    printf("round trips: by value, released, frames steady\n");
}

/* The release is done once: the child releases a page in a plain receive
 * (msg 0) and blocks; the parent allocates that range in the child, writes
 * a word there, and wakes it with a message too big for the direct
 * transfer, so the child's call restarts in the kernel: it must not
 * release again. (nopreempt: the parent's yield runs the child until it
 * blocks.) */
static void once(int port)
{
    int c = av_fork();
    CHECK(c >= 0, "fork %d", c);
    if (c == 0) {
        int q = av_port_allocate();
        CHECK(q > 0, "port %d", q);
        uint32_t a = ktest_fresh(PAGE), got = 0;
        av_msg_init(smsg, port, AV_DISP_COPY_SEND, q, AV_DISP_MAKE_SEND_ONCE, ID_READY);
        av_msg_add_words(smsg, &a, 1);
        CHECK_RC(av_msg_send(smsg, 0, 0), 0);
        CHECK_RC(av_msg_reply_release_receive(0, sbuf, sizeof sbuf, q, 0, 0, a, &got), 0);
        CHECK(got > 2048, "size %lu", (unsigned long)got);
        CHECK(!ktest_range_free(a, PAGE), "the parent's region went");
        CHECK(((volatile uint32_t *)a)[3] == 0xfeedu, "the parent's word: %lx",
              (unsigned long)((volatile uint32_t *)a)[3]);
        av_exit(0);
    }
    CHECK_RC(av_yield(), 0);
    uint32_t got = 0;
    CHECK_RC(av_msg_receive(sbuf, sizeof sbuf, port, AV_NONBLOCK, 0, &got), 0);
    struct av_msg_header *h = (void *)sbuf;
    CHECK(h->id == ID_READY, "id %lx", (unsigned long)h->id);
    uint32_t q = h->reply, a = *(uint32_t *)av_item_data(av_item_first(sbuf)), at = a, v = 0xfeedu;
    /* released: the range is free in the child */
    CHECK_RC(av_vm_allocate(c, &at, PAGE, 0), 0);
    /* a word there through the child's process port */
    static uint32_t rq[32], rb[32];
    int rp = av_port_allocate();
    CHECK(rp > 0, "port %d", rp);
    av_msg_init(rq, c, AV_DISP_COPY_SEND, rp, AV_DISP_MAKE_SEND_ONCE, AV_REQ_WRITE_MEM);
    uint32_t wa = a + 12;
    av_msg_add_words(rq, &wa, 1);
    av_msg_add_bytes(rq, &v, 4);
    CHECK_RC(av_msg_rpc(rq, rb, sizeof rb, 0, 0, &got), 0);
    CHECK_RC((int)*(uint32_t *)av_item_data(av_item_first(rb)), 0);
    /* wake it with 2 KiB inline: queued, and the child's call restarts */
    static uint8_t big[2048];
    static uint32_t bmsg[700];
    av_msg_init(bmsg, q, AV_DISP_MOVE_SEND_ONCE, 0, 0, 7);
    av_msg_add_bytes(bmsg, big, sizeof big);
    CHECK_RC(av_msg_send(bmsg, 0, 0), 0);
    int st = -1;
    CHECK_RC(av_wait(c, &st), 0);
    CHECK(st == 0, "child status %d", st);
    CHECK_RC(av_port_deallocate(rp), 0);
    printf("once: the restarted call kept the new region\n");
}

int main(void)
{
    ktest_begin("reply_release");
    int port = ktest_port();
    refusals(port);
    round_trips(port);
    once(port);
    ktest_end("reply_release");
    return 0;
}
