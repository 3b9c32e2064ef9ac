/*
 * bench-cpu workload: sort 1024 pseudo-random 32-bit integers with a
 * quicksort (median of three, insertion sort below 16 elements): compares,
 * data-dependent branches, swaps. Check: the result is non-decreasing and
 * is a permutation of the input (same sum and xor).
 */
#include "bench.h"

#define N 1024

static int32_t a[N];

static void insertion(int32_t *v, int n)
{
    for (int i = 1; i < n; i++) {
        int32_t x = v[i];
        int j = i - 1;
        while (j >= 0 && v[j] > x) {
            v[j + 1] = v[j];
            j--;
        }
        v[j + 1] = x;
    }
}

static void swap(int32_t *x, int32_t *y)
{
    int32_t t = *x;
    *x = *y;
    *y = t;
}

static void quick(int32_t *v, int n)
{
    while (n > 16) {
        int m = n / 2;
        if (v[m] < v[0]) swap(&v[m], &v[0]);
        if (v[n - 1] < v[0]) swap(&v[n - 1], &v[0]);
        if (v[n - 1] < v[m]) swap(&v[n - 1], &v[m]);
        int32_t pivot = v[m];
        int i = 0, j = n - 1;
        for (;;) {
            while (v[i] < pivot) i++;
            while (v[j] > pivot) j--;
            if (i >= j) break;
            swap(&v[i], &v[j]);
            i++;
            j--;
        }
        /* Recurse into the smaller part, loop on the larger. */
        if (j + 1 < n - j - 1) {
            quick(v, j + 1);
            v += j + 1;
            n -= j + 1;
        } else {
            quick(v + j + 1, n - j - 1);
            n = j + 1;
        }
    }
    insertion(v, n);
}

int main(void)
{
    uint32_t seed = 12345, sum = 0, x = 0;
    for (int i = 0; i < N; i++) {
        a[i] = (int32_t)bench_rand(&seed);
        sum += (uint32_t)a[i];
        x ^= (uint32_t)a[i];
    }

    struct av_counts t = av_mark();
    quick(a, N);
    struct av_counts n = av_since(t);

    int ok = 1;
    uint32_t sum2 = (uint32_t)a[0], x2 = (uint32_t)a[0];
    for (int i = 1; i < N; i++) {
        ok &= a[i - 1] <= a[i];
        sum2 += (uint32_t)a[i];
        x2 ^= (uint32_t)a[i];
    }
    ok &= sum == sum2 && x == x2;
    return bench_report("sort", n, ok);
}
