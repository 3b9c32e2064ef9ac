/* SYS_MSG_REPLY_RECEIVE, a server's reply and next receive in one call:
 * the receive side is checked before anything is sent; a failed send
 * (bad name, full queue) receives nothing; the server blocks in the call
 * until the next request; replies go by value; a receive timeout still
 * applies after the reply has gone. */
#include "ktest.h"

/* expect:
checks before the send: nothing sent
failed send: nothing received
100 round trips by value
receive timed out after the reply
test reply_receive: PASS
*/

#define N 100
#define ID_LAST 999u
static uint32_t smsg[64], sbuf[KT_BUF_WORDS], cmsg[64], cbuf[64];

static void client(int port)
{
    int reply = av_port_allocate();
    CHECK(reply > 0, "reply port %d", reply);
    uint8_t data[64], want[64];
    for (uint32_t i = 0; i <= N; i++) {
        for (int k = 0; k < 64; k++)
            data[k] = (uint8_t)(i * 13 + k);
        av_msg_init(cmsg, port, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE, i == N ? ID_LAST : i);
        av_msg_add_bytes(cmsg, data, 64);
        uint32_t got = 0;
        CHECK_RC(av_msg_rpc(cmsg, cbuf, sizeof cbuf, 0, 0, &got), 0);
        struct av_msg_header *h = (void *)cbuf;
        CHECK(h->id == (i == N ? ID_LAST : i) + 1000 && h->size == got, "reply %lu: id %lu",
              (unsigned long)i, (unsigned long)h->id);
        struct av_item *it = av_item_first(cbuf);
        for (int k = 0; k < 64; k++)
            want[k] = (uint8_t)~data[k];
        CHECK(it && av_item_len(it) == 64 && memcmp(av_item_data(it), want, 64) == 0,
              "reply %lu: wrong bytes", (unsigned long)i);
    }
    av_exit(0);
}

int main(void)
{
    ktest_begin("reply_receive");
    int port = ktest_port();
    uint32_t got = 0;

    /* the receive side is checked first: a bad name, buffer or flag sends nothing */
    av_msg_init(smsg, port, AV_DISP_COPY_SEND, 0, 0, 1);
    CHECK_RC(av_msg_reply_receive(smsg, sbuf, sizeof sbuf, 77, AV_NONBLOCK, 0, &got), -AV_ENAME);
    CHECK_RC(av_msg_reply_receive(smsg, sbuf, sizeof sbuf, AV_NAME_SELF, AV_NONBLOCK, 0, &got), -AV_ENAME);
    CHECK_RC(av_msg_reply_receive(smsg, (void *)0x80001000u, 64, port, AV_NONBLOCK, 0, &got), -AV_EFAULT);
    CHECK_RC(av_msg_reply_receive(smsg, (void *)0xfffff000u, 0x2000, port, AV_NONBLOCK, 0, &got), -AV_EFAULT);
    CHECK_RC(av_msg_reply_receive(smsg, sbuf, sizeof sbuf, port, 0x80, 0, &got), -AV_EINVAL);
    CHECK_RC(av_msg_receive(sbuf, sizeof sbuf, port, AV_NONBLOCK, 0, &got), -AV_EWOULDBLOCK);
    /* a message of 0 is a plain receive */
    CHECK_RC(av_msg_reply_receive(0, sbuf, sizeof sbuf, port, AV_NONBLOCK, 0, &got), -AV_EWOULDBLOCK);
    printf("checks before the send: nothing sent\n");

    /* a send that fails receives nothing: the queued message stays */
    av_msg_init(smsg, port, AV_DISP_COPY_SEND, 0, 0, 2);
    CHECK_RC(av_msg_send(smsg, 0, 0), 0);
    av_msg_init(smsg, 77, AV_DISP_COPY_SEND, 0, 0, 3);
    CHECK_RC(av_msg_reply_receive(smsg, sbuf, sizeof sbuf, port, 0, 0, &got), -AV_ENAME);
    CHECK_RC(av_msg_reply_receive((void *)0x80000000u, sbuf, sizeof sbuf, port, 0, 0, &got), -AV_EFAULT);
    CHECK_RC(av_port_qlimit(port, 1), 0);            /* full: back-pressure on the reply */
    av_msg_init(smsg, port, AV_DISP_COPY_SEND, 0, 0, 4);
    CHECK_RC(av_msg_reply_receive(smsg, sbuf, sizeof sbuf, port, AV_NONBLOCK, 0, &got), -AV_EWOULDBLOCK);
    CHECK_RC(av_msg_reply_receive(smsg, sbuf, sizeof sbuf, port, AV_SEND_TIMEOUT, 5000, &got),
             -AV_ETIMEDOUT);
    CHECK_RC(av_msg_receive(sbuf, sizeof sbuf, port, AV_NONBLOCK, 0, &got), 0);
    CHECK(((struct av_msg_header *)sbuf)->id == 2, "queued message lost");
    CHECK_RC(av_msg_receive(sbuf, sizeof sbuf, port, AV_NONBLOCK, 0, &got), -AV_EWOULDBLOCK);
    CHECK_RC(av_port_qlimit(port, AV_QLIMIT_DEFAULT), 0);
    printf("failed send: nothing received\n");

    /* the server: the first call only receives (it blocks: the child runs) */
    int c = ktest_fork_client(client, port);
    void *reply = 0;
    uint32_t n = 0;
    for (;;) {
        CHECK_RC(av_msg_reply_receive(reply, sbuf, sizeof sbuf, port, 0, 0, &got), 0);
        struct av_msg_header *h = (void *)sbuf;
        struct av_item *it = av_item_first(sbuf);
        CHECK(h->size == got && it && av_item_len(it) == 64, "request %lu", (unsigned long)n);
        uint8_t out[64];
        const uint8_t *in = av_item_data(it);
        for (int k = 0; k < 64; k++)
            out[k] = (uint8_t)~in[k];
        uint32_t id = h->id;
        av_msg_init(smsg, h->reply, AV_DISP_MOVE_SEND_ONCE, 0, 0, id + 1000);
        av_msg_add_bytes(smsg, out, 64);
        n++;
        if (id == ID_LAST)
            break;
        reply = smsg;
    }
    /* the last reply goes out, then the receive times out */
    uint32_t t0 = av_time_us();
    CHECK_RC(av_msg_reply_receive(smsg, sbuf, sizeof sbuf, port, AV_RCV_TIMEOUT, 20000, &got),
             -AV_ETIMEDOUT);
    memset(smsg, 0xee, sizeof smsg);                 /* after the send: invisible to the client */
    CHECK(av_time_us() - t0 >= 20000, "receive timeout too short");
    int st = -1;
    CHECK_RC(av_wait(c, &st), 0);
    CHECK(st == 0, "client status %d", st);
    CHECK(n == N + 1, "%lu requests", (unsigned long)n);
    printf("%d round trips by value\n", N);
    printf("receive timed out after the reply\n");
    CHECK_RC(av_port_deallocate(port), 0);
    ktest_end("reply_receive");
    return 0;
}
