/*
 * Loading user programs from the ELF files packed into the kernel image.
 * Read-only segments (text) are mapped in place, read-only and shared: their
 * frames belong to the kernel image and every process maps the same ones.
 * Writable segments get a lazily allocated region; their file bytes are
 * copied in (zero-fill faults served in C give the frames), bss stays lazy.
 */
#include <string.h>
#include "kernel.h"
#include "riscv.h"
#include "pack.h"

struct ehdr {
    uint8_t ident[16];
    uint16_t type, machine;
    uint32_t version, entry, phoff, shoff, flags;
    uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};
struct phdr {
    uint32_t type, offset, vaddr, paddr, filesz, memsz, flags, align;
};
#define PT_LOAD 1
#define PF_X 1
#define PF_W 2
#define PF_R 4
#define EM_RISCV 243

const struct pack_entry *pack_find(const char *name, uint32_t len)
{
    for (uint32_t i = 0; i < pack_count; i++) {
        const char *a = pack_table[i].name;
        uint32_t k = 0;
        while (k < len && a[k] && a[k] == name[k])
            k++;
        if (k == len && !a[k])
            return &pack_table[i];
    }
    return NULL;
}

static int load_segment(struct proc *p, const uint8_t *img, const struct phdr *ph)
{
    uint32_t a = PG_ROUNDDOWN(ph->vaddr), b = PG_ROUNDUP(ph->vaddr + ph->memsz);
    uint32_t prot = ((ph->flags & PF_R) ? AV_PROT_READ : 0) | ((ph->flags & PF_W) ? AV_PROT_WRITE : 0) |
                    ((ph->flags & PF_X) ? AV_PROT_EXEC : 0);
    if (!vm_range_ok(a, b - a) || a < USER_LOW || ph->filesz > ph->memsz)
        return -AV_EINVAL;
    if (!(ph->flags & PF_W)) {
        /* in place: the file page must be page-aligned like the address */
        const uint8_t *src = img + ph->offset - (ph->vaddr - a);
        if (((uint32_t)(uintptr_t)src & (PAGE_SIZE - 1)) || PG_ROUNDUP(ph->vaddr + ph->filesz) != b)
            return -AV_EINVAL;
        if (vm_place(&p->map, a, b, b - a, prot) != a)     /* taken, or no memory */
            return -AV_ENOMEM;
        for (uint32_t va = a; va < b; va += PAGE_SIZE)
            if (vm_map_frame(&p->map, va, (uint32_t)(uintptr_t)(src + (va - a)) >> PAGE_SHIFT, prot) < 0)
                return -AV_ENOMEM;
        return 0;
    }
    uint32_t at = a;
    int e = vm_allocate(&p->map, &at, b - a, 0, prot);
    if (e < 0)
        return e;
    if (ph->filesz && copyout(&p->map, ph->vaddr, img + ph->offset, ph->filesz) < 0)
        return -AV_ENOMEM;
    return 0;
}

int elf_load(struct proc *p, const char *prog, uint32_t len)
{
    const struct pack_entry *pe = pack_find(prog, len);
    if (!pe)
        return -AV_EINVAL;
    const uint8_t *img = pe->start;
    const struct ehdr *eh = (const struct ehdr *)img;
    if (pe->size < sizeof *eh || !str_skip((const char *)eh->ident, "\177ELF") || eh->ident[4] != 1 ||
        eh->machine != EM_RISCV || eh->phentsize != sizeof(struct phdr) ||
        eh->phoff + (uint32_t)eh->phnum * sizeof(struct phdr) > pe->size)
        return -AV_EINVAL;
    const struct phdr *ph = (const struct phdr *)(img + eh->phoff);
    for (uint32_t i = 0; i < eh->phnum; i++) {
        if (ph[i].type != PT_LOAD || ph[i].memsz == 0)
            continue;
        if (ph[i].offset + ph[i].filesz > pe->size)
            return -AV_EINVAL;
        int e = load_segment(p, img, &ph[i]);
        if (e < 0)
            return e;
    }
    uint32_t sp = USER_STACK_TOP - USER_STACK_SIZE;
    int e = vm_allocate(&p->map, &sp, USER_STACK_SIZE, 0, AV_PROT_READ | AV_PROT_WRITE);
    if (e < 0)
        return e;
    p->tf.pc = eh->entry;
    p->tf.r[2] = USER_STACK_TOP;
    return 0;
}
