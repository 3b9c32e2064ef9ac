/*
 * Board check of the counters the iCE40 build keeps in DSP blocks (minstret
 * and the two event counters, av_core.sv av_acc32): run on the board top's
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

    printf(bad ? "counters: WRONG\n" : "counters: ok\n");
    return bad;
}
