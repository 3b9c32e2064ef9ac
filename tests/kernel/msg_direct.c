/* Direct transfer: a small inline message to a receiver already blocked in
 * a receive goes straight into its buffer (no queue); everything else takes
 * the queued path with the same results. The child is the client (RPCs),
 * the parent the server; with preemption off each send to a waiting
 * receiver switches to it, so every step below is deterministic.
 *  - sizes at and over the direct limit arrive by value, with the reply
 *    right as the queued path gives it (the kernel's count of direct
 *    messages says which path ran)
 *  - a receiver's buffer too small or unmapped: its receive fails with the
 *    queued path's error and the message stays queued
 *  - a malformed message or a bad sender buffer fails the send and leaves
 *    the receiver waiting
 *  - reply rights made, copied and moved; a message with a port right
 *  - a receiver that dies while waiting: the send finds a dead name
 * bootargs: nopreempt */
#include "ktest.h"

/* expect:
sizes: by value, 8 direct
too small: queued, then received
unmapped buffer: queued, then received
bad messages: the receiver still waits
reply rights: send-once, send, moved send
port item: queued path
receiver died: dead name
test msg_direct: PASS
*/

static uint32_t cmsg[512], cbuf[512], smsg[512], sbuf[KT_BUF_WORDS];
static const uint32_t sizes[] = { 0, 4, 100, 484, 488, 1000 };   /* 484: 512 in all */
#define NSIZES (sizeof sizes / sizeof sizes[0])

static uint32_t direct_count(void)
{
    struct av_stats s;
    CHECK_RC(av_stats(&s), 0);
    return s.msgs_direct;
}

static void fill(uint8_t *b, uint32_t n, uint32_t seed)
{
    for (uint32_t k = 0; k < n; k++)
        b[k] = (uint8_t)(seed * 7 + k * 3);
}

/* A bytes item of n bytes with fill(seed), or no item for n == 0. */
static int check_body(void *msg, uint32_t n, uint32_t seed)
{
    uint8_t want[1000];
    struct av_item *it = av_item_first(msg);
    if (!n)
        return it == 0;
    fill(want, n, seed);
    return it && av_item_len(it) == n && memcmp(av_item_data(it), want, n) == 0;
}

static void client(int port)
{
    int reply = av_port_allocate();
    CHECK(reply > 0, "reply port %d", reply);
    uint8_t data[1000];
    uint32_t got;
    /* sizes: each request and reply of at most 512 bytes is direct */
    uint32_t d0 = direct_count();
    for (uint32_t k = 0; k < NSIZES; k++) {
        av_msg_init(cmsg, port, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE, 100 + k);
        fill(data, sizes[k], k);
        if (sizes[k])
            av_msg_add_bytes(cmsg, data, sizes[k]);
        CHECK_RC(av_msg_rpc(cmsg, cbuf, sizeof cbuf, 0, 0, &got), 0);
        struct av_msg_header *h = (void *)cbuf;
        CHECK(h->id == 200 + k && h->size == got && h->dest == (uint32_t)reply && h->reply == 0 &&
              check_body(cbuf, sizes[k], k + 50), "reply %lu", (unsigned long)k);
    }
    CHECK(direct_count() - d0 == 8, "%lu direct messages", (unsigned long)(direct_count() - d0));
    printf("sizes: by value, 8 direct\n");

    /* too small, then unmapped: the server's receive fails, the request waits */
    for (uint32_t id = 2; id <= 3; id++) {
        av_msg_init(cmsg, port, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE, id);
        fill(data, 64, id);
        av_msg_add_bytes(cmsg, data, 64);
        d0 = direct_count();
        CHECK_RC(av_msg_rpc(cmsg, cbuf, sizeof cbuf, 0, 0, &got), 0);
        CHECK(((struct av_msg_header *)cbuf)->id == id + 1000, "reply to %lu", (unsigned long)id);
        CHECK(direct_count() - d0 == 1, "only the reply direct");
    }

    /* bad messages to a waiting receiver: the send fails, nothing arrives */
    av_msg_init(cmsg, port, AV_DISP_COPY_SEND, 0, 0, 66);
    av_msg_add_bytes(cmsg, data, 8);
    av_item_first(cmsg)->elsize = 3;
    CHECK_RC(av_msg_send(cmsg, 0, 0), -AV_EINVAL);
    av_item_first(cmsg)->elsize = 1;
    av_item_first(cmsg)->flags = AV_ITEM_DEALLOC;            /* dealloc of inline data */
    CHECK_RC(av_msg_send(cmsg, 0, 0), -AV_EINVAL);
    uint32_t page = 0;
    CHECK_RC(av_vm_allocate(AV_NAME_SELF, &page, 8192, AV_VM_ANYWHERE), 0);
    CHECK_RC(av_vm_deallocate(AV_NAME_SELF, page + 4096, 4096), 0);
    uint32_t *edge = (uint32_t *)(page + 4096 - 20);       /* header fits, body does not */
    av_msg_init(edge, port, AV_DISP_COPY_SEND, 0, 0, 67);
    edge[0] = 20 + 8 + 64;
    CHECK_RC(av_msg_send(edge, 0, 0), -AV_EFAULT);
    CHECK_RC(av_vm_deallocate(AV_NAME_SELF, page, 4096), 0);
    av_msg_init(cmsg, port, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE, 4);
    CHECK_RC(av_msg_rpc(cmsg, cbuf, sizeof cbuf, 0, 0, &got), 0);
    CHECK(((struct av_msg_header *)cbuf)->id == 1004, "reply to 4");

    /* reply rights: make-send, then a moved send right (the receive stays) */
    av_msg_init(cmsg, port, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND, 5);
    CHECK_RC(av_msg_rpc(cmsg, cbuf, sizeof cbuf, 0, 0, &got), 0);
    CHECK(((struct av_msg_header *)cbuf)->id == 1005, "reply to 5");
    CHECK_RC(av_port_make_send(reply), 0);
    CHECK(av_port_rights(reply) == (AV_RIGHT_RECEIVE | AV_RIGHT_SEND), "rights %d", av_port_rights(reply));
    av_msg_init(cmsg, port, AV_DISP_COPY_SEND, reply, AV_DISP_MOVE_SEND, 6);
    CHECK_RC(av_msg_rpc(cmsg, cbuf, sizeof cbuf, 0, 0, &got), 0);
    CHECK(((struct av_msg_header *)cbuf)->id == 1006, "reply to 6");
    CHECK(av_port_rights(reply) == AV_RIGHT_RECEIVE, "moved send right: %d", av_port_rights(reply));

    /* a port item: the server gets a send right to q (queued path) */
    int q = av_port_allocate();
    CHECK(q > 0, "port q %d", q);
    uint32_t qn = (uint32_t)q;
    av_msg_init(cmsg, port, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE, 7);
    av_msg_add_ports(cmsg, &qn, 1, AV_DISP_MAKE_SEND);
    d0 = direct_count();
    CHECK_RC(av_msg_rpc(cmsg, cbuf, sizeof cbuf, 0, 0, &got), 0);
    CHECK(((struct av_msg_header *)cbuf)->id == 1007, "reply to 7");
    CHECK(direct_count() - d0 == 1, "port item went direct");

    /* the server sends to q while we wait (with a timeout that must not
     * fire), then ends us while we wait again */
    CHECK_RC(av_msg_receive(cbuf, sizeof cbuf, q, AV_RCV_TIMEOUT, 10000000, &got), 0);
    CHECK(((struct av_msg_header *)cbuf)->id == 8 && ((struct av_msg_header *)cbuf)->dest == qn &&
          check_body(cbuf, 12, 8), "message on q");
    av_msg_receive(cbuf, sizeof cbuf, q, 0, 0, &got);
    CHECK(0, "receive on q returned");
}

int main(void)
{
    ktest_begin("msg_direct");
    int port = ktest_port();
    int c = ktest_fork_client(client, port);
    uint32_t got;
    uint8_t data[1000];
    struct av_msg_header *h = (void *)sbuf;
    for (uint32_t k = 0; k < NSIZES; k++) {
        void *r = k ? smsg : 0;
        CHECK_RC(av_msg_reply_receive(r, sbuf, sizeof sbuf, port, 0, 0, &got), 0);
        uint32_t want_size = 20 + (sizes[k] ? 8 + ((sizes[k] + 3) & ~3u) : 0);
        CHECK(h->id == 100 + k && h->size == want_size && got == want_size && h->dest == (uint32_t)port &&
              AV_MSG_GET_REPLY(h->bits) == AV_DISP_PORT_SEND_ONCE && av_port_rights(h->reply) == AV_RIGHT_SENDONCE &&
              check_body(sbuf, sizes[k], k), "request %lu", (unsigned long)k);
        av_msg_init(smsg, h->reply, AV_DISP_MOVE_SEND_ONCE, 0, 0, 200 + k);
        fill(data, sizes[k], k + 50);
        if (sizes[k])
            av_msg_add_bytes(smsg, data, sizes[k]);
        memset(sbuf, 0xee, 64);                          /* the next request must overwrite it */
    }
    /* the last reply, then a receive with a buffer too small */
    CHECK_RC(av_msg_reply_receive(smsg, sbuf, 24, port, 0, 0, &got), -AV_ETOOSMALL);
    CHECK(got == 20 + 8 + 64, "size needed %lu", (unsigned long)got);
    CHECK_RC(av_msg_receive(sbuf, sizeof sbuf, port, AV_NONBLOCK, 0, &got), 0);
    CHECK(h->id == 2 && check_body(sbuf, 64, 2), "queued request 2");
    printf("too small: queued, then received\n");
    av_msg_init(smsg, h->reply, AV_DISP_MOVE_SEND_ONCE, 0, 0, 1002);
    uint32_t hole = 0;
    CHECK_RC(av_vm_allocate(AV_NAME_SELF, &hole, 4096, AV_VM_ANYWHERE), 0);
    CHECK_RC(av_vm_deallocate(AV_NAME_SELF, hole, 4096), 0);
    CHECK_RC(av_msg_reply_receive(smsg, (void *)hole, 4096, port, 0, 0, &got), -AV_EFAULT);
    CHECK_RC(av_msg_receive(sbuf, sizeof sbuf, port, AV_NONBLOCK, 0, &got), 0);
    CHECK(h->id == 3 && check_body(sbuf, 64, 3), "queued request 3");
    printf("unmapped buffer: queued, then received\n");
    av_msg_init(smsg, h->reply, AV_DISP_MOVE_SEND_ONCE, 0, 0, 1003);
    CHECK_RC(av_msg_reply_receive(smsg, sbuf, sizeof sbuf, port, 0, 0, &got), 0);
    CHECK(h->id == 4, "request 4 after the bad ones: %lu", (unsigned long)h->id);
    printf("bad messages: the receiver still waits\n");
    av_msg_init(smsg, h->reply, AV_DISP_MOVE_SEND_ONCE, 0, 0, 1004);
    CHECK_RC(av_msg_reply_receive(smsg, sbuf, sizeof sbuf, port, 0, 0, &got), 0);
    CHECK(h->id == 5 && AV_MSG_GET_REPLY(h->bits) == AV_DISP_PORT_SEND && av_port_rights(h->reply) == AV_RIGHT_SEND,
          "request 5");
    uint32_t rsend = h->reply;
    av_msg_init(smsg, rsend, AV_DISP_COPY_SEND, 0, 0, 1005);
    CHECK_RC(av_msg_reply_receive(smsg, sbuf, sizeof sbuf, port, 0, 0, &got), 0);
    CHECK(h->id == 6 && h->reply == rsend && av_port_rights(rsend) == AV_RIGHT_SEND, "request 6");
    av_msg_init(smsg, rsend, AV_DISP_COPY_SEND, 0, 0, 1006);
    printf("reply rights: send-once, send, moved send\n");
    CHECK_RC(av_msg_reply_receive(smsg, sbuf, sizeof sbuf, port, 0, 0, &got), 0);
    struct av_item *it = av_item_first(sbuf);
    CHECK(h->id == 7 && it && it->kind == AV_ITEM_PORT && it->disp == AV_DISP_PORT_SEND, "request 7");
    uint32_t q = *(uint32_t *)av_item_data(it);
    CHECK(av_port_rights(q) == AV_RIGHT_SEND, "right to q: %d", av_port_rights(q));
    CHECK_RC(av_port_deallocate(rsend), 0);
    printf("port item: queued path\n");
    /* the reply switches to the client, which then waits on q */
    av_msg_init(smsg, h->reply, AV_DISP_MOVE_SEND_ONCE, 0, 0, 1007);
    CHECK_RC(av_msg_send(smsg, 0, 0), 0);
    av_msg_init(smsg, q, AV_DISP_COPY_SEND, 0, 0, 8);
    fill(data, 12, 8);
    av_msg_add_bytes(smsg, data, 12);
    CHECK_RC(av_msg_send(smsg, 0, 0), 0);
    /* the client waits on q again: end it there */
    CHECK_RC(av_terminate(c, 9), 0);
    int st = -1;
    CHECK_RC(av_wait(c, &st), 0);
    CHECK(st == 9, "client status %d", st);
    CHECK_RC(av_msg_send(smsg, 0, 0), -AV_EDEAD);
    CHECK(av_port_rights(q) == AV_RIGHT_DEAD, "q not dead: %d", av_port_rights(q));
    printf("receiver died: dead name\n");
    CHECK_RC(av_port_deallocate(q), 0);
    CHECK_RC(av_port_deallocate(port), 0);
    while (av_msg_receive(sbuf, sizeof sbuf, AV_NAME_NOTIFY, AV_NONBLOCK, 0, &got) == 0)
        ;
    ktest_end("msg_direct");
    return 0;
}
