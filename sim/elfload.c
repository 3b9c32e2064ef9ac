/*
 * ELF loading with libelf for the harness and the ISS (see elfload.h).
 * Reads program headers for what to load and the symbol table for the
 * riscv-tests symbols (tohost, fromhost, begin_signature, end_signature).
 */
#include "elfload.h"
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct sym { char *name; uint32_t value; };
struct syms { int n; struct sym *s; };

static int fail(char *err, size_t n, const char *path, const char *why)
{
    snprintf(err, n, "%s: %s", path, why);
    return -1;
}

static void read_symbols(Elf *e, struct syms *out)
{
    Elf_Scn *scn = NULL;
    while ((scn = elf_nextscn(e, scn)) != NULL) {
        GElf_Shdr sh;
        if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_SYMTAB || sh.sh_entsize == 0)
            continue;
        Elf_Data *d = elf_getdata(scn, NULL);
        if (!d)
            continue;
        size_t n = sh.sh_size / sh.sh_entsize;
        out->s = calloc(n ? n : 1, sizeof *out->s);
        for (size_t i = 0; i < n; i++) {
            GElf_Sym s;
            if (!gelf_getsym(d, (int)i, &s))
                continue;
            const char *nm = elf_strptr(e, sh.sh_link, s.st_name);
            if (!nm || !*nm)
                continue;
            out->s[out->n].name = strdup(nm);
            out->s[out->n].value = (uint32_t)s.st_value;
            out->n++;
        }
        return;
    }
}

int elf_load(const char *path, struct elf_image *img, char *err, size_t errlen)
{
    memset(img, 0, sizeof *img);
    if (elf_version(EV_CURRENT) == EV_NONE)
        return fail(err, errlen, path, "libelf initialisation failed");
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return fail(err, errlen, path, strerror(errno));
    Elf *e = elf_begin(fd, ELF_C_READ, NULL);
    int rc = -1;
    if (!e || elf_kind(e) != ELF_K_ELF) {
        fail(err, errlen, path, "not an ELF file");
        goto out;
    }
    GElf_Ehdr eh;
    if (!gelf_getehdr(e, &eh)) {
        fail(err, errlen, path, "malformed ELF header");
        goto out;
    }
    if (gelf_getclass(e) != ELFCLASS32) {
        fail(err, errlen, path, "not a 32-bit ELF (this is an RV32 machine)");
        goto out;
    }
    if (eh.e_ident[EI_DATA] != ELFDATA2LSB) {
        fail(err, errlen, path, "not little-endian");
        goto out;
    }
    if (eh.e_machine != EM_RISCV) {
        fail(err, errlen, path, "wrong machine type (not RISC-V)");
        goto out;
    }
    if (eh.e_type != ET_EXEC) {
        fail(err, errlen, path, "not an executable (ET_EXEC)");
        goto out;
    }
    size_t nph;
    if (elf_getphdrnum(e, &nph) != 0) {
        fail(err, errlen, path, "malformed program headers");
        goto out;
    }
    img->entry = (uint32_t)eh.e_entry;
    img->seg = calloc(nph ? nph : 1, sizeof *img->seg);
    off_t fsize = lseek(fd, 0, SEEK_END);
    for (size_t i = 0; i < nph; i++) {
        GElf_Phdr ph;
        if (!gelf_getphdr(e, (int)i, &ph)) {
            fail(err, errlen, path, "malformed program header");
            goto out;
        }
        if (ph.p_type != PT_LOAD || ph.p_memsz == 0)
            continue;
        if (ph.p_filesz > ph.p_memsz || ph.p_offset + ph.p_filesz > (uint64_t)fsize) {
            fail(err, errlen, path, "segment outside the file");
            goto out;
        }
        struct elf_seg *s = &img->seg[img->nseg++];
        s->paddr = (uint32_t)ph.p_paddr;
        s->filesz = (uint32_t)ph.p_filesz;
        s->memsz = (uint32_t)ph.p_memsz;
        s->data = malloc(s->filesz ? s->filesz : 1);
        if (s->filesz && pread(fd, s->data, s->filesz, (off_t)ph.p_offset) != (ssize_t)s->filesz) {
            fail(err, errlen, path, "short read");
            goto out;
        }
    }
    if (img->nseg == 0) {
        fail(err, errlen, path, "no loadable segments");
        goto out;
    }
    struct syms *sy = calloc(1, sizeof *sy);
    read_symbols(e, sy);
    img->priv = sy;
    rc = 0;
out:
    if (e)
        elf_end(e);
    close(fd);
    if (rc)
        elf_free(img);
    return rc;
}

int elf_symbol(const struct elf_image *img, const char *name, uint32_t *value)
{
    const struct syms *sy = img->priv;
    for (int i = 0; sy && i < sy->n; i++)
        if (strcmp(sy->s[i].name, name) == 0) {
            *value = sy->s[i].value;
            return 1;
        }
    return 0;
}

int elf_check_range(const struct elf_image *img, uint32_t base, uint32_t size,
                    char *err, size_t errlen)
{
    for (int i = 0; i < img->nseg; i++) {
        const struct elf_seg *s = &img->seg[i];
        uint64_t end = (uint64_t)s->paddr + s->memsz;
        if (s->paddr < base || end > (uint64_t)base + size) {
            snprintf(err, errlen,
                     "segment at 0x%08x..0x%08llx lies outside RAM 0x%08x..0x%08llx"
                     " (is the program linked at 0x80000000, and is --ram-size big enough?)",
                     s->paddr, (unsigned long long)end, base, (unsigned long long)base + size);
            return -1;
        }
    }
    return 0;
}

void elf_free(struct elf_image *img)
{
    for (int i = 0; i < img->nseg; i++)
        free(img->seg[i].data);
    free(img->seg);
    struct syms *sy = img->priv;
    if (sy) {
        for (int i = 0; i < sy->n; i++)
            free(sy->s[i].name);
        free(sy->s);
        free(sy);
    }
    memset(img, 0, sizeof *img);
}
