/* The register ABI of the two round-trip calls (av_abi.h): SYS_MSG_RPC and
 * SYS_MSG_REPLY_RECEIVE keep sp, gp, tp and s0-s11, return a0 (result) and
 * a1 (size), and give ra, t0-t6 and a2-a7 back as 0: the kernel's fast
 * path (trapvec.S rt_entry) saves only the kept registers, so the others
 * must come back neither stale nor another process's nor the kernel's.
 * The client (the forked child) and the server make their calls from
 * assembly (rt_call) with every register but sp set to a pattern of their
 * own (0xc1..., 0x5e...), and each checks every register after the call:
 *  - fast round trips: the client's registers after its RPC, the server's
 *    after its reply-and-receive (woken by the next request)
 *  - the general path's way back: an RPC with AV_NONBLOCK (sent, then
 *    -AV_EWOULDBLOCK at once), and one with a receive timeout, which the
 *    fast path leaves to the general path
 *  - the statistics count every message of the fast path: messages inline
 *    and direct by two a round trip, and (not on QEMU) the kernel and user
 *    cycles grow, by no more than the time that passed
 * Without preemption, so the switch is the fast path's own; the twin
 * rpc_regs_preempt.c runs it with preemption (the switch by schedule()).
 * bootargs: nopreempt */
#include "ktest.h"

/* expect:
client: registers kept and cleared over 20 round trips
client: general path too
client: statistics count 40 messages
server: registers kept and cleared over 22 requests
test rpc_regs: PASS
*/

#define N 20
enum { ID_REQ = 1, ID_STOP = 99 };
#include "rt_call.h"

static const uint8_t kept[] = { 3, 4, 8, 9, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27 };
static const uint8_t cleared[] = { 1, 5, 6, 7, 12, 13, 14, 15, 16, 17, 28, 29, 30, 31 };

static void fill(struct regs *io, uint32_t pattern)
{
    for (uint32_t i = 0; i < 32; i++)
        io->in[i] = pattern + i * 0x01010101u;
    for (uint32_t i = 0; i < 32; i++)
        io->out[i] = 0xdeadbeefu;
}

/* After the call: a0 and a1 as wanted, the kept registers as set, the
 * clobbered ones 0 (so no value of the other process's or the kernel's). */
static void check(const char *who, struct regs *io, int32_t a0, uint32_t a1)
{
    CHECK((int32_t)io->out[10] == a0 && io->out[11] == a1, "%s: a0 %ld a1 %lu, wanted %ld %lu", who,
          (long)(int32_t)io->out[10], (unsigned long)io->out[11], (long)a0, (unsigned long)a1);
    for (uint32_t k = 0; k < sizeof kept; k++)
        CHECK(io->out[kept[k]] == io->in[kept[k]], "%s: x%u %08lx, set %08lx", who, kept[k],
              (unsigned long)io->out[kept[k]], (unsigned long)io->in[kept[k]]);
    for (uint32_t k = 0; k < sizeof cleared; k++)
        CHECK(io->out[cleared[k]] == 0, "%s: x%u %08lx after the call, not 0", who, cleared[k],
              (unsigned long)io->out[cleared[k]]);
}

static uint32_t cmsg[16], cbuf[64], smsg[16], sbuf[64];
static struct regs cio, sio;
static int port;

static inline uint32_t rdcycle(void)
{
    uint32_t c;
    __asm__ volatile("rdcycle %0" : "=r"(c));
    return c;
}

/* One RPC from rt_call: a header-only request, its reply header-only too. */
static void rpc(uint32_t reply, uint32_t id, uint32_t opts, uint32_t timeout, int32_t want)
{
    av_msg_init(cmsg, (uint32_t)port, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE, id);
    fill(&cio, 0xc1000000u);
    cio.in[10] = (uint32_t)cmsg;
    cio.in[11] = (uint32_t)cbuf;
    cio.in[12] = sizeof cbuf;
    cio.in[13] = opts;
    cio.in[14] = timeout;
    cio.in[17] = SYS_MSG_RPC;
    rt_call(&cio);
    if (want == 0) {
        struct av_msg_header *h = (void *)cbuf;
        CHECK(h->id == id + 1 && h->dest == reply, "reply id %lu", (unsigned long)h->id);
    }
    check("client", &cio, want, want == 0 ? 20 : 0);
}

static void client(void)
{
    int reply = av_port_allocate();
    CHECK(reply > 0, "reply port %d", reply);
    struct av_stats s0, s1;
    CHECK_RC(av_stats(&s0), 0);
    uint32_t t0 = rdcycle();
    for (uint32_t i = 0; i < N; i++)
        rpc((uint32_t)reply, ID_REQ, 0, 0, 0);
    uint32_t t1 = rdcycle();
    CHECK_RC(av_stats(&s1), 0);
    printf("client: registers kept and cleared over %d round trips\n", N);

    /* sent, then the receive cannot wait: the general path returns */
    rpc((uint32_t)reply, ID_REQ, AV_NONBLOCK, 0, -AV_EWOULDBLOCK);
    uint32_t got;
    CHECK_RC(av_msg_receive(cbuf, sizeof cbuf, (uint32_t)reply, 0, 0, &got), 0);
    /* a receive timeout: the fast path leaves the call to the general one */
    rpc((uint32_t)reply, ID_REQ, AV_RCV_TIMEOUT, 1000000, 0);
    printf("client: general path too\n");

    uint32_t inl = s1.msgs_inline - s0.msgs_inline, dir = s1.msgs_direct - s0.msgs_direct;
    uint64_t du = s1.cycles_user - s0.cycles_user, dk = s1.cycles_kernel - s0.cycles_kernel;
    uint64_t di = s1.cycles_idle - s0.cycles_idle;
    /* With preemption (rpc_regs_preempt.c) a timer may stop the server
     * between its reply and its next receive (QEMU's timer follows the
     * host's clock, so where it falls varies with the host's load), and the
     * next request then waits in the queue instead of being handed over:
     * every message is inline, not all need be direct. */
#ifdef RPC_REGS_PREEMPT
    CHECK(inl == 2 * N && dir <= inl, "%lu inline, %lu direct, wanted %d inline", (unsigned long)inl,
          (unsigned long)dir, 2 * N);
#else
    CHECK(inl == 2 * N && dir == 2 * N, "%lu inline, %lu direct, wanted %d", (unsigned long)inl,
          (unsigned long)dir, 2 * N);
#endif
    /* the cycles only where they mean something: not on QEMU, which has
     * no fast-path CSRs (this test boots without cpaths, so fastpaths is 0
     * there only) */
    CHECK(s1.bytes_inline == s0.bytes_inline, "bytes inline");
    CHECK(!s1.fastpaths || (dk > 0 && du > 0 && du + dk + di <= (uint64_t)(t1 - t0) + (1u << 16)),
          "cycles user %lu kernel %lu idle %lu in %lu", (unsigned long)du, (unsigned long)dk,
          (unsigned long)di, (unsigned long)(t1 - t0));
    printf("client: statistics count %d messages\n", 2 * N);

    av_msg_init(cmsg, (uint32_t)port, AV_DISP_COPY_SEND, (uint32_t)reply, AV_DISP_MAKE_SEND_ONCE, ID_STOP);
    CHECK_RC(av_msg_rpc(cmsg, cbuf, sizeof cbuf, 0, 0, &got), 0);
    CHECK_RC(av_port_deallocate((uint32_t)reply), 0);
    av_exit(0);
}

int main(void)
{
    ktest_begin("rpc_regs");
    port = av_port_allocate();
    CHECK(port > 0, "port %d", port);
    CHECK_RC(av_port_make_send((uint32_t)port), 0);
    int c = av_fork();
    CHECK(c >= 0, "fork %d", c);
    if (c == 0)
        client();

    uint32_t got, n = 0;
    CHECK_RC(av_msg_reply_receive(0, sbuf, sizeof sbuf, (uint32_t)port, 0, 0, &got), 0);
    for (;;) {
        struct av_msg_header *h = (void *)sbuf;
        CHECK(got == 20 && h->size == 20, "request of %lu bytes", (unsigned long)got);
        av_msg_init(smsg, h->reply, AV_DISP_MOVE_SEND_ONCE, 0, 0, h->id + 1);
        if (h->id == ID_STOP) {
            CHECK_RC(av_msg_send(smsg, 0, 0), 0);
            break;
        }
        n++;
        fill(&sio, 0x5e000000u);
        sio.in[10] = (uint32_t)smsg;
        sio.in[11] = (uint32_t)sbuf;
        sio.in[12] = sizeof sbuf;
        sio.in[13] = (uint32_t)port;
        sio.in[14] = 0;
        sio.in[15] = 0;
        sio.in[17] = SYS_MSG_REPLY_RECEIVE;
        rt_call(&sio);
        got = sio.out[11];
        check("server", &sio, 0, 20);
    }
    printf("server: registers kept and cleared over %lu requests\n", (unsigned long)n);
    int st = -1;
    CHECK_RC(av_wait((uint32_t)c, &st), 0);
    CHECK(st == 0, "client status %d", st);
    CHECK_RC(av_port_deallocate((uint32_t)port), 0);
    ktest_end("rpc_regs");
    return 0;
}
