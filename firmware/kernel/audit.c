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

int audit(int verbose)
{
    uint32_t base = frames_base(), n = frames_total(), nfree = frames_free();
    uint32_t bad = 0, shown = 0;
    for (uint32_t i = 0; i < nfree; i++) {
        uint32_t f = free_stack[VMC_FS_PPNS + i];
        if (!frame_valid(f) || frame_count(f) != 0) {
            if (shown++ < 5)
                kprintf("audit: free-stack entry %u (ppn %x) has count %u\n", i, f,
                        frame_valid(f) ? frame_count(f) : 0);
            bad++;
            continue;
        }
        frame_set_count(f, MARK);
    }
    for (uint32_t f = base; f < base + n; f++)
        if (frame_count(f) == 0) {
            if (shown++ < 5)
                kprintf("audit: frame %x has count 0 but is not free\n", f);
            bad++;
        }
    holders(-1);
    for (uint32_t f = base; f < base + n; f++) {
        uint32_t c = frame_count(f);
        if (c != 0 && c != MARK) {
            if (shown++ < 5)
                kprintf("audit: frame %x count off by %d\n", f, (int32_t)c);
            bad++;
        }
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
