/*
 * bench-cpu workload: count the occurrences of several patterns in a 4 KiB
 * text with a Horspool search (byte loads, a skip table, compare loops).
 * Check: the counts equal those of a naive search run outside the timed
 * region, and a pattern planted a known number of times is found exactly
 * that often.
 */
#include <string.h>
#include "bench.h"

#define SIZE 4096

static char text[SIZE + 1];
static const char *const patterns[] = {"accent", "port", "message", "xyzzy", "ab", "e"};
#define NPAT (sizeof patterns / sizeof patterns[0])
#define PLANTED 13      /* times "accent" is written into the text */

static unsigned horspool(const char *t, size_t n, const char *p, size_t m)
{
    size_t skip[256];
    for (int i = 0; i < 256; i++)
        skip[i] = m;
    for (size_t i = 0; i + 1 < m; i++)
        skip[(unsigned char)p[i]] = m - 1 - i;
    unsigned count = 0;
    size_t pos = 0;
    while (pos + m <= n) {
        size_t k = m - 1;
        while (t[pos + k] == p[k]) {
            if (k == 0) {
                count++;
                break;
            }
            k--;
        }
        pos += skip[(unsigned char)t[pos + m - 1]];
    }
    return count;
}

static unsigned naive(const char *t, size_t n, const char *p, size_t m)
{
    unsigned count = 0;
    for (size_t i = 0; i + m <= n; i++)
        if (memcmp(t + i, p, m) == 0)
            count++;
    return count;
}

int main(void)
{
    /* Text over a small alphabet, so short patterns recur; no "accent" by
     * chance (no 'c' in the alphabet), then PLANTED copies written in. */
    static const char alphabet[] = "abeginmoprst ";
    uint32_t seed = 4242;
    for (int i = 0; i < SIZE; i++)
        text[i] = alphabet[bench_rand(&seed) % (sizeof alphabet - 1)];
    for (int k = 0; k < PLANTED; k++)
        memcpy(text + 100 + k * 300, "accent", 6);

    unsigned counts[NPAT];
    struct av_counts t = av_mark();
    for (unsigned i = 0; i < NPAT; i++)
        counts[i] = horspool(text, SIZE, patterns[i], strlen(patterns[i]));
    struct av_counts n = av_since(t);

    int ok = counts[0] == PLANTED;
    for (unsigned i = 0; i < NPAT; i++)
        ok &= counts[i] == naive(text, SIZE, patterns[i], strlen(patterns[i]));
    return bench_report("strsearch", n, ok);
}
