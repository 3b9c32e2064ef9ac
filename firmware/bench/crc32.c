/*
 * bench-cpu workload: table-driven CRC-32 (IEEE, reflected) of a 4 KiB
 * buffer, twice: byte loads, a table lookup and shifts per byte. Check: the
 * same value from the bitwise algorithm (outside the timed region), and the
 * standard check value of "123456789" (0xcbf43926).
 */
#include <string.h>
#include "bench.h"

#define SIZE 4096

static uint8_t buf[SIZE];
static uint32_t table[256];

static uint32_t crc_table(const uint8_t *p, size_t n)
{
    uint32_t crc = 0xffffffffu;
    while (n--)
        crc = table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
    return ~crc;
}

static uint32_t crc_bitwise(const uint8_t *p, size_t n)
{
    uint32_t crc = 0xffffffffu;
    while (n--) {
        crc ^= *p++;
        for (int k = 0; k < 8; k++)
            crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
    }
    return ~crc;
}

int main(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xedb88320u & -(c & 1));
        table[i] = c;
    }
    uint32_t seed = 7;
    for (unsigned i = 0; i < SIZE; i++)
        buf[i] = (uint8_t)bench_rand(&seed);

    struct av_counts t = av_mark();
    uint32_t a = crc_table(buf, SIZE);
    BENCH_KEEP(a);
    uint32_t b = crc_table(buf, SIZE);
    struct av_counts n = av_since(t);

    int ok = a == b && a == crc_bitwise(buf, SIZE) &&
             crc_table((const uint8_t *)"123456789", 9) == 0xcbf43926u;
    return bench_report("crc32", n, ok);
}
