/* The receive record's invariant (docs/ipc-microcode.md, "The receive
 * record"): a record is there only while its process is blocked in the
 * receive it names, so the round trip's microcode takes a receiver whose
 * record names the destination as blocked on it without reading its state
 * (check 13). Every wake-up clears the record: here one that leaves the
 * receiver runnable while another process goes on. The server (the child,
 * its port's send right given in a hello) answers in reply-and-receive,
 * each leg a fast one that records its receive. The parent, holding the
 * server's process port, suspends it while it waits, sends it a header
 * (the C path delivers it: the call ends, the server is runnable but
 * suspended), resumes it (queued, not run) and at once makes an RPC to the
 * same port. The server is not blocked: the RPC must wait for it, and the
 * server sees every message in order. A record left by the wake-up would
 * also name the delivered message's size as the buffer (a1, on page 0,
 * which nothing maps), so check 21 would refuse it as well; the test keeps
 * the case from depending on that. In co-simulation the ISS makes check 13
 * in full: a stale record the microcode took would diverge.
 * bootargs: nopreempt */
#include "ktest.h"

/* expect:
rt_woken: 6 rounds: request, message while suspended, request after resume, in order
test rt_woken: PASS
*/

#define N 6
enum { ID_SENT = 0x100, ID_AFTER = 0x200, ID_STOP = 99 };
static uint32_t smsg[8], sbuf[16], cmsg[8], cbuf[16], rmsg[16], rbuf[16];

static void server(int hello)
{
    int port = av_port_allocate();
    CHECK(port > 0, "port %d", port);
    av_msg_init(smsg, hello, AV_DISP_COPY_SEND, (uint32_t)port, AV_DISP_MAKE_SEND, 1);
    CHECK_RC(av_msg_send(smsg, 0, 0), 0);
    void *reply = 0;
    uint32_t got, k = 1, step = 0, ok = 1;
    for (;;) {
        CHECK_RC(av_msg_reply_receive(reply, sbuf, sizeof sbuf, port, 0, 0, &got), 0);
        reply = 0;
        struct av_msg_header *h = (struct av_msg_header *)sbuf;
        if (h->id == ID_STOP)
            break;
        /* each round: k, ID_SENT + k, ID_AFTER + k */
        uint32_t want = step == 0 ? k : step == 1 ? ID_SENT + k : ID_AFTER + k;
        if (h->id != want || got != sizeof *h) {
            printf("rt_woken: round %u: id %x (%u bytes), expected %x\n", (unsigned)k,
                   (unsigned)h->id, (unsigned)got, (unsigned)want);
            ok = 0;
        }
        if (++step == 3) {
            step = 0;
            k++;
        }
        if (h->reply) {
            av_msg_init(smsg, h->reply, AV_DISP_MOVE_SEND_ONCE, 0, 0, 1000 + h->id);
            reply = smsg;
        }
    }
    av_exit(ok && k == N + 1 ? 0 : 1);
}

/* A request through the server's process port (request.c). */
static void request(int proc, int reply, uint32_t id)
{
    av_msg_init(rmsg, proc, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE, id);
    uint32_t got;
    CHECK_RC(av_msg_rpc(rmsg, rbuf, sizeof rbuf, 0, 0, &got), 0);
    struct av_item *it = av_item_first(rbuf);
    CHECK(it && ((uint32_t *)av_item_data(it))[0] == 0, "request %x refused", (unsigned)id);
}

static void rpc(int port, int reply, uint32_t id)
{
    av_msg_init(cmsg, port, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE, id);
    uint32_t got;
    CHECK_RC(av_msg_rpc(cmsg, cbuf, sizeof cbuf, 0, 0, &got), 0);
    struct av_msg_header *h = (struct av_msg_header *)cbuf;
    CHECK(got == sizeof *h && h->id == 1000 + id, "reply to %x: %u bytes, id %x",
          (unsigned)id, (unsigned)got, (unsigned)h->id);
}

int main(void)
{
    ktest_begin("rt_woken");
    int hello = ktest_port();
    int c = av_fork();
    CHECK(c >= 0, "fork %d", c);
    if (c == 0)
        server(hello);
    /* the server's port: a send right in its hello */
    uint32_t got;
    CHECK_RC(av_msg_receive(cbuf, sizeof cbuf, hello, 0, 0, &got), 0);
    int port = (int)((struct av_msg_header *)cbuf)->reply;
    CHECK(port > 0, "server port %d", port);
    int reply = av_port_allocate(), rq = av_port_allocate();
    CHECK(reply > 0 && rq > 0, "ports %d %d", reply, rq);
    for (uint32_t k = 1; k <= N; k++) {
        rpc(port, reply, k);           /* the server waits again (a fast leg) */
        request(c, rq, AV_REQ_SUSPEND);
        av_msg_init(cmsg, port, AV_DISP_COPY_SEND, 0, 0, ID_SENT + k);
        CHECK_RC(av_msg_send(cmsg, 0, 0), 0);
        request(c, rq, AV_REQ_RESUME);
        rpc(port, reply, ID_AFTER + k);
    }
    av_msg_init(cmsg, port, AV_DISP_COPY_SEND, 0, 0, ID_STOP);
    CHECK_RC(av_msg_send(cmsg, 0, 0), 0);
    int st;
    CHECK_RC(av_wait(c, &st), 0);
    CHECK(st == 0, "server status %d", st);
    printf("rt_woken: %u rounds: request, message while suspended, request after resume, in order\n",
           (unsigned)N);
    CHECK_RC(av_port_deallocate(hello), 0);
    ktest_end("rt_woken");
    return 0;
}
