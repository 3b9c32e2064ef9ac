/*
 * The map operations off the message path, built with -msave-restore
 * (firmware.mk: every file not in K_HOT): vm_allocate, vm_protect, vm_copy,
 * unmap_range's general case (unmap_spans), vm_release, vm_map_frame,
 * vm_fork, the audit's vm_count_leaves, vm_remap (the round trip's
 * whole-page case is ipcool.S's), vm_take, a missing table made
 * (walk_make), a dead map's tables freed, copies through a map not active
 * (uaccess), vm_place's new node, and the C handlers of faults and TLB
 * refills (the twins of the microcode's zero-fill,
 * copy-on-write and refill: a page's work dwarfs the shared saves). They
 * work on vm.c's tables through its helpers (prot_bits, zfill_pte,
 * release_pte, share_cow, check_range, pt_alloc, mark_l1); the encodings
 * are the VM contract's, as there.
 */
#include "kernel.h"
#include "riscv.h"

#include <string.h>

#define PTE_V VMC_PTE_V
#define PTE_R VMC_PTE_R
#define PTE_W VMC_PTE_W
#define PTE_X VMC_PTE_X
#define PTE_U VMC_PTE_U
#define PTE_A VMC_PTE_A
#define PTE_D VMC_PTE_D
#define PTE_COW VMC_PTE_COW
#define USER_L1 (AV_USER_TOP >> 22)    /* root entries below this are user */

int vm_allocate(struct vmmap *m, uint32_t *addr, uint32_t size, uint32_t flags, uint32_t prot)
{
    if (size == 0 || size > AV_USER_TOP)
        return -AV_EINVAL;
    size = PG_ROUNDUP(size);
    uint32_t lo = USER_LOW, hi = AV_USER_TOP;
    if (!(flags & AV_VM_ANYWHERE)) {
        int e = check_range(*addr, size);
        if (e)
            return e;
        lo = *addr;                    /* there or nowhere */
        hi = lo + size;
    }
    uint32_t at = vm_place(m, lo, hi, size, prot);
    if (at <= 1)
        return at ? -AV_ENOMEM : -AV_ENOSPACE;
    *addr = at;
    /* where tables exist, their entries become zero-fill; elsewhere the
     * absent table already means zero-fill */
    for (uint32_t a = *addr; a - *addr < size; a += PAGE_SIZE) {
        pte_t *pte = vm_walk(m, a, 0);
        if (pte)
            *pte = zfill_pte(prot);
    }
    stats.pages_lazy += size / PAGE_SIZE;
    return 0;
}

int vm_protect(struct vmmap *m, uint32_t addr, uint32_t size, uint32_t prot)
{
    size = PG_ROUNDUP(size);
    int e = check_range(addr, size);
    if (e)
        return e;
    if ((prot & ~AV_PROT_ALL) || !prot)
        return -AV_EINVAL;             /* no access has no valid leaf encoding */
    if (!region_covered(m->regions, addr, addr + size))
        return -AV_ENOSPACE;
    if (region_protect(&m->regions, addr, addr + size, prot) < 0)
        return -AV_ENOMEM;
    uint32_t bits = prot_bits(prot);
    for (uint32_t a = addr; a - addr < size; a += PAGE_SIZE) {
        pte_t *pte = vm_walk(m, a, 0);
        if (!pte)
            continue;
        pte_t p = *pte;
        if (pte_is_zfill(p)) {
            *pte = zfill_pte(prot);
        } else if (pte_valid(p)) {
            uint32_t nb = (p & ~(VMC_PTE_PERM | PTE_COW)) | (bits & ~PTE_W);
            if (bits & PTE_W) {
                /* granting W on a shared frame makes it copy-on-write */
                if (frame_valid(pte_ppn(p)) && frame_count(pte_ppn(p)) == 1)
                    nb |= PTE_W;
                else
                    nb |= PTE_COW;
            }
            *pte = nb;
        }
    }
    sfence_all();
    return 0;
}

/* Free second-level tables in [start, end)'s spans that no region touches. */
static void trim_tables(struct vmmap *m, uint32_t start, uint32_t end)
{
    for (uint32_t span = start & ~(MEGA_SIZE - 1); span < end && span < AV_USER_TOP; span += MEGA_SIZE) {
        pte_t *l1 = &m->root[VPN1(span)];
        if (!pte_valid(*l1) ||
            region_overlaps(m->regions, span, span + MEGA_SIZE))
            continue;
        pte_t *l2 = (pte_t *)(uintptr_t)pte_pa(*l1);
        release_ptes(l2, span_entries(m, span));
        *l1 = 0;
        frame_unref((uint32_t)(uintptr_t)l2 >> PAGE_SHIFT);  /* the table itself */
        if (span + MEGA_SIZE < span)
            break;
    }
}

/* [start, end)'s entries released span by span (its root entry finds a
 * table, then its entries in a row), then the tables no region touches any
 * more freed; the released entries ORed (vm.c unmap_range, whose common case
 * needs none of this frame: here with the shared saves). */
pte_t unmap_spans(struct vmmap *m, uint32_t start, uint32_t end)
{
    pte_t seen = 0;
    for (uint32_t a = start, n; a < end; a += n * PAGE_SIZE) {
        n = (end - a) / PAGE_SIZE;
        if (n > 1024 - VPN0(a))
            n = 1024 - VPN0(a);        /* the rest of a's table */
        pte_t l1 = m->root[VPN1(a)];
        if (pte_valid(l1))
            seen |= release_ptes((pte_t *)(uintptr_t)pte_pa(l1) + VPN0(a), n);
    }
    trim_tables(m, start, end);
    return seen;
}

/* AV_RELEASE (syscall.c send_receive, ipcfast.S): the region of p's map
 * holding p's a6 deallocated whole, and p->rpc_sent 2 (done: a restart or
 * the general path after the fast one skips it). 0, or 1: no region there.
 * vm_deallocate of exactly that region: its range is a region's (page
 * aligned, non-empty, in user space above USER_LOW: check_range's tests
 * hold), and its node is unlinked where the search found it (no second
 * walk, no split, so no failure) and kept for the next vm_place
 * (unmap_region). A leaf but for its tail call: no register saved. */
int vm_release(struct proc *p)
{
    struct vmmap *m = &p->map;
    uint32_t va = p->tf.r[16];
    struct region **pp = &m->regions, *x;
    for (; (x = *pp) && x->start <= va; pp = &x->next)
        if (va < x->end) {
            p->rpc_sent = 2;
            return unmap_region(m, pp);
        }
    return 1;
}

/* vm_remap's loop: the instruction where its fast path is on, and its C
 * twin for the rest (dst's root range already widened). Apart, so the
 * common call (one instruction does it all) pays none of its frame; here,
 * with the shared saves (-msave-restore), as it runs once a call of
 * many pages. */
uint32_t remap_loop(struct vmmap *src, uint32_t sva, struct vmmap *dst, uint32_t dva, uint32_t pages)
{
    uint32_t done, t0 = csr_read(CSR_CYCLE);
    /* regions and table entries carry over from page to page within a
     * region and a 4 MiB span (sp and dp step along their tables) */
    struct region *sr = NULL, *dr = NULL;
    pte_t *sp = NULL, *dp = NULL;
    for (done = 0; done < pages; done++, sva += PAGE_SIZE, dva += PAGE_SIZE) {
        uint32_t k = remap_insn(src, sva, dst, dva, pages - done);
        if (k) {
            /* the microcode took k pages; the loop's step takes one more */
            done += k - 1;
            sva += (k - 1) * PAGE_SIZE;
            dva += (k - 1) * PAGE_SIZE;
            sr = dr = NULL;
            sp = dp = NULL;
            continue;
        }
        if (!sr || sva >= sr->end)
            sr = region_find(src->regions, sva);
        if (!dr || dva >= dr->end)
            dr = region_find(dst->regions, dva);
        if (!sr || !dr)
            break;
        sp = sp && (sva & (MEGA_SIZE - 1)) ? sp + 1 : vm_walk(src, sva, 0);
        pte_t s = sp ? *sp : zfill_pte(sr->prot);
        if (!pte_is_zfill(s) && !(pte_valid(s) && pte_leaf(s) && frame_valid(pte_ppn(s))))
            break;
        dp = dp && (dva & (MEGA_SIZE - 1)) ? dp + 1 : vm_walk(dst, dva, 1);
        if (!dp)
            break;
        if (!sp)
            sp = vm_walk(src, sva, 0);     /* the walk may have made its table */
        release_pte(dp);
        if (pte_is_zfill(s)) {
            *dp = zfill_pte(dr->prot);
        } else {
            /* as the contract's remap: the source's own permissions */
            *dp = share_cow(sp, (s & VMC_PTE_PERM) | ((s & PTE_COW) ? PTE_W : 0));
            sfence_va(sva, src->asid);
        }
        stats.pages_remapped++;
    }
    if (!(fastpaths & VMC_FP_REMAP))    /* the C twin's time (benchmark) */
        stats.cycles_remap += csr_read(CSR_CYCLE) - t0;
    return done;
}

int vm_copy(struct vmmap *m, uint32_t src, uint32_t size, uint32_t dst)
{
    size = PG_ROUNDUP(size);
    int e = check_range(src, size);
    if (!e)
        e = check_range(dst, size);
    if (e)
        return e;
    if (src < dst + size && dst < src + size)
        return -AV_EINVAL;
    if (!region_covered(m->regions, src, src + size) || !region_covered(m->regions, dst, dst + size))
        return -AV_ENOSPACE;
    for (uint32_t off = 0; off < size; off += PAGE_SIZE) {
        struct region *dr = region_find(m->regions, dst + off);
        pte_t *sp = vm_walk(m, src + off, 0);
        pte_t s = sp ? *sp : 0;
        if (!sp || pte_is_zfill(s) || !pte_valid(s)) {
            /* untouched source page: the copy is a zero-fill page too */
            pte_t *dp = vm_walk(m, dst + off, 0);
            if (dp) {
                release_pte(dp);
                *dp = zfill_pte(dr->prot);
            }
            continue;
        }
        pte_t *dp = vm_walk(m, dst + off, 1);
        if (!dp)
            return -AV_ENOMEM;
        sp = vm_walk(m, src + off, 0);     /* the walk may have made a table */
        release_pte(dp);
        *dp = share_cow(sp, prot_bits(dr->prot));
    }
    sfence_all();
    return 0;
}

int vm_map_frame(struct vmmap *m, uint32_t va, uint32_t ppn, uint32_t prot)
{
    pte_t *pte = vm_walk(m, va, 1);
    if (!pte)
        return -AV_ENOMEM;
    release_pte(pte);
    frame_ref(ppn);
    *pte = pte_make(ppn, prot_bits(prot) | PTE_V | PTE_A);
    return 0;
}

/* For the audit: add delta to the count of every frame a U leaf maps and of
 * every second-level table. */
void vm_count_leaves(struct vmmap *m, int delta)
{
    if (!m->root)
        return;
    for (uint32_t i = 0; i < USER_L1; i++) {
        if (!pte_valid(m->root[i]))
            continue;
        pte_t *l2 = (pte_t *)(uintptr_t)pte_pa(m->root[i]);
        frame_set_count(pte_ppn(m->root[i]), frame_count(pte_ppn(m->root[i])) + (uint32_t)delta);
        for (int j = 0; j < 1024; j++) {
            pte_t p = l2[j];
            if (pte_valid(p) && pte_leaf(p) && (p & PTE_U) && frame_valid(pte_ppn(p)))
                frame_set_count(pte_ppn(p), frame_count(pte_ppn(p)) + (uint32_t)delta);
        }
    }
}

int vm_fork(struct vmmap *c, struct vmmap *p)
{
    if (region_copy(&c->regions, p->regions) < 0)
        return -AV_ENOMEM;
    c->top = p->top;                   /* the same entries, copied below */
    for (uint32_t i = p->l1_lo; i < p->l1_hi; i++) {
        if (!pte_valid(p->root[i]))
            continue;
        pte_t *pl2 = (pte_t *)(uintptr_t)pte_pa(p->root[i]);
        pte_t *cl2 = pt_alloc();
        if (!cl2)
            return -AV_ENOMEM;
        mark_l1(c, i << 22);
        c->root[i] = pte_make((uint32_t)(uintptr_t)cl2 >> PAGE_SHIFT, PTE_V);
        for (int j = 0; j < 1024; j++) {
            pte_t s = pl2[j];
            if (pte_valid(s) && pte_leaf(s) && (s & PTE_U) && frame_valid(pte_ppn(s)))
                cl2[j] = share_cow(&pl2[j], (s & VMC_PTE_PERM) | ((s & PTE_COW) ? PTE_W : 0));
            else if (!pte_valid(s))
                cl2[j] = s;            /* zero-fill, paged out or nothing */
        }
    }
    sfence_all();
    return 0;
}

static int perm_ok(pte_t p, int acc)
{
    if (!(p & PTE_U))
        return 0;
    if (acc == ACC_FETCH)
        return p & PTE_X;
    if (acc == ACC_LOAD)
        return p & PTE_R;
    return (p & PTE_W) || ((p & PTE_COW) && (p & PTE_R));
}

/* The C fault handler. Returns NULL when the access may be retried, else the
 * reason the access is invalid (the caller ends the process or fails a copy). */
const char *vm_fault(struct vmmap *m, uint32_t va, int acc, int from_user)
{
    (void)from_user;
    if (va >= AV_USER_TOP)
        return "access to a kernel address";
    pte_t *pte = vm_walk(m, va, 0);
    if (!pte) {
        if (!region_find(m->regions, va))
            return "access to unallocated memory";
        pte = vm_walk(m, va, 1);
        if (!pte)
            return "out of memory";
    }
    pte_t p = *pte;
    if (pte_is_zfill(p)) {
        if (!perm_ok(p | PTE_V, acc) || (acc == ACC_STORE && !(p & PTE_W)))
            return "access violates protection";
        uint64_t t0 = rdcycle64();
        uint32_t ppn = frame_pop();
        if (!ppn)
            return "out of memory";
        memset((void *)(uintptr_t)(ppn << PAGE_SHIFT), 0, PAGE_SIZE);
        *pte = pte_make(ppn, (p & VMC_PTE_PERM) | PTE_V | PTE_A | (acc == ACC_STORE ? PTE_D : 0));
        sfence_va(PG_ROUNDDOWN(va), m->asid);
        stats.pages_framed++;
        stats_fault(AV_FAULT_ZFILL, rdcycle64() - t0);
        return NULL;
    }
    if (!pte_valid(p) || !pte_leaf(p))
        return "access to unallocated memory";
    if (!perm_ok(p, acc))
        return "access violates protection";
    if (acc == ACC_STORE && pte_is_cow(p)) {
        uint64_t t0 = rdcycle64();
        uint32_t old = pte_ppn(p);
        uint32_t bits = (p & (VMC_PTE_PERM | PTE_V)) | PTE_W | PTE_A | PTE_D;
        if (frame_count(old) == 1) {
            *pte = pte_make(old, bits);
            sfence_va(PG_ROUNDDOWN(va), m->asid);
            stats_fault(AV_FAULT_COW_LAST, rdcycle64() - t0);
            return NULL;
        }
        uint32_t ppn = frame_pop();
        if (!ppn)
            return "out of memory";
        memcpy((void *)(uintptr_t)(ppn << PAGE_SHIFT), (void *)(uintptr_t)(old << PAGE_SHIFT), PAGE_SIZE);
        frame_unref(old);
        *pte = pte_make(ppn, bits);
        sfence_va(PG_ROUNDDOWN(va), m->asid);
        stats.pages_cow_copied++;
        stats.pages_framed++;
        stats_fault(AV_FAULT_COW_COPY, rdcycle64() - t0);
        return NULL;
    }
    /* permitted already: a stale TLB entry or A/D to set */
    *pte = p | PTE_A | (acc == ACC_STORE ? PTE_D : 0);
    sfence_va(PG_ROUNDDOWN(va), m->asid);
    return NULL;
}

/* Software TLB refill (cause 24, only when fast path bit 0 is clear). */
void vm_refill(struct vmmap *m, uint32_t va, int acc)
{
    uint64_t t0 = rdcycle64();
    pte_t *pte = vm_walk(m, va, 0);
    pte_t p = pte ? *pte : 0;
    if (!pte || !pte_valid(p) || !perm_ok(p, acc) || (acc == ACC_STORE && !(p & PTE_W))) {
        const char *why = vm_fault(m, va, acc, 1);
        if (why) {
            kprintf("[%s pid %u: %s at %p, pc %p]\n", curproc->name, curproc->pid, why, va, curproc->tf.pc);
            proc_exit(curproc, -1, why);
            return;
        }
        pte = vm_walk(m, va, 0);
        p = *pte;
    }
    p |= PTE_A | (acc == ACC_STORE ? PTE_D : 0);
    *pte = p;
    csr_write(CSR_FPMISS, PG_ROUNDDOWN(va) | ((uint32_t)acc << VMC_FPMISS_KIND_SHIFT) | m->asid);
    csr_write(CSR_FPINSERT, p);
    stats_fault(AV_FAULT_REFILL, rdcycle64() - t0);
}

/* Fill a fresh second-level table with the zero-fill pages of every region
 * in its span (what the absent table meant). */
static void fill_from_regions(struct vmmap *m, pte_t *l2, uint32_t span)
{
    uint32_t lo = span, hi = span + MEGA_SIZE;
    for (struct region *r = m->regions; r && r->start < hi; r = r->next) {
        if (r->end <= lo)
            continue;
        uint32_t a = r->start > lo ? r->start : lo;
        uint32_t b = r->end < hi ? r->end : hi;
        for (; a < b; a += PAGE_SIZE)
            l2[VPN0(a)] = zfill_pte(r->prot);
    }
}

/* The table vm_walk finds missing: made from the region list. Apart (here,
 * with the shared saves), so the walk itself saves no registers. */
pte_t *walk_make(struct vmmap *m, uint32_t va, pte_t *l1)
{
    pte_t *l2 = pt_alloc();
    if (!l2)
        return NULL;
    fill_from_regions(m, l2, va & ~(MEGA_SIZE - 1));
    mark_l1(m, va);
    *l1 = pte_make((uint32_t)(uintptr_t)l2 >> PAGE_SHIFT, PTE_V);
    stats.faults[AV_FAULT_PT]++;
    return &l2[VPN0(va)];
}

/* Copies to and from user memory go through the MMU (ucopy, utouch) with
 * m's map active for the duration: a page fault inside is served by the C
 * fault handler as the user's own access would be (ktrap). Kernel addresses
 * and wrapping ranges are refused first. */
int uaccess(struct vmmap *m, void *dst, const void *src, uint32_t uva, uint32_t n, int touch)
{
    if (!vm_range_ok(uva, n))
        return -AV_EFAULT;
    struct vmmap *was = vm_active;
    if (m != was)
        vm_activate(m);
    int r = 0;
    if (!touch)
        r = ucopy(dst, src, n);     /* 0 or -AV_EFAULT */
    for (uint32_t a = PG_ROUNDDOWN(uva); touch && r == 0 && n && a < uva + n; a += PAGE_SIZE)
        r = utouch(a < uva ? uva : a);
    if (m != was)
        vm_activate(was);
    return r;
}

/* Make [uva, uva+n) present and writable now (uva word aligned), so a later
 * copyout there cannot fail. */
int vm_prepare(struct vmmap *m, uint32_t uva, uint32_t n)
{
    return uaccess(m, NULL, NULL, uva, n, 1);
}

/* vm_place's new node (vm.c: its common case reuses a kept one) */
uint32_t place_new(struct vmmap *m, struct region **link, uint32_t at,
                                                    uint32_t len, uint32_t prot)
{
    struct region *n = kmalloc(sizeof *n);
    return n ? place_link(m, link, n, at, len, prot) : 1;
}

/* Remap: the instruction where its fast path is on, and its C twin for the
 * rest, which also takes what the instruction leaves: the source's
 * zero-fill pages travel as zero-fill, with dst's region protection. Stops
 * at a hole or when memory runs out; returns the pages done. Up to 64
 * pages (one instruction) without the loop. */
uint32_t vm_remap(struct vmmap *src, uint32_t sva, struct vmmap *dst, uint32_t dva, uint32_t pages)
{
    if (!pages)
        return 0;
    mark_l1(dst, dva);                 /* the remap microcode may add tables */
    mark_l1(dst, dva + (pages - 1) * PAGE_SIZE);
    uint32_t k = pages <= 64 ? remap_insn(src, sva, dst, dva, pages) : 0;
    if (k == pages)
        return k;
    return k + remap_loop(src, sva + k * PAGE_SIZE, dst, dva + k * PAGE_SIZE, pages - k);
}

/* Receive: the transit pages [tva, +pages), a region of their own, move to
 * dst at dva, a range of dst's just made for them (a region no entry of
 * which holds anything), and the transit region goes. Each entry goes over
 * as it is, a frame with its count or zero-fill, but with the permissions
 * of a read-write region (A, D and X dropped: the source was read-only or
 * copy-on-write, or a frame of its own). A shared frame the sender held
 * read-only (text, a vm_protect'ed region; remap keeps its permissions)
 * arrives copy-on-write: the receiver's copy is its own value, writable,
 * and its first write copies the frame. No TLB flush: neither entry can be
 * cached (the transit map is never used for an access, and dst's were
 * invalid). Returns the pages done (fewer only when a table cannot be
 * made: then the transit region stays). */
uint32_t vm_take(struct vmmap *dst, uint32_t dva, uint32_t tva, uint32_t pages)
{
    uint32_t i, n, t = tva;
    for (i = 0; i < pages; i += n, t += n * PAGE_SIZE, dva += n * PAGE_SIZE) {
        pte_t *sp = vm_walk(&transit, t, 0), *dp = vm_walk(dst, dva, 1);
        if (!dp)
            return i;
        n = table_run(t, table_run(dva, pages - i));
        for (pte_t *e = dp + n; dp < e; dp++, sp++) {
            pte_t p = *sp;
            if ((p & (PTE_V | PTE_W)) == PTE_V)
                p |= PTE_COW;
            *dp = (p & ~(PTE_X | PTE_A | PTE_D)) | PTE_R | PTE_U;
            *sp = 0;
        }
    }
    stats.pages_remapped += i;
    /* the region, empty now; inside the kept table (the region at page 0
     * holds it) nothing else is to free */
    if (t <= MEGA_SIZE && !transit.regions->start)
        region_remove(&transit.regions, tva, t);   /* a whole region: cannot fail */
    else
        vm_deallocate(&transit, tva, t - tva);
    return i;
}

/* Root entries outside [l1_lo, l1_hi) were never written, so clearing that
 * range leaves the root clean to be the spare. The TLB can hold entries of the
 * map's ASID only if satp ever held it; otherwise no sfence (each one costs
 * the core a sweep of its TLB). */
void free_tables(struct vmmap *m, pte_t *root)
{
    for (uint32_t i = m->l1_lo; i < m->l1_hi; i++) {
        if (pte_valid(root[i])) {
            pte_t *l2 = (pte_t *)(uintptr_t)pte_pa(root[i]);
            release_ptes(l2, span_entries(m, i << 22));
            frame_unref((uint32_t)(uintptr_t)l2 >> PAGE_SHIFT);
        }
        root[i] = 0;
    }
}
