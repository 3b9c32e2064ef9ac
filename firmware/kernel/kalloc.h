/*
 * Kernel memory: whole frames for page tables and big buffers (kpage_*), and
 * small objects carved from slab frames (kmalloc/kfree, caller passes the
 * size back). Every kernel-held frame has count 1 in the frame table and a
 * bit in kheld so the audit can recount it. A few frames are kept in a
 * reserve off the public stack so tearing a process down or posting a
 * kernel notice never fails for want of memory.
 */
#ifndef K_KALLOC_H
#define K_KALLOC_H
#include <stdint.h>
#include <stddef.h>

void kalloc_init(uint32_t *held_bitmap, uint32_t reserve);
void *kpage_alloc(void);              /* zeroed frame, or NULL */
void *kpage_alloc_reserve(void);      /* may dip into the reserve */
void kpage_free(void *pa);
int kpage_held(uint32_t ppn);         /* for the audit */
void *kmalloc(size_t n);              /* zeroed, n <= 2048, or NULL */
void kfree(void *p, size_t n);
/* A constant size's class is found by the compiler (ports, regions): the
 * call goes straight to the class's allocator */
#define KCLASS(n) ((n) <= 64 ? 0u : (n) <= 256 ? 1u : (n) <= 1024 ? 2u : 3u)
void *kmalloc_cls(uint32_t c, size_t z);   /* class c, z bytes cleared (whole words) */
void kfree_cls(void *p, uint32_t c);
#define kmalloc(n) (__builtin_constant_p(n) && (n) - 1 < 2048u ? \
                    kmalloc_cls(KCLASS(n), ((n) + 3) & ~3u) : (kmalloc)(n))
#define kfree(p, n) (__builtin_constant_p(n) && (n) - 1 < 2048u ? \
                     kfree_cls(p, KCLASS(n)) : (kfree)(p, n))
/* Clear n bytes at p, both word aligned, n <= KZERO_MAX: memset's row of
 * stores entered directly (mem.c), cheaper for small objects. zero must
 * be 0 (the word stored: memset's shape). Returns p. */
#define KZERO_MAX 132
void *kzero(void *p, int zero, size_t n);
uint32_t kalloc_pages_in_use(void);
struct slab;
extern struct slab *kalloc_idle_slab; /* the empty slab kept, if any (it counts as free) */
static inline int kalloc_idle(void) { return kalloc_idle_slab != NULL; }
int kalloc_reclaim(void);             /* give the kept empty slab's frame back: 1, or 0 */

#endif
