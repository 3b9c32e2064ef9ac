/*
 * Statistics in the paper's sense, over one mcycle window: user, kernel and
 * idle cycles (fast-path cycles are counted by the hpm counters when the
 * microcode serves; here they are 0), faults per kind with their average
 * cost, lazily allocated pages against pages ever given a frame, the
 * copy-on-write hypothesis, and messages and bytes inline against mapped.
 */
#include "kernel.h"
#include "riscv.h"

struct av_stats stats;

/* Count fast-path cycles in hpmcounter3 and runs in hpmcounter4, all paths. */
void stats_init(void)
{
    if (!has_fpcsrs)
        return;
    csr_write(CSR_FPEVENT3, 0xfu | (VMC_FPEV_CYCLES << VMC_FPEV_EVENT_SHIFT));
    csr_write(CSR_FPEVENT4, 0xfu | (VMC_FPEV_RUNS << VMC_FPEV_EVENT_SHIFT));
}

/* Fill in what is read from counters: fast paths and the total. */
void stats_snapshot(struct av_stats *s)
{
    *s = stats;
    s->cycles_user = cycles_user_sum();
    if (has_fpcsrs) {
        s->cycles_fastpath = ((uint64_t)csr_read(CSR_HPMCOUNTER3H) << 32) | csr_read(CSR_HPMCOUNTER3);
        s->fastpath_runs = ((uint64_t)csr_read(CSR_HPMCOUNTER4H) << 32) | csr_read(CSR_HPMCOUNTER4);
        /* user time as the paper meant it: less the fast paths' own cycles */
        s->cycles_user -= s->cycles_fastpath < s->cycles_user ? s->cycles_fastpath : s->cycles_user;
    }
    s->fastpaths = fastpaths;
    s->cycles_total = s->cycles_user + s->cycles_fastpath + s->cycles_kernel + s->cycles_idle;
}

void stats_fault(int kind, uint64_t cycles)
{
    stats.faults[kind]++;
    stats.fault_cycles[kind] += cycles;
}

static void pct(const char *what, uint64_t part, uint64_t whole)
{
    while (whole >> 32) {              /* a 32-bit divisor: no libgcc division */
        part >>= 1;
        whole >>= 1;
    }
    uint32_t tenths = whole ? (uint32_t)udiv64(part * 1000, (uint32_t)whole, NULL) : 0;
    kprintf("  %s %llu cycles (%u.%u%%)\n", what, part, tenths / 10, tenths % 10);
}

void stats_print(void)
{
    static const char *kind[AV_NFAULTKINDS] = {
        "zero-fill", "copy-on-write copy", "copy-on-write last", "TLB refill", "page-table"
    };
    struct av_stats s;
    stats_snapshot(&s);
    uint64_t total = s.cycles_total;
    kprintf("--- statistics ---\n");
    pct("user     ", s.cycles_user, total);
    pct("fast path", s.cycles_fastpath, total);
    pct("kernel   ", s.cycles_kernel, total);
    pct("idle     ", s.cycles_idle, total);
    kprintf("  fast paths %s, %llu runs\n", has_fpcsrs ? "present" : "absent", s.fastpath_runs);
    for (int k = 0; k < AV_NFAULTKINDS; k++) {
        uint32_t n = stats.faults[k];
        kprintf("  faults %s: %u", kind[k], n);
        if (n && k != AV_FAULT_PT)
            kprintf(", avg %llu cycles", udiv64(stats.fault_cycles[k], n, NULL));
        kprintf("\n");
    }
    kprintf("  pages allocated lazily %u, pages ever given a frame %u\n",
            stats.pages_lazy, stats.pages_framed);
    uint32_t shared = stats.pages_cow_shared, copied = stats.pages_cow_copied;
    uint32_t permille = shared ? (uint32_t)udiv64((uint64_t)copied * 1000, shared, NULL) : 0;
    kprintf("  pages shared copy-on-write %u, copied by a fault %u (%u.%u%%)\n",
            shared, copied, permille / 10, permille % 10);
    kprintf("  messages inline %u (%llu bytes, %u direct), out-of-line %u (%llu bytes, %u pages remapped)\n",
            stats.msgs_inline, stats.bytes_inline, stats.msgs_direct, stats.msgs_ool, stats.bytes_ool,
            stats.pages_remapped);
    kprintf("  postponed pages given backing store: n/a\n");
}
