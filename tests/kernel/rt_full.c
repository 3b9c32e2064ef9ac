/* The round trip's microcode and a full name table (docs/ipc-microcode.md,
 * check 19): the server takes one more port before each request, so its
 * table passes through full, where the request's reply right needs a slot
 * that only name_insert's growth can give. The microcode must refuse that
 * request (the assembly path grows the table) and take the others, each
 * with the reply slot the kernel would pick; every request's id and every
 * reply must come through, and co-simulation holds the RTL's routine to
 * the ISS's model at each one.
 * bootargs: nopreempt */
#include "ktest.h"

/* expect:
rt_full: 24 requests, ids in order, 24 replies, 24 ports taken
test rt_full: PASS
*/

#define N 24
enum { ID_STOP = 99 };
static uint32_t smsg[8];

static void client(int port)
{
    int reply = av_port_allocate();
    CHECK(reply > 0, "reply port %d", reply);
    static uint32_t m[8], buf[16];
    uint32_t got;
    for (uint32_t i = 1; i <= N; i++) {
        av_msg_init(m, port, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE, i);
        CHECK_RC(av_msg_rpc(m, buf, sizeof buf, 0, 0, &got), 0);
        struct av_msg_header *h = (struct av_msg_header *)buf;
        CHECK(got == sizeof *h && h->size == sizeof *h && h->id == 1000 + i,
              "reply %u: %u bytes, id %u", (unsigned)i, (unsigned)got, (unsigned)h->id);
    }
    av_msg_init(m, port, AV_DISP_COPY_SEND, 0, 0, ID_STOP);
    CHECK_RC(av_msg_send(m, 0, 0), 0);
    av_exit(0);
}

int main(void)
{
    ktest_begin("rt_full");
    int port = ktest_port();
    int c = ktest_fork_client(client, port);
    void *reply = 0;
    uint32_t n = 0, replies = 0, taken = 0;
    static int ports[N];
    static uint32_t buf[16];
    for (;;) {
        uint32_t got;
        CHECK_RC(av_msg_reply_receive(reply, buf, sizeof buf, port, 0, 0, &got), 0);
        replies += reply != 0;
        struct av_msg_header *h = (struct av_msg_header *)buf;
        if (h->id == ID_STOP)
            break;
        CHECK(got == sizeof *h && h->id == ++n, "request %u: id %u", (unsigned)n, (unsigned)h->id);
        av_msg_init(smsg, h->reply, AV_DISP_MOVE_SEND_ONCE, 0, 0, 1000 + h->id);
        reply = smsg;
        /* one more name before the next request: the table fills up */
        if (taken < N) {
            ports[taken] = av_port_allocate();
            CHECK(ports[taken] > 0, "port %u: %d", (unsigned)taken, ports[taken]);
            taken++;
        }
    }
    int st;
    CHECK_RC(av_wait(c, &st), 0);
    CHECK(st == 0, "client status %d", st);
    printf("rt_full: %u requests, ids in order, %u replies, %u ports taken\n", (unsigned)n,
           (unsigned)replies, (unsigned)taken);
    for (uint32_t i = 0; i < taken; i++)
        CHECK_RC(av_port_deallocate(ports[i]), 0);
    CHECK_RC(av_port_deallocate(port), 0);
    ktest_end("rt_full");
    return 0;
}
