/*
 * Kernel allocator (see kalloc.h). Slab pages start with a small header; an
 * object's slab is found by rounding its address down. One empty slab stays
 * on its class's list (idle), so objects made and freed in pairs (a
 * process's ports, a message) do not cost a page clear and a carve each
 * time; any other empty slab goes straight back to the free stack. The idle
 * one counts as free (av_free_frames) and is given back whenever the free
 * stack runs dry (frame_reclaim) and at shutdown, so a finished test still
 * finds the frame count where it left it.
 */
#include <string.h>
#include "kalloc.h"
#include "frame.h"
#include "kassert.h"
#include "vm_contract.h"

#define PGSZ VMC_PAGE_SIZE
#define NCLASS 4                       /* 64, 256, 1024, 2048 bytes: few classes,
                                          so a small machine needs few slab frames */

struct slab {
    struct slab *next;                 /* slabs of this class with free room */
    void *free;                        /* free objects, linked through word 0 */
    uint16_t inuse, cls;
};

static struct slab *partial[NCLASS];
struct slab *kalloc_idle_slab;         /* an empty slab kept on its partial list */
static uint32_t *kheld;                /* bit per frame: held by the kernel */
static uint32_t reserve_ppn[8], nreserve, reserve_target;
static uint32_t pages_in_use;

/* Set or clear a frame's held bit, whose state is known: clear for a
 * frame off the free stack, set for one kpage_free gives back (it asserts
 * so), so one flip does either. */
static void held_flip(uint32_t ppn)
{
    uint32_t i = ppn - frames_base();
    kheld[i / 32] ^= 1u << (i % 32);
}

int kpage_held(uint32_t ppn)
{
    uint32_t i = ppn - frames_base();
    return (kheld[i / 32] >> (i % 32)) & 1;
}

void kalloc_init(uint32_t *held_bitmap, uint32_t reserve)
{
    kheld = held_bitmap;
    if (reserve > 8)
        reserve = 8;
    reserve_target = reserve;
    while (nreserve < reserve) {
        uint32_t ppn = frame_pop();
        KASSERT(ppn);
        held_flip(ppn);                /* count 1: the reserve holds it */
        reserve_ppn[nreserve++] = ppn;
    }
}

static void *take(uint32_t ppn)
{
    held_flip(ppn);
    pages_in_use++;
    void *p = (void *)(uintptr_t)(ppn * PGSZ);
    memset(p, 0, PGSZ);
    return p;
}

void *kpage_alloc(void)
{
    uint32_t ppn = frame_pop();
    return ppn ? take(ppn) : NULL;
}

void *kpage_alloc_reserve(void)
{
    void *p = kpage_alloc();
    if (!p && nreserve > 0) {
        /* reserve frames already have count 1 and their held bit */
        p = (void *)(uintptr_t)(reserve_ppn[--nreserve] * PGSZ);
        pages_in_use++;
        memset(p, 0, PGSZ);
    }
    return p;
}

void kpage_free(void *pa)
{
    uint32_t ppn = (uint32_t)(uintptr_t)pa / PGSZ;
    KASSERT(kpage_held(ppn) && frame_count(ppn) == 1);
    pages_in_use--;
    if (nreserve < reserve_target) {                /* refill the reserve first */
        reserve_ppn[nreserve++] = ppn;
        return;
    }
    held_flip(ppn);
    frame_unref(ppn);
}

uint32_t kalloc_pages_in_use(void) { return pages_in_use; }

static const uint16_t class_size[NCLASS] = { 64, 256, 1024, 2048 };

static int size_class(size_t n)
{
    int c = 0;
    while (class_size[c] < n)
        c++;
    return c;
}

/* An empty slab off its class's list, its frame back. */
static __attribute__((noinline)) void slab_free(struct slab *s)
{
    struct slab **pp = &partial[s->cls];
    while (*pp != s)
        pp = &(*pp)->next;
    *pp = s->next;
    kpage_free(s);
}

/* A fresh slab for class c, carved into free objects, on the partial
 * list; apart so that kmalloc's common path saves no registers. */
static __attribute__((noinline)) struct slab *slab_new(size_t n)
{
    KASSERT(n > 0 && n <= 2048);
    int c = size_class(n);
    uint32_t osz = class_size[c];
    struct slab *s = kpage_alloc_reserve();
    if (!s)
        return NULL;
    s->cls = (uint16_t)c;
    /* objects start after the header, at a multiple of their size
     * (for 2048 the page holds one object after a 2048-byte gap) */
    uint32_t first = osz < sizeof *s ? sizeof *s : osz;
    first = (first + osz - 1) / osz * osz;
    void **prev = &s->free;
    for (uint32_t off = first; off + osz <= PGSZ; off += osz) {
        void **o = (void **)((char *)s + off);
        *prev = o;
        prev = (void **)o;
    }
    *prev = NULL;
    s->next = NULL;
    partial[c] = s;
    return s;
}

void *(kmalloc)(size_t n);

/* kmalloc's other way, shaped as memset so that kmalloc ends in one tail
 * call whichever way it goes (no frame): no slab of z's class has room (a
 * new one, then kmalloc again). */
static __attribute__((noinline)) void *kmalloc_slow(void *unused, int zero, size_t z)
{
    (void)unused;
    (void)zero;
    return slab_new(z) ? (kmalloc)(z) : NULL;
}

/* (noinline: kmalloc's one tail call, not a second copy) */
__attribute__((noinline)) void *kmalloc_cls(uint32_t c, size_t z)
{
    struct slab *s = partial[c];
    void **o = NULL;
    if (s) {
        if (s == kalloc_idle_slab)
            kalloc_idle_slab = NULL;   /* in use again */
        o = s->free;
        s->free = *o;
        s->inuse++;
        if (!s->free)
            partial[c] = s->next;      /* full: off the partial list */
    }
    return (!s ? kmalloc_slow : z <= KZERO_MAX ? kzero : memset)(o, 0, z);
}

/* cleared: what the caller asked for, in words */
void *(kmalloc)(size_t n)
{
    return n - 1 < 2048 ? kmalloc_cls(size_class(n), (n + 3) & ~3u) : NULL;
}

static __attribute__((noinline)) void slab_bad(struct slab *s)
{
    (void)s;
    KASSERT(0);                        /* a wrong size, or a free slab's object */
}

/* At most one call, the last (slab_free, or slab_bad for a wrong size or
 * an empty slab): a tail call, no frame. */
__attribute__((noinline)) void kfree_cls(void *p, uint32_t c)
{
    if (!p)
        return;
    struct slab *s = (struct slab *)((uintptr_t)p & ~(uintptr_t)(PGSZ - 1));
    void (*then)(struct slab *) = NULL;
    if (s->cls != c || s->inuse == 0) {
        then = slab_bad;
    } else {
        if (!s->free) {                /* was full: back on the partial list */
            s->next = partial[c];
            partial[c] = s;
        }
        *(void **)p = s->free;
        s->free = p;
        if (--s->inuse == 0) {
            if (!kalloc_idle_slab)
                kalloc_idle_slab = s;
            else
                then = slab_free;
        }
    }
    if (then)
        then(s);
}

void (kfree)(void *p, size_t n)
{
    kfree_cls(p, size_class(n));
}

int kalloc_reclaim(void)
{
    struct slab *s = kalloc_idle_slab;
    if (!s)
        return 0;
    kalloc_idle_slab = NULL;
    slab_free(s);
    return 1;
}
