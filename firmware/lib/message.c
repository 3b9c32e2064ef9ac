/*
 * Building and reading typed messages (layout in av_abi.h): every item is a
 * descriptor followed by its inline payload padded to 4 bytes, or by one
 * word, the address, when out of line.
 */
#include <string.h>
#include "av.h"

static struct av_msg_header *H(void *m) { return m; }

static struct av_item *add(void *msg, uint8_t kind, uint8_t flags, uint8_t disp, uint8_t es,
                           uint32_t count, uint32_t paylen)
{
    struct av_msg_header *h = H(msg);
    struct av_item *it = (struct av_item *)((char *)msg + h->size);
    it->kind = kind;
    it->flags = flags;
    it->disp = disp;
    it->elsize = es;
    it->count = count;
    h->size += sizeof *it + ((paylen + 3) & ~3u);
    return it;
}

void *av_msg_add_bytes(void *msg, const void *data, uint32_t n)
{
    struct av_item *it = add(msg, AV_ITEM_BYTES, 0, 0, 1, n, n);
    if (data)
        memcpy(it + 1, data, n);
    if (n & 3)
        memset((char *)(it + 1) + n, 0, 4 - (n & 3));
    return it + 1;
}

void *av_msg_add_words(void *msg, const uint32_t *w, uint32_t n)
{
    struct av_item *it = add(msg, AV_ITEM_WORDS, 0, 0, 4, n, 4 * n);
    if (w)
        memcpy(it + 1, w, 4 * n);
    return it + 1;
}

void av_msg_add_ool(void *msg, const void *addr, uint32_t n, int dealloc)
{
    struct av_item *it = add(msg, AV_ITEM_MEMORY, AV_ITEM_OOL | (dealloc ? AV_ITEM_DEALLOC : 0), 0, 1, n, 4);
    *(uint32_t *)(it + 1) = (uint32_t)addr;
    H(msg)->bits |= AV_MSG_COMPLEX;
}

void av_msg_add_ports(void *msg, const uint32_t *names, uint32_t n, uint32_t disp)
{
    struct av_item *it = add(msg, AV_ITEM_PORT, 0, (uint8_t)disp, 4, n, 4 * n);
    memcpy(it + 1, names, 4 * n);
    H(msg)->bits |= AV_MSG_COMPLEX;
}

static uint32_t paylen(struct av_item *it)
{
    if (it->flags & AV_ITEM_OOL)
        return 4;
    return (it->count * it->elsize + 3) & ~3u;
}

struct av_item *av_item_next(void *msg, struct av_item *it)
{
    char *n = (char *)(it + 1) + paylen(it);
    if (n >= (char *)msg + H(msg)->size)
        return 0;
    return (struct av_item *)n;
}

uint32_t av_checksum(const void *p, uint32_t n)
{
    /* Fletcher-style, order-sensitive, cheap */
    const uint8_t *b = p;
    uint32_t s1 = 1, s2 = 0;
    for (uint32_t i = 0; i < n; i++) {
        s1 = (s1 + b[i]) % 65521;
        s2 = (s2 + s1) % 65521;
    }
    return s2 << 16 | s1;
}

const char *av_strerror(int err)
{
    static const char *names[] = { "ok", "EINVAL", "EFAULT", "ENAME", "EDEAD", "ETIMEDOUT",
        "EWOULDBLOCK", "ENOMEM", "ENOSPACE", "ETOOSMALL", "ENOSYS", "ENORIGHTS", "ECHILD", "EBUSY" };
    if (err < 0)
        err = -err;
    return err < (int)(sizeof names / sizeof names[0]) ? names[err] : "?";
}
