/* Inline messages by value, 1 B to the inline limit: the receiver gets the
 * exact bytes (checksums), whatever the sender writes after send returns. */
#include "ktest.h"

/* expect:
inline 1 bytes ok
inline 4096 bytes ok
inline 8000 bytes ok
too small: ETOOSMALL, message kept
test msg_inline: PASS
*/

static uint32_t msg[KT_BUF_WORDS], buf[KT_BUF_WORDS];
static uint8_t payload[8192];

int main(void)
{
    ktest_begin("msg_inline");
    int port = av_port_allocate();
    CHECK(port > 0, "port_allocate %d", port);
    static const uint32_t sizes[] = { 1, 3, 4, 100, 1000, 2048, 4096, 8000 };
    for (unsigned k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        uint32_t n = sizes[k];
        for (uint32_t i = 0; i < n; i++)
            payload[i] = (uint8_t)(i * 7 + n);
        uint32_t sum = av_checksum(payload, n);
        av_msg_init(msg, port, AV_DISP_MAKE_SEND, 0, 0, 100 + k);
        av_msg_add_bytes(msg, payload, n);
        CHECK_RC(av_msg_send(msg, 0, 0), 0);
        memset(msg, 0xee, sizeof msg);       /* changing the source changes nothing */
        uint32_t got = 0;
        CHECK_RC(av_msg_receive(buf, sizeof buf, port, 0, 0, &got), 0);
        struct av_msg_header *h = (void *)buf;
        CHECK(h->id == 100 + k && h->size == got, "header id %lu size %lu", (unsigned long)h->id, (unsigned long)h->size);
        struct av_item *it = av_item_first(buf);
        CHECK(it && it->kind == AV_ITEM_BYTES && av_item_len(it) == n, "item");
        CHECK(av_checksum(av_item_data(it), n) == sum, "checksum");
        if (n == 1 || n == 4096 || n == 8000)
            printf("inline %lu bytes ok\n", (unsigned long)n);
    }
    /* too small a buffer: the size needed comes back, the message stays */
    av_msg_init(msg, port, AV_DISP_MAKE_SEND, 0, 0, 7);
    av_msg_add_bytes(msg, payload, 200);
    CHECK_RC(av_msg_send(msg, 0, 0), 0);
    uint32_t need = 0;
    CHECK_RC(av_msg_receive(buf, 64, port, 0, 0, &need), -AV_ETOOSMALL);
    CHECK(need == ((struct av_msg_header *)msg)->size, "size needed %lu", (unsigned long)need);
    printf("too small: ETOOSMALL, message kept\n");
    CHECK_RC(av_msg_receive(buf, sizeof buf, port, 0, 0, &need), 0);
    /* over the limit */
    av_msg_init(msg, port, AV_DISP_MAKE_SEND, 0, 0, 8);
    ((struct av_msg_header *)msg)->size = AV_MSG_INLINE_MAX + 4;
    CHECK_RC(av_msg_send(msg, 0, 0), -AV_EINVAL);
    CHECK_RC(av_port_deallocate(port), 0);
    ktest_end("msg_inline");
    return 0;
}
