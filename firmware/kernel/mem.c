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
        uint32_t w = (uint8_t)c * 0x01010101u, *q = d, *e = (uint32_t *)(p + n);
        for (; e - q >= 8; q += 8)
            q[0] = w, q[1] = w, q[2] = w, q[3] = w, q[4] = w, q[5] = w, q[6] = w, q[7] = w;
        while (q < e)
            *q++ = w;
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
        uint32_t *dw = d;
        const uint32_t *sw = s;
        for (; n >= 16; n -= 16, dw += 4, sw += 4) {
            uint32_t a = sw[0], b = sw[1], c = sw[2], e = sw[3];
            dw[0] = a, dw[1] = b, dw[2] = c, dw[3] = e;
        }
        for (; n; n -= 4)
            *dw++ = *sw++;
        return d;
    }
    while (n--)
        *p++ = *q++;
    return d;
}

uint64_t udiv64(uint64_t n, uint32_t d, uint32_t *rem)
{
    uint64_t q = 0, r = 0;
    for (int i = 63; i >= 0; i--) {
        r = (r << 1) | ((n >> i) & 1);
        if (r >= d) {
            r -= d;
            q |= 1ull << i;
        }
    }
    if (rem)
        *rem = (uint32_t)r;
    return q;
}
