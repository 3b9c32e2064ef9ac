/*
 * The round trip's out-of-line leg: ipcfast.S's fast path for a body that
 * is one out-of-line memory item alone (kbench's rtt_ool, a server's
 * out-of-line reply), without send_direct's frame, body copies, item walk,
 * wake-up and block. The general checks, the receiver's and the commit
 * stay ipcfast.S's (shared with the header-only leg); here:
 *  - rt_oolchk, before the receiver's checks: a body of exactly the item's
 *    two words and the data's address (32 bytes in all, below
 *    AV_USER_TOP) read by uhdr_load (a bad page: the general path), and
 *    the item's shape as send_direct tests it (kind memory, elements of a
 *    byte, OOL with or without DEALLOC, 1 to 2^31-1 of them). Any other
 *    body goes to send_direct (rt_body) with the header as it was; this
 *    one goes on to the receiver's checks (rt_recv) with the item's three
 *    words on the kernel stack;
 *  - rt_oolgo, after them (and the reply right's slot, and AV_RELEASE),
 *    r's map active: r's buffer made present and writable (both ends, as
 *    send_direct's utouch loop), then the data placed in r's map as
 *    capture_ool (msgq.c) places it for send_direct: whole pages (no
 *    DEALLOC, at most 64, the remap instruction on, a region node kept by
 *    a release) here, with no C call: its one read-write region of p's,
 *    the first fit in r linked with the kept node, r's root range
 *    widened, one remap instruction and its statistics; anything else
 *    (partial pages, DEALLOC, more pages, the remap in C, no node kept,
 *    the instruction stopping short) by capture_ool itself (refused or out
 *    of room: nothing placed, the general path). Then the message as
 *    send_direct writes it (the header, the item's words as sent, the
 *    data's address in r), the statistics (msgs_ool, not msgs_inline),
 *    and the shared commit (rt_commit: the reply right, the destination's
 *    send-once right, r's call ended, p blocked, the switch).
 * Nothing is sent before the data is placed; after that nothing fails.
 *
 * Stack (kernel, below the entry's sp): 0 the item's word 0, 4 its count,
 * 8 the data's address (capture_ool replaces it with r's), 16..36 what
 * the C calls would change.
 */
#include "ipcfast.h"
#include "vm_contract.h"

#define OOL_BODY 12                     /* the item's two words, the address */
#define SUM 0x40000
#define IPC_ITEM_DEALLOC 2                  /* AV_ITEM_DEALLOC (msg.c checks it) */

    .section .text.hot, "ax"
    .globl rt_oolchk, rt_oolgo

/* t1..t5 the header (size, dest, reply, id, bits), s10 the body's size */
rt_oolchk:
    addi t0, s10, -OOL_BODY
    bnez t0, rt_body
    lw a0, 4*10(s0)                     /* umsg: the whole message in user space */
    lui t0, 0x80000                     /* (send_direct's copyin refuses it) */
    addi t0, t0, -(IPC_HDR + OOL_BODY)
    bltu t0, a0, rt_body
    mv a1, t2
    mv a2, t3
    addi a0, a0, 12
    jal uhdr_load                       /* t1 id, t2 bits, t3 word 0, t4 count, t5 address */
    bnez a0, rt_refuse
    mv t6, t3
    mv t3, a2
    mv a2, t2                           /* (the header's id and bits, read again) */
    mv t2, a1
    mv a1, t4
    mv t4, t1
    li t1, 0xff00fdff                   /* the lone item's shape (send_direct) */
    and t0, t6, t1
    li t1, 0x01000104
    bne t0, t1, 1f
    blez a1, 1f
    addi sp, sp, -48
    sw t6, 0(sp)
    sw a1, 4(sp)
    sw t5, 8(sp)
    mv t5, a2
    li ra, NE_SIZE                      /* (rt_recv's, which the call took) */
    j rt_recv
1:  mv t5, a2
    li t1, IPC_HDR + OOL_BODY
    j rt_body

/* a0 r's buffer, a1 r's satp (hdrgo), a2 its receive name, a3 the reply
 * name r gets (s9 its slot), a5 its bits, t3..t5 the header's reply, id,
 * bits; s4, s10, s11 free (rt_commit and the switch need none of them) */
rt_oolgo:
    mv s11, a0
    jal utouch                          /* r's buffer: its first word's page */
    bnez a0, rt_refuse
    addi a0, s11, IPC_HDR + OOL_BODY - 4 /* and its last word's, if another */
    xor t0, a0, s11
    srli t0, t0, 12
    beqz t0, 1f
    jal utouch
    bnez a0, rt_refuse
1:  lw t6, 0(sp)                        /* the item's word 0, length, address */
    lw a4, 4(sp)
    lw a6, 8(sp)
    /* whole pages (address and length page aligned), no DEALLOC, at most
     * one remap instruction's 64 pages, the instruction on (fastpaths) and
     * a region node kept (vm_place without kmalloc): here, as capture_ool
     * would do it; anything else goes to capture_ool itself */
    andi t0, t6, IPC_ITEM_DEALLOC << 8
    or t1, a4, a6
    slli t1, t1, 20
    or t0, t0, t1
    bnez t0, oolc
    srli s10, a4, 12
    sltiu t0, s10, 65
    beqz t0, oolc
    lui t0, %hi(fastpaths)
    lw t0, %lo(fastpaths)(t0)
    andi t0, t0, VMC_FP_REMAP
    beqz t0, oolc
    lui t0, %hi(region_kept)
    lw s4, %lo(region_kept)(t0)
    beqz s4, oolc
    /* the data in one read-write region of p's (capture_ool's check; a
     * refusal there is capture_ool's too). Its vm_range_ok holds for a
     * range inside a region: regions lie below AV_USER_TOP, and the
     * address (below a region's end) and the length (below 2^31) cannot
     * wrap their sum */
    lw t0, P_MAP + VM_REGIONS(s0)       /* region_find */
2:  beqz t0, oolc
    lw t1, R_START(t0)
    bltu a6, t1, oolc
    lw t2, R_END(t0)
    bltu a6, t2, 3f
    lw t0, R_NEXT(t0)
    j 2b
3:  add t1, a6, a4
    bltu t2, t1, oolc
    lw t1, R_PROT(t0)
    addi t1, t1, -3                     /* AV_PROT_READ | AV_PROT_WRITE */
    bnez t1, oolc
    /* vm_place: the first fit in r's map (region.h region_fit), at t1, its
     * link a7; no room: capture_ool finds the same */
    addi a7, s8, P_MAP + VM_REGIONS
    li t1, IPC_USER_LOW
4:  lw t0, R_NEXT(a7)
    beqz t0, 6f
    lw t2, R_END(t0)
    bgeu t1, t2, 5f                     /* wholly below: on */
    lw ra, R_START(t0)
    bltu ra, t1, 7f
    sub ra, ra, t1
    bgeu ra, a4, 6f                     /* room before it */
7:  mv t1, t2
5:  mv a7, t0
    j 4b
6:  lui t0, 0x80000
    bltu t0, t1, oolc
    sub t0, t0, t1
    bltu t0, a4, oolc
    /* linked with the kept node (place_link), r's top and root range
     * widened (vm_remap's mark_l1 at both ends) */
    lw t0, R_NEXT(a7)
    add t2, t1, a4
    sw t0, R_NEXT(s4)
    sw t1, R_START(s4)
    sw t2, R_END(s4)
    li t0, 3
    sw t0, R_PROT(s4)
    sw s4, R_NEXT(a7)
    lui t0, %hi(region_kept)
    sw zero, %lo(region_kept)(t0)
    lw t0, P_MAP + VM_TOP(s8)
    bgeu t0, t2, 8f
    sw t2, P_MAP + VM_TOP(s8)
8:  srli t0, t1, 22
    lhu ra, P_MAP + VM_L1LO(s8)
    bgeu t0, ra, 9f
    sh t0, P_MAP + VM_L1LO(s8)
9:  addi t0, t2, -1
    srli t0, t0, 22
    lhu ra, P_MAP + VM_L1HI(s8)
    bltu t0, ra, 10f
    addi t0, t0, 1
    sh t0, P_MAP + VM_L1HI(s8)
10: /* the remap instruction (vm.c remap_insn: its descriptor, the cycles
     * it took; every page it did is one shared copy-on-write, the source
     * a read-write region) */
    lui a7, %hi(remap_desc)
    addi a7, a7, %lo(remap_desc)
    lw t0, P_SATP(s0)
    sw t0, 4 * VMC_RD_SRC_SATP(a7)
    sw a6, 4 * VMC_RD_SRC_VA(a7)
    sw a1, 4 * VMC_RD_DST_SATP(a7)
    sw t1, 4 * VMC_RD_DST_VA(a7)
    sw s10, 4 * VMC_RD_PAGES(a7)
    csrr t2, cycle
    .insn r 0x2b, 0, 0, t0, a7, x0
    csrr ra, cycle
    bne t0, s10, oolshort
    /* placed: the message as send_direct writes it (the header with
     * AV_MSG_COMPLEX as sent and the reply right's bits, the item's words,
     * the data's address in r), then the statistics: the user page first,
     * then the kernel's, so the page registers (forgotten at each sstatus
     * write) miss once each way. The buffer is present and writable, so
     * nothing fails from here on. s10: the pages remapped here (their
     * statistics, remap_insn's and capture_ool's), 0 if capture_ool
     * counted them. */
13: srli t0, t5, 16
    slli t0, t0, 16
    or a5, a5, t0
    li a1, IPC_HDR + OOL_BODY
    li t0, SUM
    csrs sstatus, t0
    sw a1, 0(s11)
    sw a2, 4(s11)
    sw a3, 8(s11)
    sw t4, 12(s11)
    sw a5, 16(s11)
    sw t6, 20(s11)
    sw a4, 24(s11)
    sw t1, 28(s11)
    csrc sstatus, t0
    lui a7, %hi(stats)
    addi a7, a7, %lo(stats)
    beqz s10, 14f
    sub ra, ra, t2
    lw t2, ST_CYCLES_REMAP(a7)
    add t2, t2, ra
    sw t2, ST_CYCLES_REMAP(a7)
    lw t2, ST_COW_SHARED(a7)
    lw ra, ST_REMAPPED(a7)
    add t2, t2, s10
    add ra, ra, s10
    sw t2, ST_COW_SHARED(a7)
    sw ra, ST_REMAPPED(a7)
    lw t2, ST_BYTES_OOL(a7)
    lw ra, ST_BYTES_OOL + 4(a7)
    add t2, t2, a4
    sltu t0, t2, a4
    add ra, ra, t0
    sw t2, ST_BYTES_OOL(a7)
    sw ra, ST_BYTES_OOL + 4(a7)
14: lw t0, ST_MSGS_INLINE(a7)           /* rt_commit counts msgs_inline: this is */
    lw t2, ST_MSGS_OOL(a7)              /* msgs_ool */
    addi t0, t0, -1
    addi t2, t2, 1
    sw t0, ST_MSGS_INLINE(a7)
    sw t2, ST_MSGS_OOL(a7)
    j rt_commit

/* The instruction stopped short (a source page not present, a malformed
 * descriptor, no memory for a table): the placement undone (vm_deallocate
 * in r: the entries it made released, a table it made freed) and
 * capture_ool from the start, which remaps the same pages again (now
 * copy-on-write already: the same entries) and the rest in C, with the
 * statistics of that one transfer; or refuses, as it would have. */
oolshort:
    jal oolsave
    addi a0, s8, P_MAP
    mv a1, t1
    mv a2, a4
    call vm_deallocate
    j 1f

/* capture_ool(p, va, len, dealloc, &r->map, &tva): the other cases, which
 * it places (partial pages copied, DEALLOC, beyond 64 pages, a remap in
 * C) or refuses (then nothing placed, and the general path) */
oolc:
    jal oolsave
1:  mv a0, s0
    lw a1, 8(sp)
    lw a2, 4(sp)
    lw a3, 0(sp)
    andi a3, a3, IPC_ITEM_DEALLOC << 8
    addi a4, s8, P_MAP
    addi a5, sp, 8
    call capture_ool
    bltz a0, rt_refuse
    lw a2, 16(sp)
    lw a3, 20(sp)
    lw a5, 24(sp)
    lw t3, 28(sp)
    lw t4, 32(sp)
    lw t5, 36(sp)
    lw t6, 0(sp)
    lw a4, 4(sp)
    lw t1, 8(sp)
    li s10, 0
    j 13b

/* r's values across a C call: a2, a3, a5, t3..t5 at 16..36(sp) (the
 * buffer stays in s11; the item's words are at 0..8) */
oolsave:
    sw a2, 16(sp)
    sw a3, 20(sp)
    sw a5, 24(sp)
    sw t3, 28(sp)
    sw t4, 32(sp)
    sw t5, 36(sp)
    ret
