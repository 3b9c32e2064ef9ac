/*
 * Board check of the counters the iCE40 build keeps in DSP blocks (minstret
 * and the two event counters, av_core.sv av_acc32) or builds from cells of
 * its own (mcycle's carry chain, the CLINT's compare that shares mtimecmp's
 * logic cells: av_core.sv, av_clint.sv): run on the board top's
 * RTL and on its synthesised netlist (tests/board/suite.py), it must print
 * the same lines on both, ending in "counters: ok". A synthesis that breaks
 * the DSP accumulators (Yosys 0.23's ice40_dsp did) reads zeros here.
 */
#include <stdio.h>
#include "av.h"

/* minstret across a straight run of 100 nops: the first read does not count
 * itself, so the difference is the read plus the nops */
static uint32_t instret_over_100(void)
{
    uint32_t a, b;
    __asm__ volatile("csrr %0, " AV_STR(CSR_MINSTRET) "\n"
                     ".rept 100\nnop\n.endr\n"
                     "csrr %1, " AV_STR(CSR_MINSTRET) : "=r"(a), "=r"(b));
    return b - a;
}

static int check(const char *what, uint32_t got, uint32_t want)
{
    printf("%s: %08lx\n", what, (unsigned long)got);
    if (got == want)
        return 0;
    printf("  expected %08lx\n", (unsigned long)want);
    return 1;
}

int main(void)
{
    int bad = 0;
    bad |= check("minstret over 100 nops", instret_over_100(), 101);

    /* the low accumulator's carry counts the high one */
    csr_write(CSR_MINSTRETH, 5);
    csr_write(CSR_MINSTRET, 0xFFFFFFF0u);
    __asm__ volatile(".rept 40\nnop\n.endr");
    uint32_t hi = csr_read(CSR_MINSTRETH), lo = csr_read(CSR_MINSTRET);
    bad |= check("minstreth after the low half wrapped", hi, 6);
    printf("minstret after the wrap: %08lx\n", (unsigned long)lo);
    bad |= lo == 0 || lo > 64;

    /* event counters with no event selected hold what was written */
    csr_write(CSR_MHPMEVENT3, 0);
    csr_write(CSR_MHPMEVENT4, 0);
    csr_write(CSR_MHPMCOUNTER3, 0x12345678u);
    csr_write(CSR_MHPMCOUNTER4, 0x9ABCDEF0u);
    __asm__ volatile(".rept 10\nnop\n.endr");
    bad |= check("mhpmcounter3", csr_read(CSR_MHPMCOUNTER3), 0x12345678u);
    bad |= check("mhpmcounter4", csr_read(CSR_MHPMCOUNTER4), 0x9ABCDEF0u);

    /* mcycle: the low half's carry counts the high one; a write of either
     * half leaves the other counting on (no wrap in between here) */
    csr_write(CSR_MCYCLEH, 7);
    csr_write(CSR_MCYCLE, 0xFFFFFF00u);
    __asm__ volatile(".rept 200\nnop\n.endr");
    hi = csr_read(CSR_MCYCLEH);
    lo = csr_read(CSR_MCYCLE);
    bad |= check("mcycleh after the low half wrapped", hi, 8);
    bad |= lo > 0x1000;
    csr_write(CSR_MCYCLE, 0x100);
    csr_write(CSR_MCYCLEH, 0x55);
    lo = csr_read(CSR_MCYCLE);
    bad |= check("mcycleh as written", csr_read(CSR_MCYCLEH), 0x55);
    bad |= lo <= 0x100 || lo > 0x200;
    /* the timer's pending bit follows mtime >= mtimecmp over 64 bits:
     * mtime {5, 0x80000000}, compare values below, equal-high and above */
    volatile uint32_t *mtime = (volatile uint32_t *)(MM_CLINT_BASE + MM_CLINT_MTIME);
    volatile uint32_t *mtimecmp = (volatile uint32_t *)(MM_CLINT_BASE + MM_CLINT_MTIMECMP);
    mtime[0] = 0x80000000u;
    mtime[1] = 5;
    static const uint32_t cmp[][3] = {   /* high, low, MTIP */
        {4, 0xFFFFFFFFu, 0x80}, {6, 0xFFFFFFFFu, 0}, {5, 0xFFFFFFFFu, 0},
        {5, 0x7FFF0000u, 0x80}, {0xFFFFFFFFu, 0xFFFFFFFFu, 0}, {0, 0, 0x80},
    };
    for (unsigned i = 0; i < sizeof cmp / sizeof cmp[0]; i++) {
        mtimecmp[1] = cmp[i][0];
        mtimecmp[0] = cmp[i][1];
        /* the spec lets MTIP follow a write "eventually": here a few
         * cycles (the device takes its write a cycle late, the compare is
         * registered), so a few reads are allowed */
        uint32_t ip = 0;
        for (int n = 0; n < 4; n++) {
            __asm__ volatile("" ::: "memory");
            ip = csr_read(CSR_MIP) & 0x80;
            if (ip == cmp[i][2])
                break;
        }
        printf("mtip for mtimecmp %08lx_%08lx: %02lx\n", (unsigned long)cmp[i][0],
               (unsigned long)cmp[i][1], (unsigned long)ip);
        bad |= ip != cmp[i][2];
    }
    mtimecmp[1] = 0xFFFFFFFFu;
    mtimecmp[0] = 0xFFFFFFFFu;
    printf(bad ? "counters: WRONG\n" : "counters: ok\n");
    return bad;
}
