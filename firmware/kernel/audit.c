/*
 * The frame audit: recount every frame from all page tables (each process
 * map and the transit map) and the kernel's own holdings, and compare with
 * the frame table and the free stack. Done in place, without memory: mark
 * the free stack's frames, subtract every holder, check that what remains is
 * exactly "free or fully explained", then add everything back.
 */
#include "kernel.h"
#include "riscv.h"

#define MARK 0xffffffffu

static void holders(int delta)
{
    for (uint32_t i = 0; i < nprocs; i++)
        if (procs[i].state == P_RUNNABLE || procs[i].state == P_BLOCKED)
            vm_count_leaves(&procs[i].map, delta);
    vm_count_leaves(&transit, delta);
    uint32_t base = frames_base(), n = frames_total();
    for (uint32_t f = base; f < base + n; f++)
        if (kpage_held(f))
            frame_set_count(f, frame_count(f) + (uint32_t)delta);
}

/* A problem found: counted, and the first five shown. */
static void problem(uint32_t *bad, const char *fmt, uint32_t a, uint32_t b, uint32_t c)
{
    if ((*bad)++ < 5)
        kprintf(fmt, a, b, c);
}

int audit(int verbose)
{
    uint32_t base = frames_base(), n = frames_total(), nfree = frames_free();
    uint32_t bad = 0;
    for (uint32_t i = 0; i < nfree; i++) {
        uint32_t f = free_stack[VMC_FS_PPNS + i];
        int valid = frame_valid(f);
        uint32_t c = valid ? frame_count(f) : 0;
        if (!valid || c != 0)
            problem(&bad, "audit: free-stack entry %u (ppn %x) has count %u\n", i, f, c);
        else
            frame_set_count(f, MARK);
    }
    for (uint32_t f = base; f < base + n; f++)
        if (frame_count(f) == 0)
            problem(&bad, "audit: frame %x has count 0 but is not free\n", f, 0, 0);
    holders(-1);
    for (uint32_t f = base; f < base + n; f++) {
        uint32_t c = frame_count(f);
        if (c != 0 && c != MARK)
            problem(&bad, "audit: frame %x count off by %d\n", f, c, 0);
    }
    holders(1);
    for (uint32_t f = base; f < base + n; f++)
        if (frame_count(f) == MARK)
            frame_set_count(f, 0);
    if (verbose || bad)
        kprintf("audit: %s: %u frames, %u free, %u held by the kernel, %u problems\n",
                bad ? "FAILED" : "ok", n, nfree, kalloc_pages_in_use(), bad);
    return bad != 0;
}
