/*
 * A small flattened-device-tree reader: just enough to learn the RAM size
 * (/memory reg), the mtime timebase (/cpus timebase-frequency) and the boot
 * arguments (/chosen bootargs). Big-endian structure block walked once.
 */
#include <stdint.h>
#include <string.h>
#include "kernel.h"

#define FDT_MAGIC      0xd00dfeed
#define FDT_BEGIN_NODE 1
#define FDT_END_NODE   2
#define FDT_PROP       3
#define FDT_NOP        4
#define FDT_END        9

static uint32_t be32(const void *p)
{
    const uint8_t *b = p;
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

int fdt_parse(uint32_t addr, struct bootinfo *bi)
{
    const uint8_t *f = (const uint8_t *)addr;
    if (!addr || be32(f) != FDT_MAGIC)
        return -1;
    bi->fdt_size = be32(f + 4);
    const uint8_t *st = f + be32(f + 8);
    const char *strs = (const char *)f + be32(f + 12);
    int depth = 0, in_memory = 0, in_cpus = 0, in_chosen = 0;
    uint32_t addr_cells = 2, size_cells = 1;
    const uint8_t *p = st;
    for (;;) {
        uint32_t tok = be32(p);
        p += 4;
        if (tok == FDT_BEGIN_NODE) {
            const char *name = (const char *)p;
            p += (strlen(name) + 4) & ~3u;
            depth++;
            if (depth == 2) {
                in_memory = !strncmp(name, "memory", 6);
                in_cpus = !strcmp(name, "cpus");
                in_chosen = !strcmp(name, "chosen");
            }
        } else if (tok == FDT_END_NODE) {
            if (depth-- == 2)
                in_memory = in_cpus = in_chosen = 0;
        } else if (tok == FDT_PROP) {
            uint32_t len = be32(p), nameoff = be32(p + 4);
            const uint8_t *val = p + 8;
            const char *pn = strs + nameoff;
            p += 8 + ((len + 3) & ~3u);
            if (depth == 1 && !strcmp(pn, "#address-cells"))
                addr_cells = be32(val);
            else if (depth == 1 && !strcmp(pn, "#size-cells"))
                size_cells = be32(val);
            else if (in_memory && depth == 2 && !strcmp(pn, "reg")) {
                bi->ram_base = be32(val + 4 * (addr_cells - 1));
                bi->ram_size = be32(val + 4 * (addr_cells + size_cells - 1));
            } else if (in_cpus && depth == 2 && !strcmp(pn, "timebase-frequency")) {
                bi->timebase = be32(val);
            } else if (in_chosen && depth == 2 && !strcmp(pn, "bootargs")) {
                bi->bootargs = (const char *)val;
            }
        } else if (tok == FDT_NOP) {
            continue;
        } else {
            break;                      /* FDT_END or garbage */
        }
    }
    return bi->ram_size && bi->timebase ? 0 : -1;
}
