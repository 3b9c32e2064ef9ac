/*
 * memset and memcpy for the kernel, replacing picolibc's byte loops: the
 * zero-fill and copy-on-write handlers clear and copy whole pages, and their
 * cost is what the statistics and benchmarks measure. Word loops when both
 * ends are aligned (no misaligned access: our core traps on them), bytes
 * otherwise. udiv64 serves the kernel's few 64-bit quotients (printing,
 * time conversions) by shift and subtract, in place of libgcc's 2 KiB
 * __udivdi3/__umoddi3 the 40 KiB image cannot afford.
 */
#include <stddef.h>
#include <stdint.h>

__attribute__((section(".text.loop"))) void *memset(void *d, int c, size_t n)
{
    uint8_t *p = d;
    if ((((uintptr_t)p | n) & 3) == 0) {
        /* sixteen words an iteration, the test at the bottom: a page costs
         * 1 024 stores and 64 rounds of loop overhead */
        uint32_t w = (uint8_t)c * 0x01010101u, *q = d, k = n / 4;
        uint32_t *e16 = q + (k & ~15u);
        if (q < e16)
            do {
                q[0] = w, q[1] = w, q[2] = w, q[3] = w, q[4] = w, q[5] = w, q[6] = w, q[7] = w;
                q[8] = w, q[9] = w, q[10] = w, q[11] = w, q[12] = w, q[13] = w, q[14] = w, q[15] = w;
                q += 16;
            } while (q < e16);
        /* the rest (kernel objects are mostly under 16 words) in 8, 4, 2, 1 */
        if (k & 8)
            q[0] = w, q[1] = w, q[2] = w, q[3] = w, q[4] = w, q[5] = w, q[6] = w, q[7] = w, q += 8;
        if (k & 4)
            q[0] = w, q[1] = w, q[2] = w, q[3] = w, q += 4;
        if (k & 2)
            q[0] = w, q[1] = w, q += 2;
        if (k & 1)
            q[0] = w;
        return d;
    }
    while (n--)
        *p++ = (uint8_t)c;
    return d;
}

__attribute__((section(".text.loop"))) void *memcpy(void *d, const void *s, size_t n)
{
    uint8_t *p = d;
    const uint8_t *q = s;
    if ((((uintptr_t)p | (uintptr_t)q | n) & 3) == 0) {
        uint32_t *dw = d, *e8 = dw + (n / 4 & ~7u), *e = (uint32_t *)(p + n);
        const uint32_t *sw = s;
        if (dw < e8)
            do {                       /* eight words an iteration, the test at the bottom */
                uint32_t a = sw[0], b = sw[1], c = sw[2], f = sw[3];
                dw[0] = a, dw[1] = b, dw[2] = c, dw[3] = f;
                a = sw[4], b = sw[5], c = sw[6], f = sw[7];
                dw[4] = a, dw[5] = b, dw[6] = c, dw[7] = f;
                dw += 8, sw += 8;
            } while (dw < e8);
        while (dw < e)
            *dw++ = *sw++;
        return d;
    }
    while (n--)
        *p++ = *q++;
    return d;
}

/* The quotient's bits shift in where the dividend's shift out, and the
 * 64-bit shifts are by one (inline: no libgcc __ashldi3/__lshrdi3). The
 * remainder stays below d, so its doubling fits in 33 bits: the bit shifted
 * out of r says it exceeds d even when the low word does not. */
uint64_t udiv64(uint64_t n, uint32_t d, uint32_t *rem)
{
    uint32_t r = 0;
    for (int i = 0; i < 64; i++) {
        uint32_t over = r >> 31;
        r = (r << 1) | (uint32_t)(n >> 63);
        n <<= 1;
        if (over || r >= d) {
            r -= d;
            n |= 1;
        }
    }
    if (rem)
        *rem = r;
    return n;
}
