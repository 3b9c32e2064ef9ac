/*
 * Statistics in the paper's sense, over one mcycle window: user, kernel and
 * idle cycles (fast-path cycles are counted by the hpm counters when the
 * microcode serves; here they are 0), faults per kind, whoever served them
 * (the C handlers count theirs with their cycles here, the microcode's
 * fault routines count theirs in place, hpmcounter4 counts the refills it
 * walks), lazily allocated pages against pages ever given a frame, the
 * copy-on-write hypothesis, and messages and bytes inline against mapped.
 */
#include <stddef.h>
#include "kernel.h"
#include "riscv.h"

struct av_stats stats;

/* The counters the fault routines add to (VM contract ST_*) */
_Static_assert(offsetof(struct av_stats, pages_framed) == VMC_ST_PAGES_FRAMED &&
               offsetof(struct av_stats, pages_cow_copied) == VMC_ST_PAGES_COPIED &&
               offsetof(struct av_stats, faults_fast[AV_FAULT_ZFILL]) == VMC_ST_FAST_ZFILL &&
               offsetof(struct av_stats, faults_fast[AV_FAULT_COW_COPY]) == VMC_ST_FAST_COPY &&
               offsetof(struct av_stats, faults_fast[AV_FAULT_COW_LAST]) == VMC_ST_FAST_LAST &&
               offsetof(struct av_stats, cycles_fast[AV_FAULT_ZFILL]) == VMC_ST_CYC_ZFILL &&
               offsetof(struct av_stats, cycles_fast[AV_FAULT_COW_COPY]) == VMC_ST_CYC_COPY &&
               offsetof(struct av_stats, cycles_fast[AV_FAULT_COW_LAST]) == VMC_ST_CYC_LAST &&
               VMC_ST_CYC_ZFILL - VMC_ST_FAST_ZFILL == VMC_ST_CYC_DIST,
               "vm_contract.def ST_* offsets");

/* Count the cycles of the U-mode TLB misses the microcode walks in
 * hpmcounter3 and the misses in hpmcounter4 (the counters are 32 bits); the
 * fault routines time themselves (cycles_fast). */
void stats_init(void)
{
    if (!has_fpcsrs)
        return;
    csr_write(CSR_FPEVENT3, VMC_FP_REFILL | (VMC_FPEV_CYCLES << VMC_FPEV_EVENT_SHIFT));
    csr_write(CSR_FPEVENT4, VMC_FP_REFILL | (VMC_FPEV_RUNS << VMC_FPEV_EVENT_SHIFT));
}

/* Fill in what is read from counters: the window, fast paths, user time. */
void stats_snapshot(struct av_stats *s)
{
    *s = stats;
    uint64_t user = (s->cycles_total = cycles_window()) - s->cycles_kernel - s->cycles_idle;
    if (has_fpcsrs) {
        uint32_t fp = s->cycles_fast[AV_FAULT_REFILL] = csr_read(CSR_HPMCOUNTER3);
        s->faults_fast[AV_FAULT_REFILL] = s->refill_walks = csr_read(CSR_HPMCOUNTER4);
        /* user time as the paper meant it: less the fast paths' own cycles,
         * all of them in U mode (remap, an S-mode instruction, is kernel
         * time); 32 bits, as the counters and sums are */
        for (int k = 0; k < AV_FAULT_REFILL; k++)
            fp += s->cycles_fast[k];
        if (fp > user)
            fp = (uint32_t)user;
        user -= s->cycles_fastpath = fp;
    }
    s->fastpaths = fastpaths;
    s->cycles_user = user;
}

void stats_fault(int kind, uint64_t cycles)
{
    stats.faults[kind]++;
    stats.fault_cycles[kind] += cycles;
}

/* " (N.N%)" and the line's end: tenths of a percent of part in whole (0 of
 * nothing), by a 32-bit divisor: no libgcc division. */
static void percent(uint64_t part, uint64_t whole)
{
    while (whole >> 32) {
        part >>= 1;
        whole >>= 1;
    }
    uint32_t t = whole ? (uint32_t)udiv64(part * 1000, (uint32_t)whole, NULL) : 0;
    kprintf(" (%u.%u%%)\n", t / 10, t % 10);
}

/* The print is table-driven (size: cold code): the cycle rows index the
 * struct's cycle counters, and the row names and fault kinds are strings
 * one after another, walked by their lengths. */
void stats_print(void)
{
    static const char cycle_rows[] = "user     \0fast path\0kernel   \0idle     ";
    static const uint8_t cycle_of[4] = { 0, 4, 1, 2 };   /* user, fastpath, kernel, idle */
    static const char kinds[] = "zero-fill\0copy-on-write copy\0copy-on-write last\0TLB refill\0page-table";
    struct av_stats s;
    stats_snapshot(&s);
    const uint64_t *cycles = &s.cycles_user;
    kprintf("--- statistics ---\n");
    for (int i = 0; i < 4; i++) {
        uint64_t part = cycles[cycle_of[i]];
        kprintf("  %s %llu cycles", cycle_rows + 10 * i, part);
        percent(part, s.cycles_total);
    }
    const char *kind = kinds;
    for (int k = 0; k < AV_NFAULTKINDS; k++) {
        uint32_t n = s.faults[k], f = s.faults_fast[k];
        kprintf("  faults %s: %u", kind, n + f);
        if (f)
            kprintf(", %u by microcode avg %u cycles", f, s.cycles_fast[k] / f);
        if (n && k != AV_FAULT_PT)
            kprintf(", %u by C avg %llu cycles", n, udiv64(s.fault_cycles[k], n, NULL));
        kprintf("\n");
        while (*kind++)                /* to the next name */
            ;
    }
    uint32_t shared = s.pages_cow_shared, copied = s.pages_cow_copied;
    kprintf("  pages allocated lazily %u, pages ever given a frame %u\n"
            "  pages shared copy-on-write %u, copied by a fault %u",
            s.pages_lazy, s.pages_framed, shared, copied);
    percent(copied, shared);
    kprintf("  messages inline %u (%llu bytes, %u direct), out-of-line %u (%llu bytes, %u pages remapped)\n"
            "  postponed pages given backing store: n/a\n",
            stats.msgs_inline, stats.bytes_inline, stats.msgs_direct, stats.msgs_ool, stats.bytes_ool,
            stats.pages_remapped);
}
