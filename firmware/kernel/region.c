/*
 * Region list bookkeeping (see region.h). Adjacent regions with the same
 * protection are not merged: splits and merges would only trade a node for
 * code, and lists stay short. Built with -msave-restore (firmware.mk: not
 * in K_HOT): the message path's search and overlap test are leaves, which
 * save nothing; region_free_all, on process destruction's path, is in
 * line (region.h).
 */
#include "region.h"
#include "kalloc.h"

struct region *region_find(struct region *r, uint32_t va)
{
    for (; r && r->start <= va; r = r->next)
        if (va < r->end)
            return r;
    return 0;
}

int region_covered(struct region *r, uint32_t start, uint32_t end)
{
    uint32_t at = start;
    for (; r && at < end; r = r->next) {
        if (r->end <= at)
            continue;
        if (r->start > at)
            return 0;
        at = r->end;
    }
    return at >= end;
}

int region_overlaps(struct region *r, uint32_t start, uint32_t end)
{
    for (; r && r->start < end; r = r->next)
        if (r->end > start)
            return 1;
    return 0;
}

static struct region *rnew(uint32_t start, uint32_t end, uint32_t prot)
{
    struct region *n = kmalloc(sizeof *n);
    if (n) {
        n->start = start;
        n->end = end;
        n->prot = prot;
    }
    return n;
}

/* Make start and end region boundaries (splitting as needed). */
static int split_at(struct region **list, uint32_t at)
{
    for (struct region *r = *list; r && r->start < at; r = r->next) {
        if (at < r->end) {
            struct region *n = rnew(at, r->end, r->prot);
            if (!n)
                return -1;
            n->next = r->next;
            r->next = n;
            r->end = at;
            return 0;
        }
    }
    return 0;
}

int region_remove(struct region **list, uint32_t start, uint32_t end)
{
    struct region **pp = list;
    while (*pp && (*pp)->start < start)
        pp = &(*pp)->next;
    struct region *r = *pp;
    if (r && r->start == start && r->end == end) {
        *pp = r->next;                 /* the common case: one whole region */
        kfree(r, sizeof *r);
        return 0;
    }
    if (split_at(list, start) < 0 || split_at(list, end) < 0)
        return -1;
    pp = list;
    while (*pp) {
        struct region *r = *pp;
        if (r->start >= start && r->end <= end) {
            *pp = r->next;
            kfree(r, sizeof *r);
        } else {
            pp = &r->next;
        }
    }
    return 0;
}

int region_protect(struct region **list, uint32_t start, uint32_t end, uint32_t prot)
{
    if (split_at(list, start) < 0 || split_at(list, end) < 0)
        return -1;
    for (struct region *r = *list; r; r = r->next)
        if (r->start >= start && r->end <= end)
            r->prot = prot;
    return 0;
}

int region_copy(struct region **dst, struct region *src)
{
    struct region **tail = dst;
    for (; src; src = src->next) {
        struct region *n = rnew(src->start, src->end, src->prot);
        if (!n)
            return -1;
        n->next = 0;
        *tail = n;
        tail = &n->next;
    }
    return 0;
}
