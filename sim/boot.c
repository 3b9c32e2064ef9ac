/*
 * Machine set-up shared by the RTL harness and the reference ISS (boot.h):
 * the boot ROM image with its entry and device-tree words, the ELF's
 * segments, and the SoC device tree with its memory size patched to the RAM
 * size, placed at the top of RAM. Both simulators call boot_prepare with
 * their own write function, so they start from byte-identical memory.
 *
 * The assembled ROM (rtl/soc/bootrom.S) and the compiled tree
 * (build/gen/soc.dtb) are compiled in through build/soc/boot_blobs.h, which
 * sim/sim.mk generates, so the binaries need no data files at run time.
 */
#include "boot.h"
#include "boot_blobs.h"
#include "memmap.h"
#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The ROM image the harness writes: code, then the two words at fixed offsets. */
#define ROM_IMAGE_BYTES (MM_BOOTROM_DTB + 4)

/* Patch the memory node's reg to <RAM base, ram_bytes>. Returns a malloc'd,
 * packed tree and its size in *len, or NULL with err. */
static uint8_t *make_dtb(uint32_t ram_bytes, uint32_t *len, char *err, size_t errlen)
{
    int cap = (int)soc_dtb_len + 256;
    uint8_t *fdt = malloc((size_t)cap);
    if (!fdt) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    int rc = fdt_open_into(soc_dtb, fdt, cap);
    int node = rc ? rc : fdt_node_offset_by_prop_value(fdt, -1, "device_type", "memory", 7);
    if (node < 0) {
        snprintf(err, errlen, "device tree: no memory node (%s)", fdt_strerror(node));
        free(fdt);
        return NULL;
    }
    /* #address-cells and #size-cells of the root are 1 (memmap.py writes them). */
    fdt32_t reg[2] = {cpu_to_fdt32(MM_RAM_BASE), cpu_to_fdt32(ram_bytes)};
    rc = fdt_setprop(fdt, node, "reg", reg, sizeof reg);
    if (rc == 0)
        rc = fdt_pack(fdt);
    if (rc) {
        snprintf(err, errlen, "device tree: %s", fdt_strerror(rc));
        free(fdt);
        return NULL;
    }
    *len = fdt_totalsize(fdt);
    return fdt;
}

int boot_prepare(const char *elf_path, uint32_t ram_bytes, boot_write_fn write,
                 void *ctx, struct elf_image *img, char *err, size_t errlen)
{
    if (elf_load(elf_path, img, err, errlen))
        return -1;
    if (elf_check_range(img, MM_RAM_BASE, ram_bytes, err, errlen)) {
        /* elf_check_range's message has no file name: add it. */
        char why[512];
        snprintf(why, sizeof why, "%s", err);
        snprintf(err, errlen, "%s: %s", elf_path, why);
        goto fail;
    }
    uint32_t entry = img->entry;
    if (entry < MM_RAM_BASE || entry - MM_RAM_BASE >= ram_bytes) {
        snprintf(err, errlen, "%s: entry point 0x%08x is outside RAM", elf_path, entry);
        goto fail;
    }

    uint32_t dtb_len;
    uint8_t *dtb = make_dtb(ram_bytes, &dtb_len, err, errlen);
    if (!dtb)
        goto fail;
    if (dtb_len + 8 > ram_bytes) {
        snprintf(err, errlen, "RAM of %u bytes cannot hold the device tree", ram_bytes);
        free(dtb);
        goto fail;
    }
    uint32_t dtb_addr = (MM_RAM_BASE + ram_bytes - dtb_len) & ~7u;
    /* The program (its bss included) must end below the tree. */
    for (int i = 0; i < img->nseg; i++) {
        const struct elf_seg *s = &img->seg[i];
        if ((uint64_t)s->paddr + s->memsz > dtb_addr) {
            snprintf(err, errlen,
                     "%s: segment at 0x%08x..0x%08llx overlaps the device tree at 0x%08x"
                     " (top of RAM; use a bigger --ram-size)",
                     elf_path, s->paddr, (unsigned long long)s->paddr + s->memsz, dtb_addr);
            free(dtb);
            goto fail;
        }
    }

    /* Boot ROM: code, zero padding, entry and tree address (little-endian). */
    if (bootrom_bin_len > MM_BOOTROM_ENTRY) {
        snprintf(err, errlen, "boot ROM code (%u bytes) runs into its data words", bootrom_bin_len);
        free(dtb);
        goto fail;
    }
    uint8_t rom[ROM_IMAGE_BYTES];
    memset(rom, 0, sizeof rom);
    memcpy(rom, bootrom_bin, bootrom_bin_len);
    for (int b = 0; b < 4; b++) {
        rom[MM_BOOTROM_ENTRY + b] = (uint8_t)(entry >> (8 * b));
        rom[MM_BOOTROM_DTB + b] = (uint8_t)(dtb_addr >> (8 * b));
    }
    write(ctx, MM_BOOTROM_BASE, rom, sizeof rom);

    /* Segments: file bytes, then zeros up to memsz (bss). */
    static const uint8_t zeros[4096];
    for (int i = 0; i < img->nseg; i++) {
        const struct elf_seg *s = &img->seg[i];
        if (s->filesz)
            write(ctx, s->paddr, s->data, s->filesz);
        for (uint32_t off = s->filesz; off < s->memsz;) {
            uint32_t n = s->memsz - off < sizeof zeros ? s->memsz - off : (uint32_t)sizeof zeros;
            write(ctx, s->paddr + off, zeros, n);
            off += n;
        }
    }
    write(ctx, dtb_addr, dtb, dtb_len);
    free(dtb);
    return 0;
fail:
    elf_free(img);
    return -1;
}

int boot_parse_size(const char *text, uint32_t *bytes)
{
    if (!text || *text < '0' || *text > '9')
        return -1;
    char *end;
    unsigned long long v = strtoull(text, &end, 10);
    if (end == text)
        return -1;
    unsigned long long mul = 1;
    if (*end == 'K' || *end == 'k')
        mul = 1024, end++;
    else if (*end == 'M' || *end == 'm')
        mul = 1024 * 1024, end++;
    if (*end != '\0')
        return -1;
    /* RAM spans 0x8000_0000 up to the top of the address space at most, and
     * the RAM model is word-organised. */
    if (v == 0 || v > (0x100000000ull - MM_RAM_BASE) / mul)
        return -1;
    v *= mul;
    if (v % 4 != 0)
        return -1;
    *bytes = (uint32_t)v;
    return 0;
}
