/*
 * ELF loading for the RTL harness and the reference ISS, with libelf.
 * Both must accept and refuse exactly the same files, so they share this.
 */
#ifndef AV_ELFLOAD_H
#define AV_ELFLOAD_H
#include <stddef.h>
#include <stdint.h>

struct elf_seg {
    uint32_t paddr;      /* physical load address */
    uint32_t filesz;     /* bytes in data */
    uint32_t memsz;      /* bytes to occupy (the rest is zero) */
    uint8_t *data;       /* owned by the image */
};

struct elf_image {
    uint32_t entry;
    int nseg;
    struct elf_seg *seg;
    void *priv;          /* symbol table, for elf_symbol */
};

/* Load path into img. Returns 0, or -1 with a one-line reason in err:
 * missing file, not ELF, not 32-bit little-endian RISC-V executable. */
int elf_load(const char *path, struct elf_image *img, char *err, size_t errlen);

/* Look up a symbol's value; returns 1 when found. */
int elf_symbol(const struct elf_image *img, const char *name, uint32_t *value);

/* Check every loadable segment lies inside [base, base+size); 0 or -1 with err. */
int elf_check_range(const struct elf_image *img, uint32_t base, uint32_t size,
                    char *err, size_t errlen);

void elf_free(struct elf_image *img);

#endif
