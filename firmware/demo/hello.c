/*
 * The `make run` demo until the kernel takes that job: a picolibc program
 * on the bare machine that greets, computes a few values it can check
 * (Fibonacci, primes, a CRC-32, integer division), and reports its own
 * cycle and instruction counts from mcycle/minstret, with the CPI.
 * Exits 0 when every computed value is right (tests/isa/suite.py checks
 * the output line by line).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "av.h"

static uint32_t fib(unsigned n)
{
    uint32_t a = 0, b = 1;
    while (n--) {
        uint32_t t = a + b;
        a = b;
        b = t;
    }
    return a;
}

static unsigned count_primes(unsigned limit)
{
    unsigned count = 0;
    for (unsigned n = 2; n < limit; n++) {
        unsigned d = 2;
        while (d * d <= n && n % d)
            d++;
        if (d * d > n)
            count++;
    }
    return count;
}

static uint32_t crc32(const void *data, size_t len)
{
    const uint8_t *p = data;
    uint32_t crc = 0xffffffffu;
    while (len--) {
        crc ^= *p++;
        for (int k = 0; k < 8; k++)
            crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
    }
    return ~crc;
}

int main(void)
{
    struct av_counts start = av_mark();
    int bad = 0;

    printf("Hello from Accent-V!\n");
    printf("hart %lu, misa %08lx\n", (unsigned long)csr_read(CSR_MHARTID),
           (unsigned long)csr_read(CSR_MISA));

    uint32_t f = fib(40);
    printf("fib(40) = %lu\n", (unsigned long)f);
    bad |= f != 102334155u;

    unsigned p = count_primes(1000);
    printf("primes below 1000: %u\n", p);
    bad |= p != 168;

    const char *text = "The quick brown fox jumps over the lazy dog";
    uint32_t c = crc32(text, strlen(text));
    printf("crc32(\"%s\") = %08lx\n", text, (unsigned long)c);
    bad |= c != 0x414fa339u;

    volatile int32_t num = -1000000007, den = 37;
    int32_t q = num / den, r = num % den;
    printf("%ld / %ld = %ld rem %ld\n", (long)num, (long)den, (long)q, (long)r);
    bad |= q != -27027027 || r != -8;

    struct av_counts n = av_since(start);
    unsigned long cpi1000 = n.instret ? (unsigned long)(n.cycles * 1000 / n.instret) : 0;
    printf("cycles %llu, instructions %llu, CPI %lu.%03lu\n",
           (unsigned long long)n.cycles, (unsigned long long)n.instret,
           cpi1000 / 1000, cpi1000 % 1000);
    printf(bad ? "demo: WRONG RESULTS\n" : "demo: all results correct\n");
    return bad;
}
