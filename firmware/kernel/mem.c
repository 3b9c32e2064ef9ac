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

/* memset: sixteen words an iteration, the test at the bottom (a page costs
 * 1 024 stores and 64 rounds of loop overhead), then the rest (kernel
 * objects are mostly under 16 words) by a jump into a row of stores, one
 * a word, that kzero (kalloc.h) enters directly: an object of at most
 * KZERO_MAX bytes cleared with no set-up or tail tests. t2 is the store
 * base, so a0 stays the return value. */
void *memset(void *d, int c, size_t n);
__asm__(
    "    .pushsection .text.loop, \"ax\"\n"
    "    .balign 4\n"
    "    .globl memset, kzero\n"
    "memset:\n"
    "    or t0, a0, a2\n"
    "    andi t0, t0, 3\n"
    "    bnez t0, 5f\n"                  /* a ragged end: bytes */
    "    andi a1, a1, 255\n"
    "    li t0, 0x01010101\n"
    "    mul a1, a1, t0\n"               /* the byte in every lane */
    "    mv t2, a0\n"
    "    andi t1, a2, -64\n"
    "    add t1, t2, t1\n"               /* the end of the 16-word rounds */
    "    andi a2, a2, 63\n"              /* the rest, for the row */
    "    beq t2, t1, 3f\n"
    "2:\n"
    "    .set off, 0\n"
    "    .rept 16\n"
    "    sw a1, off(t2)\n"
    "    .set off, off + 4\n"
    "    .endr\n"
    "    addi t2, t2, 64\n"
    "    bltu t2, t1, 2b\n"
    "    j 3f\n"
    "kzero:\n"                          /* (a1 is 0: the word stored) */
    "    mv t2, a0\n"
    "3:  lla t0, 4f\n"
    "    sub t0, t0, a2\n"               /* one 4-byte store a word: back n bytes */
    "    jr t0\n"
    "    .set off, 132\n"                /* KZERO_MAX */
    "    .rept 33\n"
    "    .set off, off - 4\n"
    "    sw a1, off(t2)\n"
    "    .endr\n"
    "4:  ret\n"
    "5:  add a2, a0, a2\n"
    "    mv t0, a0\n"
    "6:  beq t0, a2, 4b\n"
    "    sb a1, 0(t0)\n"
    "    addi t0, t0, 1\n"
    "    j 6b\n"
    "    .popsection\n");

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
