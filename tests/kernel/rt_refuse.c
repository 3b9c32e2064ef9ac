/* Round trips that the round trip's microcode must refuse although the
 * assembly path takes them (docs/ipc-microcode.md, "Which cases"): the
 * request's header across two pages, the server's receive buffer on a page
 * never touched (zero-fill: the assembly path's header write serves the
 * fault in S mode), the client's reply buffer likewise, or across two
 * pages. Each must give the assembly path's result: the server sees every
 * request's id, the client every reply's. On the RTL the routine runs (in
 * co-simulation: the ISS must refuse the same legs); the twin
 * rt_refuse_uc.c runs it on the ISS with rtforce.
 * bootargs: nopreempt */
#include "ktest.h"

/* expect:
rt_refuse: 12 requests, ids in order, 12 replies
test rt_refuse: PASS
*/

#define N 12
enum { ID_STOP = 99 };
#define PAGE 4096u
static uint32_t smsg[8];

/* A fresh region of n pages (zero-fill: no page touched). */
static uint32_t fresh(uint32_t n)
{
    uint32_t a = 0;
    CHECK_RC(av_vm_allocate(AV_NAME_SELF, &a, n * PAGE, AV_VM_ANYWHERE), 0);
    return a;
}

static void client(int port)
{
    int reply = av_port_allocate();
    CHECK(reply > 0, "reply port %d", reply);
    uint32_t msgs = fresh(2), got;
    /* the header's last 12 bytes on the second page */
    uint32_t *m = (uint32_t *)(msgs + PAGE - 8);
    for (uint32_t i = 1; i <= N; i++) {
        /* every third reply into a page not yet touched; every other one
         * of the rest across the two pages (both touched: the TLB has them,
         * and the routine's one-page test must refuse after its probe) */
        uint32_t *buf = (uint32_t *)(i % 3 ? (i % 2 ? msgs + 64 : msgs + PAGE - 12) : fresh(1));
        av_msg_init(m, port, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE, i);
        CHECK_RC(av_msg_rpc(m, buf, 64, 0, 0, &got), 0);
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
    ktest_begin("rt_refuse");
    int port = ktest_port();
    int c = ktest_fork_client(client, port);
    void *reply = 0;
    uint32_t n = 0, replies = 0;
    for (;;) {
        /* a fresh, untouched receive buffer every other time */
        static uint32_t keep[16];
        uint32_t *buf = n % 2 ? keep : (uint32_t *)fresh(1), got;
        CHECK_RC(av_msg_reply_receive(reply, buf, 64, port, 0, 0, &got), 0);
        replies += reply != 0;
        struct av_msg_header *h = (struct av_msg_header *)buf;
        if (h->id == ID_STOP)
            break;
        CHECK(got == sizeof *h && h->id == ++n, "request %u: id %u", (unsigned)n, (unsigned)h->id);
        av_msg_init(smsg, h->reply, AV_DISP_MOVE_SEND_ONCE, 0, 0, 1000 + h->id);
        reply = smsg;
    }
    int st;
    CHECK_RC(av_wait(c, &st), 0);
    CHECK(st == 0, "client status %d", st);
    printf("rt_refuse: %u requests, ids in order, %u replies\n", (unsigned)n, (unsigned)replies);
    CHECK_RC(av_port_deallocate(port), 0);
    ktest_end("rt_refuse");
    return 0;
}
