/*
 * What msg.c (the direct transfer, the capture of out-of-line data, the
 * item walk: the message path, callee-saved registers saved in line) and
 * msgq.c (kernel messages, rights, the queued send and receive: built
 * with -msave-restore, see firmware.mk) share: a kernel message's body
 * read word by word, and its items.
 */
#ifndef K_MSGI_H
#define K_MSGI_H
#include "kernel.h"

#define HDR ((uint32_t)sizeof(struct av_msg_header))
#define ITM ((uint32_t)sizeof(struct av_item))

/* The body at off and the bytes from there to the end of its piece. */
uint8_t *body_at(struct kmsg *km, uint32_t off, uint32_t *room);

/* Words of the body: offsets are word aligned, and a page body's words
 * never straddle pages. */
uint32_t *word_at(struct kmsg *km, uint32_t off);
/* (a one-piece body's word read straight from it, in line: the item walks
 * read every descriptor through here) */
static inline __attribute__((always_inline)) uint32_t rd32(struct kmsg *km, uint32_t off)
{
    return km->small ? *(const uint32_t *)(km->small + off) : *word_at(km, off);
}

struct itemref {
    struct av_item d;
    uint32_t off;                      /* of the descriptor */
    uint32_t pay;                      /* of the payload */
    uint32_t paylen;                   /* bytes of payload in the message */
    uint32_t len;                      /* data bytes the item describes */
};

/* Read the item at *off and advance; 0, or -AV_EINVAL if malformed. */
int item_next(struct kmsg *km, uint32_t *off, struct itemref *it);
/* Out-of-line data into dst (msg.c; -1 refused for a receiver's map) */
int capture_ool(struct proc *p, uint32_t va, uint32_t len, int dealloc, struct vmmap *dst,
                uint32_t *tva_out);

#endif
