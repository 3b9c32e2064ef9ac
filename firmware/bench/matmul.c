/*
 * bench-cpu workload: 16x16 integer matrix multiply C = A * B (i-j-k order:
 * two loads and a MUL per inner step), 4 times. Check: every element
 * against the k-i-j order computed outside the timed region, and
 * A * I = A for the identity.
 */
#include <string.h>
#include "bench.h"

#define N 16
#define REPS 4

static int32_t A[N][N], B[N][N], C[N][N], D[N][N], I[N][N], E[N][N];

static void mul_ijk(int32_t (*c)[N], int32_t (*a)[N], int32_t (*b)[N])
{
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            int32_t s = 0;
            for (int k = 0; k < N; k++)
                s += a[i][k] * b[k][j];
            c[i][j] = s;
        }
}

static void mul_kij(int32_t (*c)[N], int32_t (*a)[N], int32_t (*b)[N])
{
    memset(c, 0, sizeof(int32_t) * N * N);
    for (int k = 0; k < N; k++)
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++)
                c[i][j] += a[i][k] * b[k][j];
}

int main(void)
{
    uint32_t seed = 99;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            A[i][j] = (int32_t)bench_rand(&seed) >> 12;   /* signed, keeps sums in range */
            B[i][j] = (int32_t)bench_rand(&seed) >> 12;
            I[i][j] = i == j;
        }

    struct av_counts t = av_mark();
    for (int r = 0; r < REPS; r++) {
        mul_ijk(C, A, B);
        BENCH_KEEP(C);
    }
    struct av_counts n = av_since(t);

    mul_kij(D, A, B);
    mul_ijk(E, A, I);
    int ok = memcmp(C, D, sizeof C) == 0 && memcmp(E, A, sizeof A) == 0;
    return bench_report("matmul", n, ok);
}
