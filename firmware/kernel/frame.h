/*
 * Physical frames: the frame table and the free-frame stack, laid out exactly
 * as the VM contract says (vm_contract.def), because the microcode fast paths
 * pop and count frames in the same tables. Pure logic: also built for the host.
 *
 *   frame table:  [0] base PPN  [1] number of frames  [2+i] count of frame base+i
 *   free stack:   [0] count     [1] capacity          [2+i] PPNs; pop takes [2+count-1]
 *
 * A frame's count is the number of level-0 U=1 leaf PTEs mapping it plus one
 * per other holder (kernel frames and page tables hold exactly one). A frame
 * is on the free stack exactly when its count is 0.
 */
#ifndef K_FRAME_H
#define K_FRAME_H
#include <stdint.h>

extern uint32_t *frame_table;   /* physical = kernel virtual address */
extern uint32_t *free_stack;

/* Lay out both tables over n frames from base_ppn; every count 0, stack empty. */
void frames_init(uint32_t *ft, uint32_t *fs, uint32_t base_ppn, uint32_t n);
/* Words each table needs for n frames. */
uint32_t frames_table_words(uint32_t n);
int frame_valid(uint32_t ppn);          /* PPN inside the table */
uint32_t frame_count(uint32_t ppn);
void frame_set_count(uint32_t ppn, uint32_t c);
void frame_ref(uint32_t ppn);
/* Drop one reference; a frame reaching 0 goes on the free stack. A PPN
 * outside the table (a device page) has no count: nothing happens. */
void frame_unref(uint32_t ppn);
/* Pop a free frame, its count set to 1; 0 when the stack is empty and
 * frame_reclaim has nothing to give. */
uint32_t frame_pop(void);
/* With the stack empty: give back a frame the kernel keeps only to save
 * work (the spare root table, vm.c) and pop it, as frame_pop; 0 if none. */
uint32_t frame_reclaim(void);
void frame_push(uint32_t ppn);          /* count must be 0 */
uint32_t frames_free(void);
uint32_t frames_total(void);
uint32_t frames_base(void);

#endif
