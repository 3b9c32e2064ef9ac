/* The round trip's fast path (ipcfast.S): an RPC or a reply-and-
 * receive whose send goes straight to a waiting receiver and whose receive
 * then blocks. Everything it does not take must fall back to the general
 * path with the general path's results, so each case below is one the
 * fast path must refuse, and each would come out differently if it skipped
 * that check (an option ignored blocks for ever or never times out, a bad
 * pointer or name would send something, a wrong order would lose the
 * message). The child is the client, the parent the server; the server
 * tells in each reply how many requests it has received and what it saw,
 * so "nothing sent" is checked, not assumed.
 *  - many round trips, null and with data, by value, every message direct
 *  - options: non-blocking (the send goes, the receive fails), a receive
 *    timeout (no reply: times out), an unknown flag (nothing sent)
 *  - bad message pointers (kernel, unaligned, null, wrapping, a body that
 *    runs into an unmapped page): -AV_EFAULT, nothing sent; a bad receive
 *    buffer: sent, then -AV_EFAULT
 *  - bad header: size not a word multiple, below the header, above the
 *    inline limit, unknown bits: -AV_EINVAL, nothing sent
 *  - bad names: no such destination, no send right, a send right given
 *    as send-once: -AV_ENAME, nothing sent; no reply right, or the reply
 *    port's receive right moved: sent, then -AV_ENAME; a make-send reply
 *    right; a reply that carries a reply right
 *  - too big for the direct transfer: queued, same result
 *  - a receiver not waiting on the port (it waits on another): queued
 *  - the server's buffer too small: its receive fails, the request waits
 *  - the reply port already holds a message: the RPC returns it at once
 *  - a request to the own process port: the kernel answers
 *  - the server's reply-and-receive with a bad receive name, buffer or
 *    flag, or a bad destination right, while the client waits: the
 *    error, nothing sent
 *  - a header-only request to a server in a plain receive (delivered
 *    there), and to one whose buffer cannot hold a header: its receive
 *    fails, the request waits
 * bootargs: nopreempt */
#include "ktest.h"

/* expect:
fast: 200 round trips, all direct
options: fall back
bad pointers: -EFAULT, nothing sent
bad headers: -EINVAL, nothing sent
bad names: fall back
queued cases: same results
server checks: nothing sent
header only: plain receive, small buffer
test rpc_fast: PASS
*/

#define N 100
enum { ID_PLAIN = 1, ID_NOREPLY, ID_SMALL, ID_OTHER, ID_RRCHECK, ID_GIVE, ID_RECV, ID_TINY, ID_STOP };
static uint32_t smsg[256], sbuf[KT_BUF_WORDS], cmsg[256], cbuf[256], qbuf[64];
static int port, port2;

/* Reply words: requests received so far, the request's id, its reply
 * disposition as received, its size, the server's last odd result. */
struct rep { uint32_t n, id, rdisp, size; int32_t odd; };

static uint32_t direct_count(void)
{
    struct av_stats s;
    CHECK_RC(av_stats(&s), 0);
    return s.msgs_direct;
}

static struct rep *rep_of(uint32_t *buf)
{
    struct av_item *it = av_item_first(buf);
    CHECK(it && av_item_len(it) == sizeof(struct rep), "reply without its words");
    return av_item_data(it);
}

/* ---- client --------------------------------------------------------------- */
static int reply;
static uint32_t sent;                  /* requests the server should have seen */

static void req(uint32_t *m, uint32_t id, uint32_t dest, uint32_t rname, uint32_t rdisp, uint32_t n)
{
    static uint8_t data[600];
    av_msg_init(m, dest, AV_DISP_COPY_SEND, rname, rdisp, id);
    for (uint32_t k = 0; k < n; k++)
        data[k] = (uint8_t)(id + k);
    if (n)
        av_msg_add_bytes(m, data, n);
}

/* A normal round trip; returns the server's report. */
static struct rep *rt(uint32_t id, uint32_t n)
{
    uint32_t got;
    req(cmsg, id, port, reply, AV_DISP_MAKE_SEND_ONCE, n);
    CHECK_RC(av_msg_rpc(cmsg, cbuf, sizeof cbuf, 0, 0, &got), 0);
    struct av_msg_header *h = (void *)cbuf;
    sent++;
    CHECK(h->id == id + 1000 && h->size == got && h->dest == (uint32_t)reply, "reply to %lu: id %lu",
          (unsigned long)id, (unsigned long)h->id);
    struct rep *r = rep_of(cbuf);
    CHECK(r->n == sent && r->id == id, "server saw %lu requests, %lu sent", (unsigned long)r->n,
          (unsigned long)sent);
    return r;
}

/* The reply a failed RPC left queued on the reply port (its send went). */
static void drain(uint32_t id)
{
    uint32_t got;
    sent++;
    CHECK_RC(av_msg_receive(cbuf, sizeof cbuf, reply, 0, 0, &got), 0);
    CHECK(((struct av_msg_header *)cbuf)->id == id + 1000 && rep_of(cbuf)->n == sent, "queued reply");
}

/* An RPC that must fail with err before sending anything. */
static void refused(void *m, void *buf, uint32_t size, uint32_t opts, int err)
{
    uint32_t got;
    CHECK_RC(av_msg_rpc(m, buf, size, opts, 1000, &got), err);
}

static void client(void)
{
    reply = av_port_allocate();
    CHECK(reply > 0, "reply port %d", reply);
    uint32_t got;

    /* the fast path itself: each request and each reply direct */
    uint32_t d0 = direct_count();
    for (uint32_t i = 0; i < N; i++) {
        rt(ID_PLAIN, 0);
        struct rep *r = rt(ID_PLAIN, 64);
        CHECK(r->size == 20 + 8 + 64 && r->rdisp == AV_DISP_PORT_SEND_ONCE, "request as sent");
    }
    CHECK(direct_count() - d0 == 4 * N, "%lu direct", (unsigned long)(direct_count() - d0));
    printf("fast: %d round trips, all direct\n", 2 * N);

    /* options: non-blocking sends, then cannot wait for the reply */
    req(cmsg, ID_PLAIN, port, reply, AV_DISP_MAKE_SEND_ONCE, 0);
    CHECK_RC(av_msg_rpc(cmsg, cbuf, sizeof cbuf, AV_NONBLOCK, 0, &got), -AV_EWOULDBLOCK);
    drain(ID_PLAIN);
    /* a receive timeout applies (the server does not answer this one) */
    req(cmsg, ID_NOREPLY, port, reply, AV_DISP_MAKE_SEND_ONCE, 0);
    CHECK_RC(av_msg_rpc(cmsg, cbuf, sizeof cbuf, AV_RCV_TIMEOUT, 2000, &got), -AV_ETIMEDOUT);
    sent++;
    req(cmsg, ID_PLAIN, port, reply, AV_DISP_MAKE_SEND_ONCE, 0);
    refused(cmsg, cbuf, sizeof cbuf, 0x80, -AV_EINVAL);
    rt(ID_PLAIN, 0);
    printf("options: fall back\n");

    /* bad message pointers: nothing is sent */
    refused((void *)0x80000000u, cbuf, sizeof cbuf, 0, -AV_EFAULT);
    req(cmsg, ID_PLAIN, port, reply, AV_DISP_MAKE_SEND_ONCE, 0);
    memcpy((uint8_t *)qbuf + 2, cmsg, 20);                 /* a good header, unaligned */
    refused((uint8_t *)qbuf + 2, cbuf, sizeof cbuf, 0, -AV_EFAULT);
    refused(0, cbuf, sizeof cbuf, 0, -AV_EFAULT);
    refused((void *)0x7ffffffcu, cbuf, sizeof cbuf, 0, -AV_EFAULT);
    uint32_t a = 0;
    CHECK_RC(av_vm_allocate(AV_NAME_SELF, &a, 8192, AV_VM_ANYWHERE), 0);
    CHECK_RC(av_vm_deallocate(AV_NAME_SELF, a + 4096, 4096), 0);
    uint32_t *edge = (uint32_t *)(a + 4096 - 20);     /* header fits, body does not */
    req(edge, ID_PLAIN, port, reply, AV_DISP_MAKE_SEND_ONCE, 0);
    ((struct av_msg_header *)edge)->size = 64;
    refused(edge, cbuf, sizeof cbuf, 0, -AV_EFAULT);
    CHECK_RC(av_vm_deallocate(AV_NAME_SELF, a, 4096), 0);
    /* a bad receive buffer: the request goes, then the receive fails */
    req(cmsg, ID_PLAIN, port, reply, AV_DISP_MAKE_SEND_ONCE, 0);
    CHECK_RC(av_msg_rpc(cmsg, (void *)0x80000000u, 64, 0, 0, &got), -AV_EFAULT);
    drain(ID_PLAIN);
    CHECK_RC(av_msg_rpc(cmsg, (uint8_t *)cbuf + 2, 64, 0, 0, &got), -AV_EFAULT);
    drain(ID_PLAIN);
    CHECK_RC(av_msg_rpc(cmsg, (void *)0x7ffff000u, 0x2000, 0, 0, &got), -AV_EFAULT);
    drain(ID_PLAIN);
    rt(ID_PLAIN, 0);
    printf("bad pointers: -EFAULT, nothing sent\n");

    /* bad headers */
    static const uint32_t bad_sizes[] = { 22, 8, AV_MSG_INLINE_MAX + 4 };
    for (uint32_t k = 0; k < 3; k++) {
        req(cmsg, ID_PLAIN, port, reply, AV_DISP_MAKE_SEND_ONCE, 0);
        ((struct av_msg_header *)cmsg)->size = bad_sizes[k];
        refused(cmsg, cbuf, sizeof cbuf, 0, -AV_EINVAL);
    }
    req(cmsg, ID_PLAIN, port, reply, AV_DISP_MAKE_SEND_ONCE, 0);
    ((struct av_msg_header *)cmsg)->bits |= 0x20000u;
    refused(cmsg, cbuf, sizeof cbuf, 0, -AV_EINVAL);
    rt(ID_PLAIN, 0);
    printf("bad headers: -EINVAL, nothing sent\n");

    /* bad names */
    req(cmsg, ID_PLAIN, 77, reply, AV_DISP_MAKE_SEND_ONCE, 0);
    refused(cmsg, cbuf, sizeof cbuf, 0, -AV_ENAME);
    req(cmsg, ID_PLAIN, reply, reply, AV_DISP_MAKE_SEND_ONCE, 0);   /* receive right only */
    refused(cmsg, cbuf, sizeof cbuf, 0, -AV_ENAME);
    req(cmsg, ID_PLAIN, port, reply, AV_DISP_MAKE_SEND_ONCE, 0);
    ((struct av_msg_header *)cmsg)->bits = AV_DISP_MOVE_SEND_ONCE | AV_MSG_REPLY(AV_DISP_MAKE_SEND_ONCE);
    refused(cmsg, cbuf, sizeof cbuf, 0, -AV_ENAME);               /* a send right, not send-once */
    req(cmsg, ID_NOREPLY, port, reply, AV_DISP_MOVE_RECEIVE, 0);  /* sent; the receive right went */
    CHECK_RC(av_msg_rpc(cmsg, cbuf, sizeof cbuf, 0, 0, &got), -AV_ENAME);
    sent++;
    reply = av_port_allocate();
    CHECK(reply > 0, "new reply port %d", reply);
    req(cmsg, ID_NOREPLY, port, 0, 0, 0);                          /* sent; no name to receive on */
    CHECK_RC(av_msg_rpc(cmsg, cbuf, sizeof cbuf, 0, 0, &got), -AV_ENAME);
    sent++;
    req(cmsg, ID_PLAIN, port, reply, AV_DISP_MAKE_SEND, 0);
    CHECK_RC(av_msg_rpc(cmsg, cbuf, sizeof cbuf, 0, 0, &got), 0);
    sent++;
    CHECK(rep_of(cbuf)->rdisp == AV_DISP_PORT_SEND && rep_of(cbuf)->n == sent, "make-send reply right");
    /* the server's reply carries a reply right (make-send of its port2) */
    rt(ID_GIVE, 0);
    struct av_msg_header *gh = (void *)cbuf;
    CHECK(gh->reply != 0 && AV_MSG_GET_REPLY(gh->bits) == AV_DISP_PORT_SEND &&
          av_port_rights(gh->reply) == AV_RIGHT_SEND, "reply right in the reply");
    CHECK_RC(av_port_deallocate(gh->reply), 0);
    rt(ID_PLAIN, 0);
    printf("bad names: fall back\n");

    /* too big for the direct transfer: only the reply is direct */
    d0 = direct_count();
    struct rep *r = rt(ID_PLAIN, 600);
    CHECK(r->size == 20 + 8 + 600 && direct_count() - d0 == 1, "600 bytes: %lu direct",
          (unsigned long)(direct_count() - d0));
    /* the server waits on another port: the request is queued until that
     * receive times out */
    rt(ID_OTHER, 0);
    r = rt(ID_PLAIN, 0);
    CHECK(r->odd == -AV_ETIMEDOUT, "server on port2: %ld", (long)r->odd);
    /* the server's buffer too small: its receive fails, then takes it */
    rt(ID_SMALL, 0);
    r = rt(ID_PLAIN, 100);
    CHECK(r->odd == -AV_ETOOSMALL && r->size == 20 + 8 + 100, "small buffer: %ld", (long)r->odd);
    /* a message already queued on the reply port comes back at once */
    req(qbuf, 4242, reply, 0, 0, 0);
    ((struct av_msg_header *)qbuf)->bits = AV_DISP_MAKE_SEND;
    CHECK_RC(av_msg_send(qbuf, 0, 0), 0);
    req(cmsg, ID_PLAIN, port, reply, AV_DISP_MAKE_SEND_ONCE, 0);
    CHECK_RC(av_msg_rpc(cmsg, cbuf, sizeof cbuf, 0, 0, &got), 0);
    CHECK(((struct av_msg_header *)cbuf)->id == 4242, "queued message first");
    drain(ID_PLAIN);
    /* a request to the own process port: the kernel replies */
    uint32_t word = 0, w = 0x5a5a1234u, addr = (uint32_t)&word;
    av_msg_init(cmsg, AV_NAME_SELF, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE, AV_REQ_WRITE_MEM);
    av_msg_add_words(cmsg, &addr, 1);
    av_msg_add_bytes(cmsg, &w, 4);
    CHECK_RC(av_msg_rpc(cmsg, cbuf, sizeof cbuf, 0, 0, &got), 0);
    CHECK(((struct av_msg_header *)cbuf)->id == (AV_REQ_WRITE_MEM | AV_REQ_REPLY_BIT) && word == w,
          "request reply");
    rt(ID_PLAIN, 0);
    printf("queued cases: same results\n");

    r = rt(ID_RRCHECK, 0);
    CHECK(r->odd == 0, "server checks: case %ld", (long)r->odd);
    rt(ID_PLAIN, 0);
    printf("server checks: nothing sent\n");
    /* header-only requests: to the server's plain receive, which reports
     * it (odd 1); to a buffer of 16 bytes, where it must not go */
    rt(ID_RECV, 0);
    r = rt(ID_PLAIN, 0);
    CHECK(r->odd == 1 && r->size == 20, "plain receive: %ld, %lu bytes", (long)r->odd, (unsigned long)r->size);
    rt(ID_TINY, 0);
    r = rt(ID_PLAIN, 0);
    CHECK(r->odd == -AV_ETOOSMALL && r->size == 20, "16-byte buffer: %ld", (long)r->odd);
    rt(ID_PLAIN, 0);
    printf("header only: plain receive, small buffer\n");
    req(cmsg, ID_STOP, port, reply, AV_DISP_MAKE_SEND_ONCE, 0);
    CHECK_RC(av_msg_rpc(cmsg, cbuf, sizeof cbuf, 0, 0, &got), 0);
    av_exit(0);
}

/* ---- server ----------------------------------------------------------------- */
/* The server's reply-and-receive with a bad receive side, while the client
 * waits for its reply: each fails before sending (0, or the failing case). */
static int32_t rr_checks(void)
{
    uint32_t got;
    struct { void *buf; uint32_t size, name; int err; } c[] = {
        { sbuf, sizeof sbuf, 77, -AV_ENAME },
        { sbuf, sizeof sbuf, AV_NAME_SELF, -AV_ENAME },
        { (void *)0x80000000u, 64, (uint32_t)port, -AV_EFAULT },
        { (uint8_t *)sbuf + 2, 64, (uint32_t)port, -AV_EFAULT },
        { (void *)0x7ffff000u, 0x2000, (uint32_t)port, -AV_EFAULT },
    };
    for (int32_t k = 0; k < 5; k++)
        if (av_msg_reply_receive(smsg, c[k].buf, c[k].size, c[k].name, 0, 0, &got) != c[k].err)
            return k + 1;
    /* an unknown flag, and a reply to a name that is no send right */
    if (av_msg_reply_receive(smsg, sbuf, sizeof sbuf, port, 0x80, 0, &got) != -AV_EINVAL)
        return 6;
    struct av_msg_header *h = (void *)smsg;
    uint32_t to = h->dest;
    h->dest = 77;
    if (av_msg_reply_receive(smsg, sbuf, sizeof sbuf, port, 0, 0, &got) != -AV_ENAME)
        return 7;
    h->dest = to;
    h->bits = AV_DISP_COPY_SEND;       /* a send-once right is no send right */
    if (av_msg_reply_receive(smsg, sbuf, sizeof sbuf, port, 0, 0, &got) != -AV_ENAME)
        return 8;
    return 0;
}

int main(void)
{
    ktest_begin("rpc_fast");
    port = av_port_allocate();
    port2 = av_port_allocate();
    CHECK(port > 0 && port2 > 0, "ports");
    CHECK_RC(av_port_make_send(port), 0);
    int c = av_fork();
    CHECK(c >= 0, "fork %d", c);
    if (c == 0)
        client();

    void *out = 0;
    uint32_t got, n = 0, name = (uint32_t)port, size = sizeof sbuf, opts = 0, timeout = 0;
    struct rep rp = { 0, 0, 0, 0, 0 };
    int plain = 0;
    for (;;) {
        int r;
        if (plain) {                   /* the reply alone, then a plain receive */
            CHECK_RC(av_msg_send(out, 0, 0), 0);
            r = av_msg_receive(sbuf, size, name, opts, timeout, &got);
            plain = 0;
            rp.odd = r == 0;
        } else {
            r = av_msg_reply_receive(out, sbuf, size, name, opts, timeout, &got);
        }
        out = 0;
        if (r < 0) {                   /* an expected odd result: back to normal */
            CHECK(r == -AV_ETOOSMALL || r == -AV_ETIMEDOUT, "server receive %d", r);
            rp.odd = r;
            name = (uint32_t)port, size = sizeof sbuf, opts = 0, timeout = 0;
            continue;
        }
        struct av_msg_header *h = (void *)sbuf;
        uint32_t id = h->id, rdisp = AV_MSG_GET_REPLY(h->bits);
        n++;
        rp.n = n, rp.id = id, rp.rdisp = rdisp, rp.size = h->size;
        if (id == ID_NOREPLY || !h->reply)
            continue;
        av_msg_init(smsg, h->reply, rdisp == AV_DISP_PORT_SEND ? AV_DISP_COPY_SEND : AV_DISP_MOVE_SEND_ONCE,
                    0, 0, id + 1000);
        if (id == ID_RRCHECK) {
            rp.odd = rr_checks();
            av_msg_init(smsg, h->reply, AV_DISP_MOVE_SEND_ONCE, 0, 0, id + 1000);
        }
        if (id == ID_GIVE)
            av_msg_init(smsg, h->reply, AV_DISP_MOVE_SEND_ONCE, (uint32_t)port2, AV_DISP_MAKE_SEND, id + 1000);
        av_msg_add_words(smsg, (uint32_t *)&rp, sizeof rp / 4);
        rp.odd = 0;
        if (id == ID_STOP) {
            CHECK_RC(av_msg_send(smsg, 0, 0), 0);
            break;
        }
        out = smsg;
        if (id == ID_SMALL)
            size = 24;
        if (id == ID_TINY)
            size = 16;
        plain = id == ID_RECV;
        if (id == ID_OTHER)
            name = (uint32_t)port2, opts = AV_RCV_TIMEOUT, timeout = 3000;
    }
    int st = -1;
    CHECK_RC(av_wait(c, &st), 0);
    CHECK(st == 0, "client status %d", st);
    CHECK_RC(av_port_deallocate(port), 0);
    CHECK_RC(av_port_deallocate(port2), 0);
    ktest_end("rpc_fast");
    return 0;
}
