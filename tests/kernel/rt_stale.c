/* The round trip's receive record (docs/ipc-microcode.md, rt_contract.def
 * P_RT_RPORT): the leg that blocks a process records its checked receive,
 * and the leg that ends it checks the record instead of the receive's
 * call, frame, options, name and buffer. Whatever could make the record
 * stale must give the assembly path's result (the kernel clears it: struct
 * proc rt_rport, rt_forget). The server (the forked child) answers from
 * assembly (rt_call) with every register set; the client (the parent, which
 * holds the child's process port):
 *  - round trips whose receive buffer alternates between two buffers: the
 *    header lands in the one the call names, never the last call's;
 *  - sets the server's frame while it waits (AV_REQ_SET_REGS: the same
 *    registers but t1, t2 and t6): the frame is no longer lean, so the
 *    server must come back with every register as set (a record left in
 *    place would let the microcode restore it lean: t1 = 0);
 *  - kills a port the server holds a send right to while it waits (its
 *    names change), then more round trips;
 *  - terminates the server while it waits: its port dies with it, and a
 *    request to it fails as the general path says.
 * With the routine loaded (nopreempt: the path on) this runs the
 * microcode; on QEMU and with rtasm the assembly path: the same output.
 * bootargs: nopreempt */
#include "ktest.h"

/* expect:
rt_stale: 8 round trips, the receive buffer changed between calls
rt_stale: a frame set while blocked comes back whole
rt_stale: names changed while blocked, 4 more round trips
rt_stale: terminated while blocked: request -4, status 42
test rt_stale: PASS
*/

enum { ID_REQ = 1, ID_REGS = 2, ID_HELLO = 7 };
#define POISON 0xa5a5a5a5u
#define MARK(n) (0xfeed0000u + (n))
#include "rt_call.h"

static uint32_t sbuf[2][16], smsg[8], cmsg[64], cbuf[256];
static struct regs sio;

/* The server: a port of its own, a send right to it given to the parent,
 * then requests answered by reply-and-receive from assembly, the receive
 * buffer alternating. A request ID_REGS finds the frame the parent set. */
static void server(uint32_t hello)
{
    int s = av_port_allocate();
    CHECK(s > 0, "port %d", s);
    av_msg_init(smsg, hello, AV_DISP_COPY_SEND, (uint32_t)s, AV_DISP_MAKE_SEND, ID_HELLO);
    CHECK_RC(av_msg_send(smsg, 0, 0), 0);
    uint32_t got, cur = 0;
    CHECK_RC(av_msg_reply_receive(0, sbuf[0], sizeof sbuf[0], (uint32_t)s, 0, 0, &got), 0);
    for (;;) {
        struct av_msg_header *h = (void *)sbuf[cur];
        CHECK(got == 20 && h->size == 20, "request of %lu bytes", (unsigned long)got);
        av_msg_init(smsg, h->reply, AV_DISP_MOVE_SEND_ONCE, 0, 0, h->id + 0x10);
        for (int i = 0; i < 16; i++)   /* the next header must not land here */
            sbuf[cur][i] = POISON;
        cur ^= 1;
        for (int i = 0; i < 16; i++)
            sbuf[cur][i] = POISON;
        for (uint32_t i = 0; i < 32; i++)
            sio.in[i] = 0x5e000000u + i * 0x01010101u;
        sio.in[10] = (uint32_t)smsg;
        sio.in[11] = (uint32_t)sbuf[cur];
        sio.in[12] = sizeof sbuf[cur];
        sio.in[13] = (uint32_t)s;
        sio.in[14] = 0;
        sio.in[15] = 0;
        sio.in[17] = SYS_MSG_REPLY_RECEIVE;
        rt_call(&sio);
        got = sio.out[11];
        CHECK(sio.out[10] == 0, "reply-and-receive %ld", (long)(int32_t)sio.out[10]);
        CHECK(sbuf[cur ^ 1][0] == POISON && sbuf[cur ^ 1][4] == POISON, "the last call's buffer written");
        h = (void *)sbuf[cur];
        if (h->id == ID_REGS)
            CHECK(sio.out[6] == MARK(6) && sio.out[7] == MARK(7) && sio.out[31] == MARK(31),
                  "frame set: t1 %08lx t2 %08lx t6 %08lx", (unsigned long)sio.out[6],
                  (unsigned long)sio.out[7], (unsigned long)sio.out[31]);
    }
}

static uint32_t s_name, reply;

static void request(uint32_t id)
{
    uint32_t got;
    av_msg_init(cmsg, s_name, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE, id);
    CHECK_RC(av_msg_rpc(cmsg, cbuf, sizeof cbuf, 0, 0, &got), 0);
    struct av_msg_header *h = (void *)cbuf;
    CHECK(got == 20 && h->id == id + 0x10, "reply %lu bytes id %lu", (unsigned long)got, (unsigned long)h->id);
}

/* A request to the child's process port (the kernel answers); the reply's
 * first bytes item, if any. */
static uint32_t *proc_req(int c, uint32_t id, const void *bytes, uint32_t len, int32_t *rc)
{
    uint32_t got;
    av_msg_init(cmsg, (uint32_t)c, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE, id);
    if (id == AV_REQ_SET_REGS) {
        av_msg_add_words(cmsg, 0, 0);
        av_msg_add_bytes(cmsg, bytes, len);
    } else if (id == AV_REQ_TERMINATE) {
        av_msg_add_words(cmsg, bytes, 1);
    }
    CHECK_RC(av_msg_rpc(cmsg, cbuf, sizeof cbuf, 0, 0, &got), 0);
    struct av_item *w = av_item_first(cbuf), *b = av_item_next(cbuf, w);
    *rc = (int32_t)((uint32_t *)av_item_data(w))[0];
    return b ? av_item_data(b) : 0;
}

int main(void)
{
    ktest_begin("rt_stale");
    int hello = av_port_allocate(), q = av_port_allocate(), r = av_port_allocate();
    CHECK(hello > 0 && q > 0 && r > 0, "ports %d %d %d", hello, q, r);
    CHECK_RC(av_port_make_send((uint32_t)hello), 0);
    CHECK_RC(av_port_make_send((uint32_t)q), 0);   /* the child's copy dies later */
    reply = (uint32_t)r;
    int c = av_fork();
    CHECK(c >= 0, "fork %d", c);
    if (c == 0)
        server((uint32_t)hello);
    uint32_t got;
    CHECK_RC(av_msg_receive(cbuf, sizeof cbuf, (uint32_t)hello, 0, 0, &got), 0);
    s_name = ((struct av_msg_header *)cbuf)->reply;
    CHECK(s_name > 0, "server name %lu", (unsigned long)s_name);

    for (int i = 0; i < 8; i++)
        request(ID_REQ);
    printf("rt_stale: 8 round trips, the receive buffer changed between calls\n");

    /* the server waits in its reply-and-receive (its last leg blocked it) */
    int32_t rc;
    uint32_t *regs = proc_req(c, AV_REQ_GET_REGS, 0, 0, &rc);
    CHECK(rc == 0 && regs && regs[17] == SYS_MSG_REPLY_RECEIVE, "get_regs %ld a7 %lu", (long)rc,
          regs ? (unsigned long)regs[17] : 0ul);
    static uint32_t nr[32];
    for (int i = 0; i < 32; i++)
        nr[i] = regs[i];
    nr[6] = MARK(6);
    nr[7] = MARK(7);
    nr[31] = MARK(31);
    proc_req(c, AV_REQ_SET_REGS, nr, sizeof nr, &rc);
    CHECK(rc == 0, "set_regs %ld", (long)rc);
    request(ID_REGS);
    request(ID_REQ);
    printf("rt_stale: a frame set while blocked comes back whole\n");

    CHECK_RC(av_port_deallocate((uint32_t)q), 0);   /* the server's send right dies */
    for (int i = 0; i < 4; i++)
        request(ID_REQ);
    printf("rt_stale: names changed while blocked, 4 more round trips\n");

    uint32_t status = 42;
    proc_req(c, AV_REQ_TERMINATE, &status, 4, &rc);
    CHECK(rc == 0, "terminate %ld", (long)rc);
    av_msg_init(cmsg, s_name, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE, ID_REQ);
    int32_t dead = av_msg_rpc(cmsg, cbuf, sizeof cbuf, 0, 0, &got);
    int st = -1;
    CHECK_RC(av_wait((uint32_t)c, &st), 0);
    printf("rt_stale: terminated while blocked: request %ld, status %d\n", (long)dead, st);
    ktest_end("rt_stale");
    return 0;
}
