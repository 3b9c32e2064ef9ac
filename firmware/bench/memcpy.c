/*
 * bench-cpu workload: copy 4 KiB with picolibc's memcpy, 8 times between
 * word-aligned buffers (loads and stores back to back). Check: the
 * destination equals the source afterwards and the guard words around it
 * are untouched.
 */
#include <string.h>
#include "bench.h"

#define SIZE 4096
#define REPS 8

static uint32_t src[SIZE / 4], dst[SIZE / 4 + 2];

int main(void)
{
    uint32_t seed = 1;
    for (unsigned i = 0; i < SIZE / 4; i++)
        src[i] = bench_rand(&seed);
    dst[0] = dst[SIZE / 4 + 1] = 0xdeadbeef;

    struct av_counts t = av_mark();
    for (int r = 0; r < REPS; r++) {
        memcpy(&dst[1], src, SIZE);
        BENCH_KEEP(dst);
    }
    struct av_counts n = av_since(t);

    int ok = memcmp(&dst[1], src, SIZE) == 0 && dst[0] == 0xdeadbeef &&
             dst[SIZE / 4 + 1] == 0xdeadbeef;
    return bench_report("memcpy", n, ok);
}
