/*
 * Statistics in the paper's sense, over one mcycle window: user, kernel and
 * idle cycles (fast-path cycles are counted by the hpm counters when the
 * microcode serves; here they are 0), faults per kind with their average
 * cost, lazily allocated pages against pages ever given a frame, the
 * copy-on-write hypothesis, and messages and bytes inline against mapped.
 */
#include "kernel.h"

struct av_stats stats;

void stats_fault(int kind, uint64_t cycles)
{
    stats.faults[kind]++;
    stats.fault_cycles[kind] += cycles;
}

static void pct(const char *what, uint64_t part, uint64_t whole)
{
    uint32_t tenths = whole ? (uint32_t)(part * 1000 / whole) : 0;
    kprintf("  %s %llu cycles (%u.%u%%)\n", what, part, tenths / 10, tenths % 10);
}

void stats_print(void)
{
    static const char *kind[AV_NFAULTKINDS] = {
        "zero-fill", "copy-on-write copy", "copy-on-write last", "TLB refill", "page-table"
    };
    uint64_t total = stats.cycles_user + stats.cycles_kernel + stats.cycles_idle;
    kprintf("--- statistics ---\n");
    pct("user  ", stats.cycles_user, total);
    pct("kernel", stats.cycles_kernel, total);
    pct("idle  ", stats.cycles_idle, total);
    for (int k = 0; k < AV_NFAULTKINDS; k++) {
        uint32_t n = stats.faults[k];
        kprintf("  faults %s: %u", kind[k], n);
        if (n && k != AV_FAULT_PT)
            kprintf(", avg %llu cycles", stats.fault_cycles[k] / n);
        kprintf("\n");
    }
    kprintf("  pages allocated lazily %u, pages ever given a frame %u\n",
            stats.pages_lazy, stats.pages_framed);
    kprintf("  pages shared copy-on-write %u, copied by a fault %u\n",
            stats.pages_cow_shared, stats.pages_cow_copied);
    kprintf("  messages inline %u (%llu bytes), out-of-line %u (%llu bytes, %u pages remapped)\n",
            stats.msgs_inline, stats.bytes_inline, stats.msgs_ool, stats.bytes_ool,
            stats.pages_remapped);
    kprintf("  postponed pages given backing store: n/a\n");
}
