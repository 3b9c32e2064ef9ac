/*
 * Region lists: the only per-map record besides the page tables. A map's
 * regions are sorted, non-overlapping [start, end) page-aligned ranges, each
 * with its protection (AV_PROT_* bits). Never per-page state: what a page
 * holds lives in its PTE. Pure logic: also built for the host.
 */
#ifndef K_REGION_H
#define K_REGION_H
#include <stdint.h>
#include "kalloc.h"

struct region {
    struct region *next;
    uint32_t start, end;               /* page aligned, start < end */
    uint32_t prot;
};

/* The region containing va, or NULL. */
struct region *region_find(struct region *list, uint32_t va);
/* 1 when [start, end) is fully covered by regions. */
int region_covered(struct region *list, uint32_t start, uint32_t end);
/* 1 when some region overlaps [start, end). */
int region_overlaps(struct region *list, uint32_t start, uint32_t end);
/* 1 when no region overlaps [start, end). */
static inline int region_free(struct region *list, uint32_t start, uint32_t end)
{
    return !region_overlaps(list, start, end);
}
/* Remove [start, end) from whatever covers it (splitting). 0 or -1 (no memory
 * for a split). */
int region_remove(struct region **list, uint32_t start, uint32_t end);
/* Set prot over [start, end), which must be covered. 0 or -1. */
int region_protect(struct region **list, uint32_t start, uint32_t end, uint32_t prot);
/* First page-aligned start >= lo where [start, start+len) fits below hi;
 * 0 when there is none. *link is then where a region there goes in the
 * list (region_link: no second walk). */
static inline uint32_t region_fit(struct region **list, uint32_t len, uint32_t lo, uint32_t hi,
                                  struct region ***link)
{
    uint32_t at = lo;
    struct region *r;
    for (; (r = *list); list = &r->next) {
        if (r->end <= at)
            continue;
        if (r->start >= at && r->start - at >= len)
            break;
        at = r->end;
    }
    *link = list;
    if (at > hi || hi - at < len)      /* (at only grows from lo) */
        return 0;
    return at;
}
/* A new region [start, end) with prot linked at *link (where region_fit
 * found room for it). 0, or -1 out of memory. */
static inline int region_link(struct region **link, uint32_t start, uint32_t end, uint32_t prot)
{
    struct region *n = kmalloc(sizeof *n);
    if (!n)
        return -1;
    *n = (struct region){ *link, start, end, prot };
    *link = n;
    return 0;
}
/* Insert [start, end) with prot; range must be free. 0, or -1 out of memory. */
static inline int region_insert(struct region **list, uint32_t start, uint32_t end, uint32_t prot)
{
    struct region **link;
    region_fit(list, end - start, start, end, &link);   /* free: the fit is start */
    return region_link(link, start, end, prot);
}
static inline uint32_t region_first_fit(struct region *list, uint32_t len, uint32_t lo, uint32_t hi)
{
    struct region **link;
    return region_fit(&list, len, lo, hi, &link);
}
/* Every region freed (in line: vm_destroy's, on the process path). */
static inline void region_free_all(struct region **list)
{
    while (*list) {
        struct region *r = *list;
        *list = r->next;
        kfree(r, sizeof *r);
    }
}
int region_copy(struct region **dst, struct region *src);   /* 0 or -1 */

#endif
