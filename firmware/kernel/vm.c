/*
 * Process maps (pmap level): sparse Sv32 tables built lazily from the region
 * list, and the C handlers that are the twins of the microcode fast paths
 * (zero-fill, copy-on-write, remap, software TLB refill). The encodings are
 * the VM contract's (vm_contract.def); both sides must leave identical state.
 *
 * Lazy tables: a user 4 MiB span without a second-level table holds, for
 * every page inside a region, the zero-fill page. The first fault there
 * builds the table from the region list, so allocate and copy cost no frame
 * until first touch. Invariant: a PTE with W=1 maps a frame of count 1.
 * The kernel runs with SIE=0, so nothing here is interrupted. The map
 * operations off the message path (allocate, protect, copy, map a frame,
 * fork, the audit's count, the queued receive's vm_take, vm_remap's C
 * side, table making and freeing, copies through a map not active) and
 * the C fault and refill handlers are in vmops.c.
 */
#include <string.h>
#include "kernel.h"
#include "riscv.h"
#include "memmap.h"

#define PTE_V VMC_PTE_V
#define PTE_R VMC_PTE_R
#define PTE_W VMC_PTE_W
#define PTE_X VMC_PTE_X
#define PTE_U VMC_PTE_U
#define PTE_G VMC_PTE_G
#define PTE_A VMC_PTE_A
#define PTE_D VMC_PTE_D
#define PTE_COW VMC_PTE_COW
#define PTE_ZFILL VMC_PTE_ZFILL
#define USER_L1 (AV_USER_TOP >> 22)    /* root entries below this are user */

/* Out-of-line data between send and receive. On a machine of 1 MiB or more
 * its first span's table is made at boot and kept, held by a region over
 * page 0 (which no message uses): each out-of-line message would otherwise
 * make, zero and free one. Tables beyond it, and that one on a smaller
 * machine (whose frames are worth more than the time), come and go with
 * their regions. No user access ever goes through the map (the kernel never
 * makes it active for one), so the TLB holds none of its translations
 * (ASID 0). */
struct vmmap transit;
static struct region transit_guard = { NULL, 0, PAGE_SIZE, 0 };

uint32_t prot_bits(uint32_t prot)
{
    uint32_t b = PTE_U;
    if (prot & AV_PROT_READ)
        b |= PTE_R;
    if (prot & AV_PROT_WRITE)
        b |= PTE_R | PTE_W;            /* W without R is a reserved encoding */
    if (prot & AV_PROT_EXEC)
        b |= PTE_X;
    return b;
}

/* Second-level tables come from the public stack with count 1 and no other
 * record, exactly as the remap microcode makes them, so either side may
 * create or free one; the audit finds them by walking the roots. */
pte_t *pt_alloc(void)
{
    uint32_t ppn = frame_pop();
    if (!ppn)
        return NULL;
    pte_t *t = (pte_t *)(uintptr_t)(ppn << PAGE_SHIFT);
    memset(t, 0, PAGE_SIZE);
    return t;
}

/* Widen the root range that may hold second-level tables to VPN1(va), so
 * teardown and fork visit only that range, not all 512 user entries. */
void mark_l1(struct vmmap *m, uint32_t va)
{
    uint32_t i = VPN1(va);
    if (i < m->l1_lo)
        m->l1_lo = (uint16_t)i;
    if (i >= m->l1_hi)
        m->l1_hi = (uint16_t)(i + 1);
}

pte_t zfill_pte(uint32_t prot) { return PTE_ZFILL | prot_bits(prot); }
static pte_t *table_of(pte_t l1) { return (pte_t *)(uintptr_t)pte_pa(l1); }

/* The global kernel half of every root: RAM as megapages plus the device
 * aliases. Written into each new root (cheaper than a 4 KiB template). */
static void kernel_half(pte_t *root)
{
    uint32_t ext = PTE_V | PTE_R | PTE_W | PTE_X | PTE_G | PTE_A | PTE_D;
    uint32_t dev = PTE_V | PTE_R | PTE_W | PTE_G | PTE_A | PTE_D;
    for (uint32_t off = 0; off < boot.ram_size; off += MEGA_SIZE) {
        uint32_t pa = (boot.ram_base & ~(MEGA_SIZE - 1)) + off;
        root[VPN1(pa)] = pte_make(pa >> PAGE_SHIFT, ext);
    }
    root[VPN1(KVA_UART)] = pte_make(MM_UART_BASE >> PAGE_SHIFT, dev);
    root[VPN1(KVA_LOW)] = pte_make(0, dev);
}

void kvm_init(void)
{
    if (!vm_create(&transit, 0))
        panic("no memory for the transit map");
    if (boot.ram_size >= (1u << 20) && vm_walk(&transit, 0, 1))
        transit.regions = &transit_guard;
    vm_activate(&transit);
    console_set_base(KVA_UART + (MM_UART_BASE & (MEGA_SIZE - 1)));
}

/* The last destroyed map's root, kept clean (user half zero, kernel half in
 * place) so the next map copies and zeroes nothing: a kernel frame (count 1,
 * held bit) that frame_pop takes back whenever the free stack runs dry. */
pte_t *spare_root;

/* One region node kept back by vm_release (a whole region deallocated,
 * AV_RELEASE) for the next vm_place: a server that releases each request's
 * region as it replies gets the next request's node without a kfree and a
 * kmalloc (and its clearing). Given back (vm_unkeep) before the free frames
 * are counted or the stack runs dry, so a node kept never holds a slab the
 * allocator would otherwise give up. */
struct region *region_kept;

void vm_unkeep_node(void)
{
    struct region *x = region_kept;
    region_kept = NULL;
    kfree(x, sizeof *x);
}

uint32_t frame_reclaim(void)
{
    pte_t *r = spare_root;
    vm_unkeep();
    if (r) {
        spare_root = NULL;
        kpage_free(r);                 /* to the reserve if it is short, else the stack */
    } else if (!kalloc_reclaim()) {    /* or the allocator's idle slab */
        return 0;
    }
    return frame_pop();
}

/* An empty map; returns its satp value (never 0: the mode bit), 0 when
 * there is no memory for its root table. */
uint32_t vm_create(struct vmmap *m, uint32_t asid)
{
    pte_t *r = spare_root;
    spare_root = NULL;
    if (!r) {
        r = kpage_alloc();
        if (!r)
            return 0;
        kernel_half(r);
    }
    m->root = r;
    m->asid = asid;
    m->ran = 0;
    m->regions = NULL;
    m->l1_lo = USER_L1;
    m->l1_hi = 0;
    m->top = 0;
    return satp_make((uint32_t)(uintptr_t)r >> PAGE_SHIFT, asid);
}

/* Every region of a map goes in here: a region of len bytes (page
 * aligned) with prot at the first fit in [lo, hi), found and linked in one
 * walk of the list (a fixed place: lo its start, hi its end). Returns its
 * address; 0 no room (a fixed place not free), 1 no memory. The map's top
 * bounds the table entries ever written (a leaf or zero-fill entry exists
 * only inside a region), so freeing a table scans only below it. */
/* (the region linked with node n, or a new one: 1 if none can be had) */
uint32_t place_link(struct vmmap *m, struct region **link, struct region *n, uint32_t at,
                           uint32_t len, uint32_t prot)
{
    *n = (struct region){ *link, at, at + len, prot };
    *link = n;
    if (at + len > m->top)
        m->top = at + len;
    return at;
}

/* (a leaf when a node is kept: the common case of the direct transfer) */
uint32_t vm_place(struct vmmap *m, uint32_t lo, uint32_t hi, uint32_t len, uint32_t prot)
{
    struct region **link, *n = region_kept;
    uint32_t at = region_fit(&m->regions, len, lo, hi, &link);
    if (!at)
        return 0;
    if (!n)
        return place_new(m, link, at, len, prot);
    region_kept = NULL;                /* the node vm_release kept */
    return place_link(m, link, n, at, len, prot);
}

/* Entries of the table for span that may be non-zero: those below top. */
uint32_t span_entries(struct vmmap *m, uint32_t span)
{
    if (m->top <= span)
        return 0;
    return m->top - span >= MEGA_SIZE ? 1024 : (m->top - span + PAGE_SIZE - 1) / PAGE_SIZE;
}

/* satp is written only here, so vm_active is what it holds: a switch to the
 * map already active is skipped (a CSR write costs the core its page
 * registers). */
HOT void vm_activate(struct vmmap *m)
{
    if (m == vm_active)
        return;
    vm_active = m;
    m->ran = 1;                        /* the TLB may now hold its ASID's entries */
    csr_write(CSR_SATP, satp_make((uint32_t)(uintptr_t)m->root >> PAGE_SHIFT, m->asid));
}


pte_t *vm_walk(struct vmmap *m, uint32_t va, int create)
{
    if (va >= AV_USER_TOP)
        return NULL;                   /* the kernel half holds megapages, not tables */
    pte_t *l1 = &m->root[VPN1(va)];
    if (pte_valid(*l1))
        return &table_of(*l1)[VPN0(va)];
    return create ? walk_make(m, va, l1) : NULL;
}

/* Drop what a PTE holds (never allocates). */
void release_pte(pte_t *pte)
{
    pte_t p = *pte;
    if (pte_valid(p) && pte_leaf(p))
        frame_unref(pte_ppn(p));       /* a frame outside the table holds no count */
    *pte = 0;
}


/* The common case, the caller's own map, goes straight to ucopy. */
_Static_assert(AV_EFAULT == 2, "ucopy returns -2 for -AV_EFAULT");
HOT int copyin(struct vmmap *m, void *dst, uint32_t uva, uint32_t n)
{
    if (m == vm_active && vm_range_ok(uva, n))
        return ucopy(dst, (const void *)(uintptr_t)uva, n);
    return uaccess(m, dst, (const void *)(uintptr_t)uva, uva, n, 0);
}

HOT int copyout(struct vmmap *m, uint32_t uva, const void *src, uint32_t n)
{
    if (m == vm_active && vm_range_ok(uva, n))
        return ucopy((void *)(uintptr_t)uva, src, n);
    return uaccess(m, (void *)(uintptr_t)uva, src, uva, n, 0);
}

int check_range(uint32_t addr, uint32_t size)
{
    if ((addr | size) & (PAGE_SIZE - 1) || size == 0)
        return -AV_EINVAL;
    if (!vm_range_ok(addr, size) || addr < USER_LOW)
        return -AV_EINVAL;
    return 0;
}

/* [start, end) (user space: a region's, or check_range's), whose regions
 * are gone already: its entries released, the tables no region touches
 * any more freed, and the TLB flushed if it may hold a released
 * translation (vm_deallocate, vm_release). The common case in line: the
 * range in one table, which another region of its span keeps (so nothing
 * to free). Returns 0. */
int unmap_range(struct vmmap *m, uint32_t start, uint32_t end)
{
    uint32_t n = (end - start) / PAGE_SIZE, span = start & ~(MEGA_SIZE - 1);
    pte_t seen, l1 = m->root[VPN1(start)];
    if (n <= table_run(start, n) && pte_valid(l1) && region_overlaps(m->regions, span, span + MEGA_SIZE))
        seen = release_ptes(&table_of(l1)[VPN0(start)], n);
    else
        seen = unmap_spans(m, start, end);
    /* The TLB holds a translation only of an entry a walk (the hardware's,
     * or the software refill) marked accessed first, and no entry that may
     * be cached loses its A bit: without one among the released (pages
     * never touched since they were mapped, such as out-of-line data
     * received and dropped unread) nothing can be cached. The transit map
     * is never used for an access. */
    if (m != &transit && (seen & PTE_A))
        sfence_all();
    return 0;
}

/* The region *link unlinked and its range unmapped (vm_release: a whole
 * region, so no split); its node kept for the next vm_place, one kept
 * before freed (none: kfree does nothing). Returns 0. unmap_freed: x's
 * range unmapped and was freed (also ipcfast.S's release, for all but
 * its common case). */
__attribute__((noinline)) int unmap_freed(struct vmmap *m, struct region *x, struct region *was)
{
    unmap_range(m, x->start, x->end);
    kfree(was, sizeof *was);
    return 0;
}

int unmap_region(struct vmmap *m, struct region **link)
{
    struct region *x = *link, *was = region_kept;
    *link = x->next;
    region_kept = x;
    if (was)                           /* (apart: the common case is a tail call) */
        return unmap_freed(m, x, was);
    return unmap_range(m, x->start, x->end);
}

/* The regions first (a split that finds no memory then changes nothing),
 * then what they mapped. */
int vm_deallocate(struct vmmap *m, uint32_t addr, uint32_t size)
{
    size = PG_ROUNDUP(size);
    int e = check_range(addr, size);
    if (e)
        return e;
    if (region_remove(&m->regions, addr, addr + size) < 0)
        return -AV_ENOMEM;
    return unmap_range(m, addr, addr + size);
}

/* Share one source PTE copy-on-write: returns the PTE for the new mapping,
 * with dst_bits as its permissions, and write-protects the source. */
pte_t share_cow(pte_t *src, uint32_t dst_bits)
{
    pte_t p = *src;
    if (p & (PTE_W | PTE_COW)) {
        *src = (p & ~PTE_W) | PTE_COW;
        stats.pages_cow_shared++;
    }
    frame_ref(pte_ppn(p));
    pte_t d = (p & ~(VMC_PTE_PERM | PTE_A | PTE_D | PTE_COW)) | (dst_bits & ~PTE_W);
    if (dst_bits & PTE_W)
        d |= PTE_COW;
    return d;
}

/* The remap instruction's descriptor (here, and ipcool.S's whole-page
 * transfer) */
uint32_t remap_desc[VMC_RD_WORDS];

/* The remap instruction (custom-1) when its fast path is enabled: at most 64
 * pages a call (it never stops for an interrupt). Returns the pages done.
 * A leaf: the count's tables are read straight from dst's root (the
 * instruction made every one it wrote through). */
__attribute__((noinline)) uint32_t remap_insn(struct vmmap *src, uint32_t sva,
                                              struct vmmap *dst, uint32_t dva, uint32_t pages)
{
    uint32_t *desc = remap_desc;
    if (!(fastpaths & VMC_FP_REMAP))
        return 0;
    desc[VMC_RD_SRC_SATP] = satp_make((uint32_t)(uintptr_t)src->root >> PAGE_SHIFT, src->asid);
    desc[VMC_RD_SRC_VA] = sva;
    desc[VMC_RD_DST_SATP] = satp_make((uint32_t)(uintptr_t)dst->root >> PAGE_SHIFT, dst->asid);
    desc[VMC_RD_DST_VA] = dva;
    desc[VMC_RD_PAGES] = pages < 64 ? pages : 64;
    uint32_t rd, t0 = csr_read(CSR_CYCLE);     /* the instruction alone (benchmark) */
    __asm__ volatile(".insn r 0x2b, 0, 0, %0, %1, x0" : "=r"(rd) : "r"(desc) : "memory");
    stats.cycles_remap += csr_read(CSR_CYCLE) - t0;
    if (rd == 0xffffffffu)
        return 0;
    /* shared copy-on-write: the pages whose new entry has bit 8 (the
     * instruction made every table on the way). Into a receiver's map
     * (capture_ool's direct transfer) the source lies in one read-write
     * region, whose every present leaf is writable or copy-on-write (no
     * operation leaves a read-only leaf in a writable region: vm_protect,
     * the faults, remap, vm_take, vm_copy and fork all keep it so; the
     * direct transfer relies on it for the entries it makes): every page
     * done is one, so no second pass over the entries. */
    uint32_t cow = rd * PTE_COW;
    if (dst == &transit)
        for (uint32_t i = cow = 0, n; i < rd; i += n, dva += n * PAGE_SIZE) {
            n = table_run(dva, rd - i);    /* at least 1 */
            pte_t *dp = &table_of(dst->root[VPN1(dva)])[VPN0(dva)], *e = dp + n;
            while (dp < e)                 /* (summed in place: at most 64 << 8) */
                if (e - dp >= 4) {
                    cow += (dp[0] & PTE_COW) + (dp[1] & PTE_COW) + (dp[2] & PTE_COW) + (dp[3] & PTE_COW);
                    dp += 4;
                } else {
                    cow += *dp++ & PTE_COW;
                }
        }
    stats.pages_cow_shared += cow / PTE_COW;
    stats.pages_remapped += rd;
    return rd;
}

void vm_destroy(struct vmmap *m)
{
    pte_t *root = m->root;
    if (!root)
        return;
    if (m == vm_active)
        vm_activate(&transit);         /* never run on a freed root */
    if (m->l1_lo < m->l1_hi)           /* apart: a map without tables saves no registers */
        free_tables(m, root);
    m->root = NULL;
    if (spare_root)
        kpage_free(root);
    else
        spare_root = root;
    region_free_all(&m->regions);
    if (m->ran)
        sfence_all();
}
