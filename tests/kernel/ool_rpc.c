/* Many out-of-line round trips, as a server sees them: the client (a forked
 * child) sends 64 KiB of resident pages out of line, the server checks them
 * by value, writes its copy, deallocates it and replies. Copy-on-write stays
 * exact every time: the server's writes never reach the client, and a
 * queued message keeps what was sent even when the sender writes before the
 * receive. The kernel keeps its transit table from message to message, so
 * after the first round trip the free-frame count is the same after every
 * one (a table made or lost per message would move it). Queued messages
 * that need more transit tables (four of 1 MiB at once, beyond the first
 * 4 MiB) give them back when received. A deallocated page the server
 * touched leaves no translation behind (its TLB flush). A receive that
 * fails for want of names places nothing. ool_rpc_cpaths runs it with every
 * path in C (the remap C twin). */
#include "ktest.h"

/* expect:
round trips: 40 ok, frames steady
queued after writes: ok
queued 4 MiB: ok
no free names: nothing placed, message kept
test ool_rpc: PASS
*/

#define PAGE 4096u
#define N_RT 40
#define ID_STOP 0xdeadu
#define ID_QUEUED 0x51u
#define ID_DRAIN 0xd0u
#define BIG (1u << 20)
#define NBIG 4

static uint32_t msg[64], buf[64], smsg[64];

static uint32_t word(uint32_t round, uint32_t page) { return round * 0x01000193u ^ page * 0x9e3779b9u; }

/* Check one received out-of-line item (pages each starting and ending with
 * the words its id and page say), write the copy and deallocate it. */
static void take(uint32_t id)
{
    struct av_item *it = av_item_first(buf);
    CHECK(it && (it->flags & AV_ITEM_OOL), "item");
    uint32_t a = av_item_addr(it), n = av_item_len(it);
    CHECK((a & (PAGE - 1)) == 0 && n, "page aligned: %lx", (unsigned long)a);
    for (uint32_t p = 0; p < n / PAGE; p++) {
        volatile uint32_t *w = (volatile uint32_t *)(a + p * PAGE);
        CHECK(w[0] == word(id, p), "id %lx page %lu: %lx", (unsigned long)id, (unsigned long)p,
              (unsigned long)w[0]);
        CHECK(w[1023] == ~word(id, p), "id %lx page %lu end", (unsigned long)id, (unsigned long)p);
        if (!(p & 1))
            w[0] = 0xdead0000u | p;        /* the receiver's copy is its own */
    }
    CHECK_RC(av_vm_deallocate(AV_NAME_SELF, a, n), 0);
    /* the pages read (odd) and written (even) above may be in the TLB:
     * deallocation must forget them, so fresh memory there reads zero */
    CHECK_RC(av_vm_allocate(AV_NAME_SELF, &a, n, 0), 0);
    for (uint32_t p = 0; p < n / PAGE; p++)
        CHECK(((volatile uint32_t *)(a + p * PAGE))[0] == 0, "stale translation at %lx after deallocate",
              (unsigned long)(a + p * PAGE));
    CHECK_RC(av_vm_deallocate(AV_NAME_SELF, a, n), 0);
}

/* The server: each message on port carries one out-of-line item, which it
 * takes; ID_DRAIN carries instead a count of messages waiting on port2,
 * which it takes first. Then it replies empty. */
static void server(int port, int port2)
{
    void *reply = 0;
    uint32_t got;
    for (;;) {
        CHECK_RC(av_msg_reply_receive(reply, buf, sizeof buf, port, 0, 0, &got), 0);
        struct av_msg_header *h = (struct av_msg_header *)buf;
        uint32_t id = h->id, rname = h->reply;
        if (id == ID_STOP)
            break;
        if (id == ID_DRAIN) {
            uint32_t n = *(uint32_t *)av_item_data(av_item_first(buf));
            for (uint32_t k = 0; k < n; k++) {
                CHECK_RC(av_msg_receive(buf, sizeof buf, port2, AV_NONBLOCK, 0, &got), 0);
                take(((struct av_msg_header *)buf)->id);
            }
        } else {
            take(id);
        }
        av_msg_init(smsg, rname, AV_DISP_MOVE_SEND_ONCE, 0, 0, id);
        reply = smsg;
    }
    av_msg_init(smsg, ((struct av_msg_header *)buf)->reply, AV_DISP_MOVE_SEND_ONCE, 0, 0, ID_STOP);
    CHECK_RC(av_msg_send(smsg, 0, 0), 0);
}

static void fill(uint32_t a, uint32_t n, uint32_t id)
{
    for (uint32_t p = 0; p < n / PAGE; p++) {
        ((uint32_t *)(a + p * PAGE))[0] = word(id, p);
        ((uint32_t *)(a + p * PAGE))[1023] = ~word(id, p);
    }
}

/* Ask the server to take the n messages waiting on port2. */
static void drain(int port, int reply, uint32_t n)
{
    uint32_t got;
    av_msg_init(msg, port, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE, ID_DRAIN);
    av_msg_add_words(msg, &n, 1);
    CHECK_RC(av_msg_rpc(msg, buf, sizeof buf, 0, 0, &got), 0);
    CHECK(((struct av_msg_header *)buf)->id == ID_DRAIN, "drain reply");
}

static void client(int port, int port2)
{
    int reply = av_port_allocate();
    CHECK(reply > 0, "reply port");
    uint32_t a = 0, got;
    CHECK_RC(av_vm_allocate(AV_NAME_SELF, &a, 64 * 1024, AV_VM_ANYWHERE), 0);
    int steady = -1;
    for (uint32_t r = 1; r <= N_RT; r++) {
        fill(a, 64 * 1024, r);             /* resident and writable: remapped, not copied */
        av_msg_init(msg, port, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE, r);
        av_msg_add_ool(msg, (void *)a, 64 * 1024, 0);
        CHECK_RC(av_msg_rpc(msg, buf, sizeof buf, 0, 0, &got), 0);
        CHECK(((struct av_msg_header *)buf)->id == r, "reply id");
        for (uint32_t p = 0; p < 16; p++)   /* the server's writes stayed its own */
            CHECK(((uint32_t *)(a + p * PAGE))[0] == word(r, p), "round %lu page %lu: %lx",
                  (unsigned long)r, (unsigned long)p, (unsigned long)((uint32_t *)(a + p * PAGE))[0]);
        int f = av_free_frames();
        if (r == 2)
            steady = f;
        CHECK(r < 2 || f == steady, "round %lu: %d frames free, %d after round 2", (unsigned long)r, f, steady);
    }
    printf("round trips: %d ok, frames steady\n", N_RT);

    /* a message that waits in port2's queue while the sender writes */
    fill(a, 64 * 1024, ID_QUEUED);
    av_msg_init(msg, port2, AV_DISP_COPY_SEND, 0, 0, ID_QUEUED);
    av_msg_add_ool(msg, (void *)a, 64 * 1024, 0);
    CHECK_RC(av_msg_send(msg, 0, 0), 0);
    for (uint32_t p = 0; p < 16; p++)
        ((uint32_t *)(a + p * PAGE))[0] = 0x5e5e5e5eu;
    drain(port, reply, 1);
    printf("queued after writes: ok\n");
    CHECK_RC(av_vm_deallocate(AV_NAME_SELF, a, 64 * 1024), 0);
    int before = av_free_frames();

    /* four 1 MiB messages in port2's queue at once hold 4 MiB of transit
     * space, more than its first table maps; each one is delivered intact */
    uint32_t big = 0;
    CHECK_RC(av_vm_allocate(AV_NAME_SELF, &big, BIG, AV_VM_ANYWHERE), 0);
    for (uint32_t k = 0; k < NBIG; k++) {
        fill(big, BIG, 0x100 + k);
        av_msg_init(msg, port2, AV_DISP_COPY_SEND, 0, 0, 0x100 + k);
        av_msg_add_ool(msg, (void *)big, BIG, 0);
        CHECK_RC(av_msg_send(msg, 0, 0), 0);
    }
    drain(port, reply, NBIG);
    CHECK_RC(av_vm_deallocate(AV_NAME_SELF, big, BIG), 0);
    CHECK(av_free_frames() == before, "after the big ones: %d frames free, %d before", av_free_frames(), before);
    printf("queued 4 MiB: ok\n");
    av_msg_init(msg, port, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE, ID_STOP);
    CHECK_RC(av_msg_rpc(msg, buf, sizeof buf, 0, 0, &got), 0);
    av_exit(0);
}

/* A receive that fails for want of names (the reply right needs one)
 * places nothing: the space the data would take is free again, no frame is
 * held, and the message waits intact for a later receive. */
static void no_names(void)
{
    int q = av_port_allocate();
    CHECK(q > 0, "port");
    CHECK_RC(av_port_make_send(q), 0);
    uint32_t a = 0, probe = 0, again = 0, got;
    CHECK_RC(av_vm_allocate(AV_NAME_SELF, &a, 2 * PAGE, AV_VM_ANYWHERE), 0);
    fill(a, 2 * PAGE, 0x77);
    av_msg_init(msg, q, AV_DISP_COPY_SEND, q, AV_DISP_MAKE_SEND_ONCE, 0x77);
    av_msg_add_ool(msg, (void *)a, 2 * PAGE, 1);
    CHECK_RC(av_msg_send(msg, 0, 0), 0);
    CHECK_RC(av_vm_allocate(AV_NAME_SELF, &probe, 2 * PAGE, AV_VM_ANYWHERE), 0);
    CHECK_RC(av_vm_deallocate(AV_NAME_SELF, probe, 2 * PAGE), 0);
    static int filler[256];
    int nfill = 0, r;
    while ((r = av_port_allocate()) > 0 && nfill < 256)
        filler[nfill++] = r;
    CHECK(r == -AV_ENORIGHTS, "port_allocate %d after %d", r, nfill);
    int f0 = av_free_frames();
    CHECK_RC(av_msg_receive(buf, sizeof buf, q, 0, 0, &got), -AV_ENORIGHTS);
    CHECK(av_free_frames() == f0, "%d frames free after the failed receive, %d before", av_free_frames(), f0);
    CHECK_RC(av_vm_allocate(AV_NAME_SELF, &again, 2 * PAGE, AV_VM_ANYWHERE), 0);
    CHECK(again == probe, "space at %lx after the failed receive, %lx before", (unsigned long)again,
          (unsigned long)probe);
    CHECK_RC(av_vm_deallocate(AV_NAME_SELF, again, 2 * PAGE), 0);
    CHECK_RC(av_port_deallocate(filler[--nfill]), 0);
    CHECK_RC(av_msg_receive(buf, sizeof buf, q, 0, 0, &got), 0);
    take(0x77);
    while (nfill > 0)
        CHECK_RC(av_port_deallocate(filler[--nfill]), 0);
    CHECK_RC(av_port_deallocate(q), 0);
    printf("no free names: nothing placed, message kept\n");
}

int main(void)
{
    ktest_begin("ool_rpc");
    int port = av_port_allocate(), port2 = av_port_allocate();
    CHECK(port > 0 && port2 > 0, "ports");
    CHECK_RC(av_port_make_send(port), 0);
    CHECK_RC(av_port_make_send(port2), 0);
    int child = av_fork();
    CHECK(child >= 0, "fork");
    if (child == 0)
        client(port, port2);
    server(port, port2);
    int st;
    CHECK_RC(av_wait(child, &st), 0);
    CHECK(st == 0, "client status %d", st);
    CHECK_RC(av_port_deallocate(port), 0);
    CHECK_RC(av_port_deallocate(port2), 0);
    no_names();
    ktest_end("ool_rpc");
    return 0;
}
