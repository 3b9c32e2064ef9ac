/* The round trip's out-of-line leg in assembly (ipcool.S): an RPC whose
 * body is one out-of-line item alone goes from ipcfast.S straight to
 * capture_ool and the shared commit, with no send_direct. The child is the
 * client, the parent the server, preemption off: every request finds the
 * server waiting, and the kernel's counts say which path ran.
 *  - whole pages, an unaligned range (partial first and last pages) and a
 *    range marked DEALLOC arrive by value at the sender's page offset (the
 *    rest of a partial page zero), the message as sent: 32 bytes, the
 *    item's words, AV_MSG_COMPLEX and the reply right's bits, the server's
 *    receive name; each one direct and counted out of line (msgs_ool, not
 *    msgs_inline), its whole pages remapped and counted shared
 *    copy-on-write (pages_cow_shared); the DEALLOC range is free in the
 *    client afterwards
 *  - the server receives each time into a fresh buffer never touched,
 *    straddling two pages (the leg makes both present and writable before
 *    anything is placed)
 *  - a read-only source region: not direct (queued), the same contents
 *  - a message whose item lies past AV_USER_TOP (its header just below):
 *    -AV_EFAULT, nothing sent (the next request is the one the server gets)
 *  - many round trips: frames steady, the audit clean
 * bootargs: nopreempt */
#include "ktest.h"

/* expect:
by value: whole, partial, deallocate-on-send; direct, out of line
fresh buffers: written across two pages
read-only source: queued, by value
past the top: -EFAULT, nothing sent
round trips: frames steady
test ool_asm: PASS
*/

#define PAGE 4096u
#define ID_STOP 0xdeadu
#define MSG_BYTES 32u                  /* header, the item's two words, the address */

static uint32_t cmsg[16], cbuf[16];

static uint8_t pat(uint32_t id, uint32_t k) { return (uint8_t)(id * 11 + k * 7 + (k >> 12)); }

static void stats(struct av_stats *s) { CHECK_RC(av_stats(s), 0); }

/* The requests: id, the offset in the client's region, bytes, DEALLOC,
 * and the whole pages remapped (each one shared copy-on-write: written
 * first, so writable in the client). */
static const struct { uint32_t id, off, n; int dealloc; uint32_t whole; } req[] = {
    { 1, 0, 4 * PAGE, 0, 4 },
    { 2, 0x123, 2 * PAGE + 0x456, 0, 1 },
    { 3, 8, 3 * PAGE, 1, 2 },
};

static void rpc(int port, int reply, uint32_t id, uint32_t va, uint32_t n, int dealloc)
{
    uint32_t got;
    av_msg_init(cmsg, port, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE, id);
    av_msg_add_ool(cmsg, (void *)va, n, dealloc);
    CHECK(((struct av_msg_header *)cmsg)->size == MSG_BYTES, "size %lu",
          (unsigned long)((struct av_msg_header *)cmsg)->size);
    CHECK_RC(av_msg_rpc(cmsg, cbuf, sizeof cbuf, 0, 0, &got), 0);
    CHECK(((struct av_msg_header *)cbuf)->id == id, "reply to %lx", (unsigned long)id);
}

static void fill(uint32_t a, uint32_t n, uint32_t id)
{
    for (uint32_t k = 0; k < n; k++)
        ((volatile uint8_t *)a)[k] = pat(id, k);
}

static void client(int port)
{
    int reply = av_port_allocate();
    CHECK(reply > 0, "reply port %d", reply);
    struct av_stats s0, s1;
    for (unsigned i = 0; i < sizeof req / sizeof req[0]; i++) {
        uint32_t a = ktest_fresh(4 * PAGE), va = a + req[i].off;
        fill(va, req[i].n, req[i].id);
        stats(&s0);
        rpc(port, reply, req[i].id, va, req[i].n, req[i].dealloc);
        stats(&s1);
        /* the request out of line, the header-only reply inline, both direct */
        CHECK(s1.msgs_direct - s0.msgs_direct == 2 && s1.msgs_ool - s0.msgs_ool == 1 &&
              s1.msgs_inline - s0.msgs_inline == 1, "request %lu: direct %lu ool %lu inline %lu",
              (unsigned long)req[i].id, (unsigned long)(s1.msgs_direct - s0.msgs_direct),
              (unsigned long)(s1.msgs_ool - s0.msgs_ool), (unsigned long)(s1.msgs_inline - s0.msgs_inline));
        CHECK(s1.pages_cow_shared - s0.pages_cow_shared == req[i].whole &&
              s1.pages_remapped - s0.pages_remapped == req[i].whole, "request %lu: %lu shared, %lu remapped",
              (unsigned long)req[i].id, (unsigned long)(s1.pages_cow_shared - s0.pages_cow_shared),
              (unsigned long)(s1.pages_remapped - s0.pages_remapped));
        if (req[i].dealloc) {
            CHECK(ktest_range_free(a, 4 * PAGE), "DEALLOC: the range is still mapped");
        } else {
            for (uint32_t k = 0; k < req[i].n; k++)   /* ours unchanged by the server's writes */
                CHECK(((uint8_t *)va)[k] == pat(req[i].id, k), "our copy changed at %lu", (unsigned long)k);
            CHECK_RC(av_vm_deallocate(AV_NAME_SELF, a, 4 * PAGE), 0);
        }
    }

    /* read-only source: the queued path (only the reply direct) */
    uint32_t ro = ktest_fresh(2 * PAGE);
    fill(ro, 2 * PAGE, 4);
    CHECK_RC(av_vm_protect(AV_NAME_SELF, ro, 2 * PAGE, AV_PROT_READ), 0);
    stats(&s0);
    rpc(port, reply, 4, ro, 2 * PAGE, 0);
    stats(&s1);
    CHECK(s1.msgs_direct - s0.msgs_direct == 1, "read-only: %lu direct",
          (unsigned long)(s1.msgs_direct - s0.msgs_direct));
    CHECK_RC(av_vm_deallocate(AV_NAME_SELF, ro, 2 * PAGE), 0);

    /* the header in the last user page, the item past AV_USER_TOP */
    uint32_t top = AV_USER_TOP - PAGE, data = ktest_fresh(PAGE);
    CHECK_RC(av_vm_allocate(AV_NAME_SELF, &top, PAGE, 0), 0);
    uint32_t *m = (uint32_t *)(AV_USER_TOP - 24), got = 0;
    av_msg_init(cmsg, port, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE, 5);
    av_msg_add_ool(cmsg, (void *)data, PAGE, 0);
    memcpy(m, cmsg, 24);               /* the header and the item's first word */
    stats(&s0);
    CHECK_RC(av_msg_rpc(m, cbuf, sizeof cbuf, 0, 0, &got), -AV_EFAULT);
    stats(&s1);
    CHECK(s1.msgs_direct == s0.msgs_direct && s1.msgs_ool == s0.msgs_ool, "past the top: sent");
    CHECK_RC(av_vm_deallocate(AV_NAME_SELF, top, PAGE), 0);
    CHECK_RC(av_vm_deallocate(AV_NAME_SELF, data, PAGE), 0);

    /* many round trips (the server checks each) */
    uint32_t a = ktest_fresh(4 * PAGE);
    int steady = -1;
    for (uint32_t r = 1; r <= 10; r++) {
        fill(a + 0x40, 3 * PAGE, 0x10 + r);
        rpc(port, reply, 0x10 + r, a + 0x40, 3 * PAGE, 0);
        if (r == 2)
            steady = av_free_frames();
        CHECK(r < 2 || av_free_frames() == steady, "round %lu: %d frames free, %d after round 2",
              (unsigned long)r, av_free_frames(), steady);
    }
    av_msg_init(cmsg, port, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE, ID_STOP);
    CHECK_RC(av_msg_rpc(cmsg, cbuf, sizeof cbuf, 0, 0, &got), 0);
    av_exit(0);
}

/* What request id carried: its offset and length (the client's table), or
 * the round trips' and the read-only one's. */
static void expected(uint32_t id, uint32_t *off, uint32_t *n, int *dealloc)
{
    *off = 0x40, *n = 3 * PAGE, *dealloc = 0;
    if (id == 4)
        *off = 0, *n = 2 * PAGE;
    for (unsigned i = 0; i < sizeof req / sizeof req[0]; i++)
        if (req[i].id == id)
            *off = req[i].off, *n = req[i].n, *dealloc = req[i].dealloc;
}

/* Each request into a fresh buffer, never touched, whose 32 bytes straddle
 * two pages: checked as sent, by value, then dropped. */
static void server(int port)
{
    uint32_t smsg[8], got, last = 0, buf = 0;
    void *r = 0;
    for (;;) {
        uint32_t nb = 0;
        CHECK_RC(av_vm_allocate(AV_NAME_SELF, &nb, 2 * PAGE, AV_VM_ANYWHERE), 0);
        uint32_t *b = (uint32_t *)(nb + PAGE - 16);
        CHECK_RC(av_msg_reply_receive(r, b, 64, port, 0, 0, &got), 0);
        if (buf)
            CHECK_RC(av_vm_deallocate(AV_NAME_SELF, buf, 2 * PAGE), 0);
        buf = nb;
        struct av_msg_header *h = (struct av_msg_header *)b;
        if (h->id == ID_STOP)
            break;
        CHECK(h->id > last && h->id != 5, "request %lx after %lx", (unsigned long)h->id, (unsigned long)last);
        last = h->id;
        uint32_t off, n;
        int dealloc;
        expected(h->id, &off, &n, &dealloc);
        CHECK(got == MSG_BYTES && h->size == MSG_BYTES, "request %lx: %lu bytes", (unsigned long)h->id,
              (unsigned long)got);
        CHECK(h->bits == (AV_MSG_COMPLEX | AV_MSG_REPLY(AV_DISP_PORT_SEND_ONCE)) && h->dest == (uint32_t)port,
              "request %lx: bits %lx dest %lu", (unsigned long)h->id, (unsigned long)h->bits,
              (unsigned long)h->dest);
        struct av_item *it = av_item_first(b);
        CHECK(it && it->kind == AV_ITEM_MEMORY && it->elsize == 1 && it->count == n &&
              it->flags == (AV_ITEM_OOL | (dealloc ? AV_ITEM_DEALLOC : 0)) && !av_item_next(b, it),
              "request %lx: the item", (unsigned long)h->id);
        uint32_t a = av_item_addr(it);
        CHECK((a & (PAGE - 1)) == off, "request %lx at %lx", (unsigned long)h->id, (unsigned long)a);
        for (uint32_t k = 0; k < n; k++)
            CHECK(((volatile uint8_t *)a)[k] == pat(h->id, k), "request %lx: byte %lu",
                  (unsigned long)h->id, (unsigned long)k);
        for (uint32_t p = a & ~(PAGE - 1); p < a; p++)
            CHECK(*(volatile uint8_t *)p == 0, "before the data");
        for (uint32_t p = a + n; p & (PAGE - 1); p++)
            CHECK(*(volatile uint8_t *)p == 0, "after the data");
        if (h->id != 4)
            *(volatile uint8_t *)a = 0xee;     /* ours alone: the client checks its copy */
        uint32_t p0 = a & ~(PAGE - 1);
        CHECK_RC(av_vm_deallocate(AV_NAME_SELF, p0, ((a + n + PAGE - 1) & ~(PAGE - 1)) - p0), 0);
        if (h->id == 3)
            printf("by value: whole, partial, deallocate-on-send; direct, out of line\n");
        if (h->id == 3)
            printf("fresh buffers: written across two pages\n");
        av_msg_init(smsg, h->reply, AV_DISP_MOVE_SEND_ONCE, 0, 0, h->id);
        r = smsg;
        if (h->id == 4)
            printf("read-only source: queued, by value\n");
        if (h->id == 0x11)
            printf("past the top: -EFAULT, nothing sent\n");
    }
    struct av_msg_header *h = (struct av_msg_header *)(buf + PAGE - 16);
    av_msg_init(smsg, h->reply, AV_DISP_MOVE_SEND_ONCE, 0, 0, ID_STOP);
    CHECK_RC(av_msg_send(smsg, 0, 0), 0);
    CHECK_RC(av_vm_deallocate(AV_NAME_SELF, buf, 2 * PAGE), 0);
}

int main(void)
{
    ktest_begin("ool_asm");
    int port = ktest_port();
    int c = ktest_fork_client(client, port);
    server(port);
    int st = -1;
    CHECK_RC(av_wait(c, &st), 0);
    CHECK(st == 0, "client status %d", st);
    printf("round trips: frames steady\n");
    CHECK_RC(av_port_deallocate(port), 0);
    ktest_end("ool_asm");
    return 0;
}
