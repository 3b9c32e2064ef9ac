/* Out-of-line data from memory the sender holds read-only arrives as the
 * receiver's own writable copy: a region the sender made read-only with
 * vm_protect (whole pages, remapped) and the sender's program text (the
 * kernel image's shared frames). The receiver writes every page of both;
 * the sender, told afterwards, still reads its own data, and its later
 * writes (after making its region writable again) do not reach the
 * receiver's copy. Before, the receiver's first write ended it. */
#include "ktest.h"

/* expect:
received: region and text as sent
receiver wrote its copies
sender's data unchanged
test ool_readonly: PASS
*/

#define RO_PAGES 3
/* the sender's text and read-only data, from inside its first page (copied)
 * to its end (whole pages, the image's frames remapped) */
extern char __data_start[];
#define TEXT ((const uint8_t *)0x10000 + 100)
#define TEXT_BYTES ((uint32_t)(__data_start - (char *)TEXT))

static uint32_t msg[64], buf[64];

static uint8_t pattern(uint32_t i) { return (uint8_t)(i * 7 + (i >> 10) + 1); }

static void sender(int port)
{
    uint32_t a = 0, got;
    CHECK_RC(av_vm_allocate(AV_NAME_SELF, &a, RO_PAGES * 4096, AV_VM_ANYWHERE), 0);
    uint8_t *r = (uint8_t *)a;
    for (uint32_t i = 0; i < RO_PAGES * 4096; i++)
        r[i] = pattern(i);
    CHECK_RC(av_vm_protect(AV_NAME_SELF, a, RO_PAGES * 4096, AV_PROT_READ), 0);
    /* the receiver answers on a port of the sender's own */
    int back = av_port_allocate();
    CHECK(back > 0, "port %d", back);
    av_msg_init(msg, port, AV_DISP_COPY_SEND, back, AV_DISP_MAKE_SEND, 1);
    av_msg_add_ool(msg, r, RO_PAGES * 4096, 0);
    av_msg_add_ool(msg, TEXT, TEXT_BYTES, 0);
    CHECK_RC(av_msg_send(msg, 0, 0), 0);
    CHECK_RC(av_msg_receive(buf, sizeof buf, back, 0, 0, &got), 0);
    for (uint32_t i = 0; i < RO_PAGES * 4096; i++)
        CHECK(r[i] == pattern(i), "sender's region byte %lu: %02x", (unsigned long)i, r[i]);
    /* writable again: its writes stay the sender's */
    CHECK_RC(av_vm_protect(AV_NAME_SELF, a, RO_PAGES * 4096, AV_PROT_READ | AV_PROT_WRITE), 0);
    for (uint32_t i = 0; i < RO_PAGES * 4096; i += 1024)
        r[i] = 0xee;
    av_msg_init(msg, port, AV_DISP_COPY_SEND, 0, 0, 2);
    CHECK_RC(av_msg_send(msg, 0, 0), 0);
    CHECK_RC(av_vm_deallocate(AV_NAME_SELF, a, RO_PAGES * 4096), 0);
    av_exit(0);
}

int main(void)
{
    ktest_begin("ool_readonly");
    CHECK(TEXT_BYTES > 2 * 4096, "text of %lu bytes: too short to hold a whole page", (unsigned long)TEXT_BYTES);
    int port = ktest_port();
    int child = ktest_fork_client(sender, port);
    uint32_t got;
    CHECK_RC(av_msg_receive(buf, sizeof buf, port, 0, 0, &got), 0);
    struct av_msg_header *h = (struct av_msg_header *)buf;
    uint32_t back = h->reply;
    struct av_item *ri = av_item_first(buf);
    CHECK(ri && (ri->flags & AV_ITEM_OOL) && av_item_len(ri) == RO_PAGES * 4096, "region item");
    struct av_item *ti = av_item_next(buf, ri);
    CHECK(ti && (ti->flags & AV_ITEM_OOL) && av_item_len(ti) == TEXT_BYTES, "text item");
    uint8_t *r = (uint8_t *)av_item_addr(ri), *t = (uint8_t *)av_item_addr(ti);
    for (uint32_t i = 0; i < RO_PAGES * 4096; i++)
        CHECK(r[i] == pattern(i), "region byte %lu: %02x", (unsigned long)i, r[i]);
    CHECK(memcmp(t, TEXT, TEXT_BYTES) == 0, "text differs");
    printf("received: region and text as sent\n");
    for (uint32_t i = 0; i < RO_PAGES * 4096; i++)
        r[i] = (uint8_t)~pattern(i);
    for (uint32_t i = 0; i < TEXT_BYTES; i++)
        t[i] ^= 0x5a;
    for (uint32_t i = 0; i < RO_PAGES * 4096; i++)
        CHECK(r[i] == (uint8_t)~pattern(i), "region write lost at %lu", (unsigned long)i);
    for (uint32_t i = 0; i < TEXT_BYTES; i++)
        CHECK((uint8_t)(t[i] ^ 0x5a) == TEXT[i], "text write lost at %lu", (unsigned long)i);
    printf("receiver wrote its copies\n");
    av_msg_init(msg, back, AV_DISP_MOVE_SEND, 0, 0, 3);
    CHECK_RC(av_msg_send(msg, 0, 0), 0);
    CHECK_RC(av_msg_receive(buf, sizeof buf, port, 0, 0, &got), 0);
    CHECK(h->id == 2, "id %lu", (unsigned long)h->id);
    for (uint32_t i = 0; i < RO_PAGES * 4096; i++)
        CHECK(r[i] == (uint8_t)~pattern(i), "the sender's later write reached us at %lu", (unsigned long)i);
    int st;
    CHECK_RC(av_wait(child, &st), 0);
    CHECK(st == 0, "sender's status %d", st);
    printf("sender's data unchanged\n");
    uint32_t tp = (uint32_t)t & ~4095u, te = ((uint32_t)t + TEXT_BYTES + 4095) & ~4095u;
    CHECK_RC(av_vm_deallocate(AV_NAME_SELF, (uint32_t)r, RO_PAGES * 4096), 0);
    CHECK_RC(av_vm_deallocate(AV_NAME_SELF, tp, te - tp), 0);
    av_port_deallocate(port);
    ktest_end("ool_readonly");
    return 0;
}
