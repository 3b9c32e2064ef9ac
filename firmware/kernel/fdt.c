/*
 * A small flattened-device-tree reader: just enough to learn the RAM size
 * (/memory reg), the mtime timebase (/cpus timebase-frequency) and the boot
 * arguments (/chosen bootargs). Big-endian structure block walked once.
 */
#include <stdint.h>
#include "kernel.h"

#define FDT_MAGIC      0xd00dfeed
#define FDT_BEGIN_NODE 1
#define FDT_END_NODE   2
#define FDT_PROP       3
#define FDT_NOP        4
#define FDT_END        9

/* The kernel's one string compare (fdt, boot options, packed program
 * names): s after its prefix, or NULL when s does not start with it. With
 * it no libc str* function is in the image (size). */
const char *str_skip(const char *s, const char *prefix)
{
    for (; *prefix; s++, prefix++)
        if (*s != *prefix)
            return NULL;
    return s;
}

static int str_is(const char *s, const char *t)
{
    s = str_skip(s, t);
    return s && !*s;
}

static uint32_t be32(const void *p)
{
    const uint8_t *b = p;
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

/* The depth-2 nodes we read, and which of them we are in (0: none). */
enum { N_MEMORY = 1, N_CPUS, N_CHOSEN };

int fdt_parse(uint32_t addr, struct bootinfo *bi)
{
    const uint8_t *f = (const uint8_t *)addr;
    if (!addr || be32(f) != FDT_MAGIC)
        return -1;
    bi->fdt_size = be32(f + 4);
    const uint8_t *p = f + be32(f + 8);
    const char *strs = (const char *)f + be32(f + 12);
    int depth = 0, node = 0;
    uint32_t addr_cells = 2, size_cells = 1;
    for (;;) {
        uint32_t tok = be32(p);
        p += 4;
        if (tok == FDT_BEGIN_NODE) {
            const char *name = (const char *)p, *end = name;
            while (*end)
                end++;
            p += (end - name + 4) & ~3u;
            if (++depth == 2)
                node = str_skip(name, "memory") ? N_MEMORY : str_is(name, "cpus") ? N_CPUS
                     : str_is(name, "chosen") ? N_CHOSEN : 0;
        } else if (tok == FDT_END_NODE) {
            if (depth-- == 2)
                node = 0;
        } else if (tok == FDT_PROP) {
            uint32_t len = be32(p);
            const char *pn = strs + be32(p + 4);
            const uint8_t *val = p + 8;
            p += 8 + ((len + 3) & ~3u);
            if (depth == 1) {
                if (str_is(pn, "#address-cells"))
                    addr_cells = be32(val);
                else if (str_is(pn, "#size-cells"))
                    size_cells = be32(val);
            } else if (depth == 2 && node &&
                       str_is(pn, node == N_MEMORY ? "reg" : node == N_CPUS ? "timebase-frequency" : "bootargs")) {
                if (node == N_MEMORY) {
                    bi->ram_base = be32(val + 4 * (addr_cells - 1));
                    bi->ram_size = be32(val + 4 * (addr_cells + size_cells - 1));
                } else if (node == N_CPUS) {
                    bi->timebase = be32(val);
                } else {
                    bi->bootargs = (const char *)val;
                }
            }
        } else if (tok != FDT_NOP) {
            break;                      /* FDT_END or garbage */
        }
    }
    return bi->ram_size && bi->timebase ? 0 : -1;
}
