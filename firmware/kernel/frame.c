/*
 * The frame table and free-frame stack (see frame.h for the layout, which the
 * VM contract fixes). Kept free of machine code so tests/host can run it.
 */
#include "frame.h"
#include "vm_contract.h"
#include "kassert.h"

uint32_t *frame_table;
uint32_t *free_stack;

uint32_t frames_table_words(uint32_t n) { return VMC_FT_COUNTS + n; }

void frames_init(uint32_t *ft, uint32_t *fs, uint32_t base_ppn, uint32_t n)
{
    frame_table = ft;
    free_stack = fs;
    ft[VMC_FT_BASE_PPN] = base_ppn;
    ft[VMC_FT_NFRAMES] = n;
    for (uint32_t i = 0; i < n; i++)
        ft[VMC_FT_COUNTS + i] = 0;
    fs[VMC_FS_COUNT] = 0;
    fs[VMC_FS_CAPACITY] = n;
}

int frame_valid(uint32_t ppn)
{
    return ppn - frame_table[VMC_FT_BASE_PPN] < frame_table[VMC_FT_NFRAMES];
}

static uint32_t *slot(uint32_t ppn)
{
    KASSERT(frame_valid(ppn));
    return &frame_table[VMC_FT_COUNTS + ppn - frame_table[VMC_FT_BASE_PPN]];
}

uint32_t frame_count(uint32_t ppn) { return *slot(ppn); }
void frame_set_count(uint32_t ppn, uint32_t c) { *slot(ppn) = c; }

void frame_ref(uint32_t ppn)
{
    uint32_t *c = slot(ppn);
    KASSERT(*c != 0);                   /* a free frame is never shared */
    (*c)++;
}

void frame_unref(uint32_t ppn)
{
    uint32_t i = ppn - frame_table[VMC_FT_BASE_PPN];
    if (i >= frame_table[VMC_FT_NFRAMES])
        return;                         /* not a counted frame */
    uint32_t *c = &frame_table[VMC_FT_COUNTS + i];
    KASSERT(*c != 0);
    if (--*c == 0)
        frame_push(ppn);
}

uint32_t frame_pop(void)
{
    uint32_t n = free_stack[VMC_FS_COUNT];
    if (n == 0)
        return frame_reclaim();        /* a frame the kernel kept, if any */
    uint32_t ppn = free_stack[VMC_FS_PPNS + n - 1];
    free_stack[VMC_FS_COUNT] = n - 1;
    KASSERT(*slot(ppn) == 0);
    *slot(ppn) = 1;
    return ppn;
}

void frame_push(uint32_t ppn)
{
    uint32_t n = free_stack[VMC_FS_COUNT];
    KASSERT(n < free_stack[VMC_FS_CAPACITY]);
    KASSERT(*slot(ppn) == 0);
    free_stack[VMC_FS_PPNS + n] = ppn;
    free_stack[VMC_FS_COUNT] = n + 1;
}

uint32_t frames_free(void) { return free_stack[VMC_FS_COUNT]; }
uint32_t frames_total(void) { return frame_table[VMC_FT_NFRAMES]; }
uint32_t frames_base(void) { return frame_table[VMC_FT_BASE_PPN]; }
