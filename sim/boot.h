/*
 * Machine set-up shared by the RTL harness and the reference ISS, so both start
 * from byte-identical memory: the boot ROM image with its two words (entry
 * point, device-tree address), the ELF's segments, and the device tree for the
 * chosen RAM size placed at the top of RAM (see DESIGN.md, SoC and memory map).
 */
#ifndef AV_BOOT_H
#define AV_BOOT_H
#include <stddef.h>
#include <stdint.h>
#include "elfload.h"

/* Receives every byte range to place in the machine's physical memory. */
typedef void (*boot_write_fn)(void *ctx, uint32_t paddr, const void *data, uint32_t len);

/* Load elf_path for a machine with ram_bytes of RAM: checks the ELF (see
 * elfload.h) and that it fits in RAM below the device tree, then writes the
 * boot ROM, the segments (zero-filling memsz beyond filesz) and the tree.
 * img receives the ELF (for its symbols); the caller frees it with elf_free.
 * Returns 0, or -1 with a one-line reason in err. */
int boot_prepare(const char *elf_path, uint32_t ram_bytes, boot_write_fn write,
                 void *ctx, struct elf_image *img, char *err, size_t errlen);

/* Parse a --ram-size value: bytes with an optional K or M suffix.
 * Returns 0, or -1 for a malformed or unsupported size. */
int boot_parse_size(const char *text, uint32_t *bytes);

#endif
