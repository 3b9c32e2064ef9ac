/*
 * Shared by the bench-cpu workloads: each program prepares its data, counts
 * cycles and retired instructions (mcycle/minstret) around its kernel only,
 * checks the kernel's result, and prints one line that
 * firmware/bench/run.py parses:
 *     bench NAME: cycles C instret I cpi X.XXX check ok|FAILED
 * then exits 0 when the check passed.
 */
#ifndef BENCH_H
#define BENCH_H

#include <stdio.h>
#include "av.h"

static inline int bench_report(const char *name, struct av_counts c, int ok)
{
    unsigned long cpi1000 = c.instret ? (unsigned long)(c.cycles * 1000 / c.instret) : 0;
    printf("bench %s: cycles %llu instret %llu cpi %lu.%03lu check %s\n", name,
           (unsigned long long)c.cycles, (unsigned long long)c.instret,
           cpi1000 / 1000, cpi1000 % 1000, ok ? "ok" : "FAILED");
    return ok ? 0 : 1;
}

/* A small deterministic generator for the workloads' data (xorshift32). */
static inline uint32_t bench_rand(uint32_t *state)
{
    uint32_t x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *state = x;
}

/* Keep the compiler from folding a kernel away. */
#define BENCH_KEEP(x) __asm__ volatile("" : : "r"(x) : "memory")

#endif
