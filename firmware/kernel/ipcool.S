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
 *    send_direct's utouch loop), then msg.c capture_ool places the data in
 *    r's map as send_direct does (its one read-write region of p's, the
 *    first fit in r with the same page offset, partial pages copied, whole
 *    ones remapped copy-on-write, deallocate-on-send; refused or out of
 *    room: nothing placed, the general path), then the message as
 *    send_direct writes it (the header, the item's words as sent, the
 *    data's address in r), the statistics (msgs_ool, not msgs_inline),
 *    and the shared commit (rt_commit: the reply right, the destination's
 *    send-once right, r's call ended, p blocked, the switch).
 * Nothing is sent before capture_ool succeeds; after it nothing fails.
 *
 * Stack (kernel, below the entry's sp): 0 the item's word 0, 4 its count,
 * 8 the data's address (capture_ool replaces it with r's), 12.. what
 * rt_oolgo keeps across its calls.
 */
#include "ipcfast.h"

#define OOL_BODY 12                     /* the item's two words, the address */
#define ST_MSGS_OOL (ST_MSGS_INLINE + 4) /* (msg.c checks it) */
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

/* a0 r's buffer, a2 its receive name, a3 the reply name r gets (s9 its
 * slot), a5 its bits, t3..t5 the header's reply, id, bits */
rt_oolgo:
    sw a0, 12(sp)
    sw a2, 16(sp)
    sw a3, 20(sp)
    sw a5, 24(sp)
    sw t3, 28(sp)
    sw t4, 32(sp)
    sw t5, 36(sp)
    mv s11, a0
    jal utouch                          /* r's buffer: its first word's page */
    bnez a0, rt_refuse
    lw a0, 12(sp)
    addi a0, a0, IPC_HDR + OOL_BODY - 4 /* and its last word's, if another */
    xor t0, a0, s11
    srli t0, t0, 12
    beqz t0, 1f
    jal utouch
    bnez a0, rt_refuse
1:
    mv a0, s0                           /* capture_ool(p, va, len, dealloc, &r->map, &tva) */
    lw a1, 8(sp)
    lw a2, 4(sp)
    lw a3, 0(sp)
    andi a3, a3, IPC_ITEM_DEALLOC << 8
    addi a4, s8, P_MAP
    addi a5, sp, 8
    call capture_ool
    bltz a0, rt_refuse
    lw a0, 12(sp)
    lw a2, 16(sp)
    lw a3, 20(sp)
    lw a5, 24(sp)
    lw t3, 28(sp)
    lw t4, 32(sp)
    lw t5, 36(sp)
    srli t0, t5, 16                     /* AV_MSG_COMPLEX as sent */
    slli t0, t0, 16
    or a5, a5, t0
    li a1, IPC_HDR + OOL_BODY
    li t2, SUM
    csrs sstatus, t2
    sw a1, 0(a0)
    sw a2, 4(a0)
    sw a3, 8(a0)
    sw t4, 12(a0)
    sw a5, 16(a0)
    lw t0, 0(sp)
    lw t1, 4(sp)
    lw a4, 8(sp)
    sw t0, 20(a0)
    sw t1, 24(a0)
    sw a4, 28(a0)
    csrc sstatus, t2
    lui a7, %hi(stats)                  /* rt_commit counts msgs_inline: this is */
    addi a7, a7, %lo(stats)             /* msgs_ool */
    lw t0, ST_MSGS_INLINE(a7)
    lw t1, ST_MSGS_OOL(a7)
    addi t0, t0, -1
    addi t1, t1, 1
    sw t0, ST_MSGS_INLINE(a7)
    sw t1, ST_MSGS_OOL(a7)
    j rt_commit
