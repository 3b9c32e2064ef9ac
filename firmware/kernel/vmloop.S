/*
 * release_ptes, vm.c's loop over a table's entries at deallocation, in
 * assembly: a leaf, so it saves no registers (C kept nine callee-saved
 * ones across its call of frame_unref: about 25 instructions a call). The
 * same steps as its C form did:
 *
 *   pte_t release_ptes(pte_t *l2, uint32_t n)
 *   Release n entries from l2: a valid entry's frame, if the frame table
 *   covers it, loses a count (frame_unref for the last, which frees it and
 *   asserts a count was held); every entry is cleared. Most entries of a
 *   freed table are empty: an empty, 32-byte aligned group of eight is
 *   skipped at once. Returns the released entries ORed together (vm.c's
 *   TLB rule reads their A bits).
 *
 * A valid entry of a second-level table is a leaf (the kernel makes no
 * other), and the only non-zero entry without V the kernel makes is
 * zero-fill, whose PPN field is 0 (below the frame table's base: every
 * frame table starts at RAM, which is never at PPN 0). So V is not tested:
 * the frame table's range test alone leaves a zero-fill entry uncounted
 * (2 instructions an entry fewer; a PTE_PAGED entry, which the contract
 * allows and the kernel never makes, would need its own case here). A
 * frame's last count goes in line too, the
 * frame pushed on the free stack as frame_push does it (its checks: room
 * there, and the count 0, which it is); a count already 0 or a full stack
 * goes to frame_unref, whose assertions report it. Registers: a0 the
 * entry, a1 the end, a2 the OR, a3 the counts, a4 the table's base PPN, a5
 * its frames; t3..t6 and the saved ones are kept (ipcfast.S's release
 * holds its values there across the call).
 */
#include "vm_contract.h"

    .section .text.loop, "ax"           /* with the C loops (kernel.h LOOP) */
    .balign 4
    .globl release_ptes
release_ptes:
    slli a1, a1, 2
    add a1, a0, a1
    li a2, 0
    bgeu a0, a1, 9f
1:  lui a3, %hi(frame_table)            /* (again after frame_unref) */
    lw a3, %lo(frame_table)(a3)
    lw a4, 4 * VMC_FT_BASE_PPN(a3)
    lw a5, 4 * VMC_FT_NFRAMES(a3)
    addi a3, a3, 4 * VMC_FT_COUNTS
2:  lw t0, 0(a0)
    beqz t0, 5f
    or a2, a2, t0
    srli t1, t0, VMC_PTE_PPN_SHIFT
    sub t1, t1, a4
    bgeu t1, a5, 3f                     /* not a counted frame */
    slli t1, t1, 2
    add t1, t1, a3
    lw t2, 0(t1)
    addi t2, t2, -1
    blez t2, 4f                         /* the last count (or none: frame_unref asserts) */
    sw t2, 0(t1)
3:  sw zero, 0(a0)
6:  addi a0, a0, 4
    bltu a0, a1, 2b
9:  mv a0, a2
    ret
4:  bnez t2, 7f                         /* no count held: frame_unref asserts */
    lui a6, %hi(free_stack)             /* the last count: frame_push, in line */
    lw a6, %lo(free_stack)(a6)
    lw a7, 4 * VMC_FS_COUNT(a6)
    lw t2, 4 * VMC_FS_CAPACITY(a6)
    bgeu a7, t2, 7f                     /* full: frame_unref's push asserts */
    sw zero, 0(t1)
    slli t1, a7, 2
    add t1, t1, a6
    srli t2, t0, VMC_PTE_PPN_SHIFT
    sw t2, 4 * VMC_FS_PPNS(t1)
    addi a7, a7, 1
    sw a7, 4 * VMC_FS_COUNT(a6)
    j 3b
7:  addi sp, sp, -32                    /* frame_unref(ppn), a C call */
    sw ra, 28(sp)
    sw a0, 24(sp)
    sw a1, 20(sp)
    sw a2, 16(sp)
    sw t3, 12(sp)
    sw t4, 8(sp)
    sw t5, 4(sp)
    sw t6, 0(sp)
    srli a0, t0, VMC_PTE_PPN_SHIFT
    call frame_unref
    lw ra, 28(sp)
    lw a0, 24(sp)
    lw a1, 20(sp)
    lw a2, 16(sp)
    lw t3, 12(sp)
    lw t4, 8(sp)
    lw t5, 4(sp)
    lw t6, 0(sp)
    addi sp, sp, 32
    sw zero, 0(a0)
    addi a0, a0, 4
    bltu a0, a1, 1b
    j 9b
5:  andi t1, a0, 31                     /* an empty entry: an empty group of eight? */
    bnez t1, 6b
    sub t1, a1, a0
    li t2, 32
    blt t1, t2, 6b
    lw t1, 4(a0)
    lw t2, 8(a0)
    or t1, t1, t2
    lw t2, 12(a0)
    or t1, t1, t2
    lw t2, 16(a0)
    or t1, t1, t2
    lw t2, 20(a0)
    or t1, t1, t2
    lw t2, 24(a0)
    or t1, t1, t2
    lw t2, 28(a0)
    or t1, t1, t2
    bnez t1, 6b
    addi a0, a0, 28
    j 6b
