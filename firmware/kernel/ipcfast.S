/*
 * The round trip's fast path in assembly: SYS_MSG_RPC and
 * SYS_MSG_REPLY_RECEIVE whose send goes straight to a receiver already
 * waiting and whose receive then blocks. trapvec.S enters rt_entry with the
 * lean frame (the registers the two calls keep or read are saved; ra,
 * t0-t6 and a6 are free), sp = the caller p's trapframe. The path makes
 * msg_send's and msg_receive's checks itself (the call's options and
 * buffers, no send done yet, the header's size and bits, the names held
 * and of the right kind, the receive port's queue empty, the destination
 * a port with room and a receiver blocked on it) and goes on only where
 * every one passes and the general path would take the same steps:
 *  - a header-only message, done here: the receiver's call, name and
 *    buffer checked (msg.c recv_ready), the header written into its buffer
 *    (uhdr_put, which leaves it unchanged on a fault), then committed: an
 *    RPC's reply right named in the receiver's first free slot
 *    (name_add_once), the destination's send-once right dropped
 *    (name_drop_once), the statistics, the receiver's call ended
 *    (sys_return), the caller blocked in its receive (with its receive
 *    record, which lets the microcode skip the receiver's checks on the
 *    way back: docs/ipc-microcode.md);
 *  - a body (up to DIRECT_MAX, marked complex or not): msg.c send_direct
 *    copies it, places its one out-of-line item (if any) straight in the
 *    receiver's map, and wakes the receiver, or refuses (rights, more
 *    items, anything the general path would do differently) with nothing
 *    done; a body of one out-of-line item alone goes to ipcool.S instead
 *    (rt_oolchk before the receiver's checks, rt_oolgo after them), which
 *    places the data by capture_ool and joins the commit at rt_commit;
 * a reply-and-receive's AV_RELEASE is done here too, after every check of
 * its receive side and before anything is sent (release; body: before
 * send_direct), once (vm_release marks it: rpc_sent 2);
 * then the switch to the receiver: at once, by rt_leave (trapvec.S), when
 * schedule() would pick it
 * and keep the quantum (no preemption, no deadline, the timer off, the
 * receiver not suspended), else by schedule() with the hand-off set.
 *
 * Anything else goes to rt_general, the general call, with nothing done
 * (but a release already made, which the general path then skips),
 * and syscall() gives the usual results and errors. Cases refused here
 * that the general path still sends directly (the reply right needing a
 * bigger name table, a reply port dead, the last reference of a port
 * dropped) are rare; the general path takes them. On the way to C the
 * frame is marked lean and t_mark set (mark).
 *
 * Registers through the path: s0 p, s1 0 for an RPC, s2/s3 the cycle
 * count at entry, s10 the body's size (0: header only), t1..t5 the header
 * (size, dest, reply, id, bits), s4/s5 p's receive name entry and port,
 * s6/s7 its destination entry and port, s8 the receiver r, s9 r's free
 * name slot for the reply right. Offsets come from ipcfast.h (checked
 * against C there).
 */
#include "gprsave.h"
#include "ipcfast.h"
#include "vm_contract.h"

    .section .text.hot, "ax"
    .globl rt_entry, rt_recv, rt_commit, rt_body, rt_refuse
rt_entry:
1:  csrr s3, cycleh                     /* the user/kernel edge (trap.c t_mark) */
    csrr s2, cycle
    csrr t0, cycleh
    bne s3, t0, 1b
    mv s0, sp
    lw sp, 0(sp)                        /* the kernel stack: a user access's fault uses it */
    lui t0, %hi(stats + ST_RT_LEGS_KERNEL) /* a leg the microcode did not take */
    lw t1, %lo(stats + ST_RT_LEGS_KERNEL)(t0)
    addi t1, t1, 1
    sw t1, %lo(stats + ST_RT_LEGS_KERNEL)(t0)
    /* the call: no options (but a reply-and-receive's AV_RELEASE), no send
     * done, a message, the buffers in user space */
    lui t0, %hi(fp_switching)
    lw t0, %lo(fp_switching)(t0)
    addi s1, a7, -RT_SYS_RPC
    andi a6, a4, ~IPC_RELEASE           /* reply-and-receive: options in a4 (AV_RELEASE: release) */
    bnez s1, 2f
    mv a6, a3                           /* RPC: options in a3 */
2:  or t0, t0, a6
    or t1, a0, a1
    andi t1, t1, 3
    or t0, t0, t1
    bnez t0, general                    /* options, fpswitch, misaligned pointers */
    bltz a1, general                    /* buffer at or above AV_USER_TOP */
    lui t2, 0x80000                     /* AV_USER_TOP */
    sub t1, t2, a1
    bltu t1, a2, general                /* buffer running past it */
    sltiu t1, a2, IPC_HDR
    bnez t1, general                    /* smaller than a header (the receive record's) */
    addi t2, t2, -IPC_HDR - 1
    addi t1, a0, -1
    bltu t2, t1, general                /* no message (a plain receive), or past the top */
    lbu t0, P_RPC_SENT(s0)
    bnez t0, general                    /* a restarted call: its send is done */
    jal uhdr_load                       /* t1..t5 = the header, SUM left set */
    bnez a0, general                    /* a bad page: the general path reports it */
    /* the header: only the two dispositions in bits, and for a body
     * AV_MSG_COMPLEX (send_direct takes one out-of-line item; a header
     * marked complex goes the general way, as bad bits do); a size the
     * direct transfer takes: a header (s10 0), or a body of words up to
     * DIRECT_MAX; an RPC's reply right make-send-once, received on; a
     * reply-and-receive's none */
    srli a1, t5, 16                     /* AV_MSG_COMPLEX (1), or bad bits */
    addi s10, t1, -IPC_HDR
    bnez s10, 3f
    bnez a1, general                    /* a header marked complex: the general path */
    j 4f
3:  andi t0, t1, 3
    bnez t0, general
    sltiu t0, s10, IPC_DIRECT_MAX - IPC_HDR + 1
    beqz t0, general
    sltiu t0, a1, 2                     /* a body may be complex: send_direct takes */
    beqz t0, general                    /* one out-of-line item, refuses rights */
4:  mv a6, a3                           /* reply-and-receive: receive on a3, no reply */
    mv t0, t3
    bnez s1, 5f
    srli t0, t5, 8                      /* RPC: on the reply name, made send-once */
    andi t0, t0, 0xff
    addi t0, t0, -IPC_MAKE_SEND_ONCE
    mv a6, t3
5:  bnez t0, general
    /* the receive name: a live receive right, its queue empty (name_at) */
    lw a7, P_NAMES(s0)
    lw t6, P_NNAMES(s0)
    li ra, NE_SIZE
    beqz a6, general
    bgeu a6, t6, general
    mul t0, a6, ra
    add s4, a7, t0
    lw s5, NE_PORT(s4)
    beqz s5, general
    lbu t0, NE_RECV(s4)
    lbu a1, NE_DEAD(s4)
    beqz t0, general
    bnez a1, general
    lw t0, PT_QHEAD(s5)
    bnez t0, general
    /* the destination: copy-send with a send right and room (port_full),
     * or move-send-once of a send-once right */
    beqz t2, general
    bgeu t2, t6, general
    mul t0, t2, ra
    add s6, a7, t0
    lw s7, NE_PORT(s6)
    beqz s7, general
    andi t0, t5, 0xff
    addi t0, t0, -IPC_COPY_SEND
    bnez t0, 5f
    lhu t0, NE_SENDREFS(s6)
    beqz t0, general
    lw t0, PT_QLEN(s7)
    lw a1, PT_QLIMIT(s7)
    bgeu t0, a1, general
    lui t0, %hi(queued_bytes)
    lw t0, %lo(queued_bytes)(t0)
    lui a1, %hi(boot + BOOT_RAM_SIZE)
    lw a1, %lo(boot + BOOT_RAM_SIZE)(a1)
    li a0, IPC_INLINE_MAX
    add t0, t0, a0
    srli a1, a1, 3
    bltu a1, t0, general
    j 6f
5:  addi t0, t0, IPC_COPY_SEND - IPC_MOVE_SEND_ONCE
    bnez t0, general
    lbu t0, NE_SENDONCE(s6)
    beqz t0, general
    lw t0, PT_REFS(s7)                  /* the drop below never frees the port */
    li a1, 1
    bgeu a1, t0, general
    lw t0, P_NAME_HINT(s0)              /* the drop may free name t2: p's name hint */
    bgeu t2, t0, 6f                     /* down to it now (a lower hint is never wrong, */
    sw t2, P_NAME_HINT(s0)              /* so a leg refused later may keep it) */
6:  /* the receiver: blocked receiving on the destination (proc_receiving) */
    lw s8, PT_RECEIVER(s7)
    beqz s8, general
    lw t0, P_STATE(s8)
    lw a0, P_WAIT(s8)
    li a5, IPC_P_BLOCKED                /* (== IPC_W_RECV) */
    bne t0, a5, general
    bne a0, a5, general
    lw t0, P_WAIT_OBJ(s8)
    bne t0, s7, general
    bnez s10, rt_oolchk                 /* a lone out-of-line item: ipcool.S, back at */
    /* its call (recv_ready): a0 buffer, a1 size, a2 name, a4 options */
rt_recv:                                /* rt_recv; any other body: body */
    lw t0, 4*17(s8)
    lw a0, 4*11(s8)
    lw a1, 4*12(s8)
    lw a2, 4*13(s8)
    lw a4, 4*14(s8)
    li t1, RT_SYS_RR
    beq t0, t1, 8f
    li t1, RT_SYS_RPC
    bne t0, t1, 7f
    mv a4, a2                           /* RPC: options a3, name its reply name */
    lw a2, P_RPC_REPLY(s8)
    j 8f
7:  li t1, IPC_SYS_RECEIVE
    bne t0, t1, general
    mv a4, a2                           /* receive: (buf, size, name, options) */
    mv a2, a1
    mv a1, a0
    lw a0, 4*10(s8)
8:  andi t0, a4, ~(IPC_OPTS | IPC_RELEASE) /* | AV_RELEASE: done before it blocked */
    bnez t0, general
    beqz a2, general
    lw t0, P_NNAMES(s8)
    bgeu a2, t0, general
    lw t0, P_NAMES(s8)
    mul t1, a2, ra
    add t1, t0, t1
    lw t0, NE_PORT(t1)
    bne t0, s7, general                 /* (s7 is not 0: a free slot fails too) */
    lbu t0, NE_RECV(t1)
    lbu t1, NE_DEAD(t1)
    beqz t0, general
    bnez t1, general
    andi t0, a0, 3
    bnez t0, general
    bltz a0, general
    lui t0, 0x80000
    sub t0, t0, a0
    bltu t0, a1, general
    addi t0, s10, IPC_HDR               /* the message's size */
    bltu a1, t0, general
    /* an RPC's reply right: r's first free slot (name_add_once) */
    li a3, 0                            /* the reply name r gets, and bits */
    li a5, 0
    beqz s1, 9f
    lw t0, 4*14(s0)                     /* a reply-and-receive's AV_RELEASE: now, */
    andi t0, t0, IPC_RELEASE            /* before anything is sent */
    beqz t0, 10f
    j release
9:  lbu t0, PT_DEAD(s5)
    bnez t0, general
    lw s9, P_NAMES(s8)
    lw t1, P_NNAMES(s8)
    lw a3, P_NAME_HINT(s8)              /* from the hint: no free slot below it */
    mul t0, a3, ra                      /* (ra: NE_SIZE still) */
    add s9, s9, t0
    addi s9, s9, -NE_SIZE
11: addi s9, s9, NE_SIZE
    bgeu a3, t1, general                /* no free slot: name_insert grows the table */
    lw t0, NE_PORT(s9)
    addi a3, a3, 1
    bnez t0, 11b
    addi a3, a3, -1
    li a5, IPC_PORT_SEND_ONCE << 8      /* AV_MSG_REPLY(AV_DISP_PORT_SEND_ONCE) */
10: /* r's map (vm_activate): it runs next (never p's, the active one);
     * its ran is set already, as r ran to block in its receive */
hdrgo:
    addi t0, s8, P_MAP
    lui t1, %hi(vm_active)
    sw t0, %lo(vm_active)(t1)
    lw a1, P_SATP(s8)
    csrw satp, a1
    bnez s10, rt_oolgo                  /* (ipcool.S: the out-of-line leg) */
    /* the header into r's buffer; a fault leaves it unchanged and nothing
     * done but r's map active (the general path activates what it uses) */
    li a1, IPC_HDR
    mv a4, t4
    jal uhdr_put                        /* (buf, size, name, reply, id, bits); clears SUM */
    bnez a0, general
    /* committed: nothing below fails (ipcool.S joins here, a1 its size) */
rt_commit:
    beqz a3, 12f
    sw s5, NE_PORT(s9)                  /* the reply right: a fresh entry, all zero */
    li t0, 1
    sb t0, NE_SENDONCE(s9)
    lw t0, PT_NAMED(s5)
    lw t1, PT_REFS(s5)
    addi t0, t0, 1
    addi t1, t1, 1
    sw t0, PT_NAMED(s5)
    sw t1, PT_REFS(s5)
12: andi t0, t5, 0xff
    addi t0, t0, -IPC_MOVE_SEND_ONCE
    bnez t0, 13f
    sb zero, NE_SENDONCE(s6)            /* the send-once right goes (name_drop_once) */
    lhu t0, NE_SENDREFS(s6)
    lbu t1, NE_RECV(s6)
    lbu a0, NE_DEAD(s6)
    or t0, t0, t1
    or t0, t0, a0
    bnez t0, 13f
    sw zero, 0(s6)                      /* and its name, and the port's reference (not the last) */
    sw zero, 4(s6)
    sw zero, 8(s6)
    /* (p's name hint is down to this name already: below, at the check) */
    lw t0, PT_NAMED(s7)
    lw t1, PT_REFS(s7)
    addi t0, t0, -1
    addi t1, t1, -1
    sw t0, PT_NAMED(s7)
    sw t1, PT_REFS(s7)
13: lui t1, %hi(rt_blk + BLK_FAST)     /* msgs_inline and msgs_direct: one counter */
    lw t0, %lo(rt_blk + BLK_FAST)(t1)
    addi t0, t0, 1
    sw t0, %lo(rt_blk + BLK_FAST)(t1)
    /* r's call ends (sys_return: a0 0, a1 the size, past the ecall) and it
     * is runnable: it runs now, and takes no place in the run queue; p
     * takes its place among the W_RECV waiters (the count stays) */
    lw t0, TF_PC(s8)
    addi t0, t0, 4
    sw t0, TF_PC(s8)
    sw zero, 4*10(s8)
    sw a1, 4*11(s8)                     /* (IPC_HDR still: uhdr_put keeps a1) */
    sh zero, P_FLAGS(s8)                /* has_deadline, rpc_sent */
    sb zero, P_FLAGS + 2(s8)            /* in_call (lean stays as it is) */
    li t0, IPC_P_RUNNABLE
    sw t0, P_STATE(s8)
    sw zero, P_WAIT(s8)                 /* W_NONE */
    sw zero, P_WAIT_OBJ(s8)
    sw zero, P_RT_RPORT(s8)             /* its receive record: none (it runs) */
    li t0, IPC_P_BLOCKED                /* (== IPC_W_RECV) */
    sw t0, P_STATE(s0)
    sw t0, P_WAIT(s0)
    sw s5, P_WAIT_OBJ(s0)
/* p has sent once and blocks in its receive (rpc_reply, rpc_sent,
 * in_call, no deadline), r runs next: without preemption, a deadline or
 * the timer, schedule() would pick r (the hand-off) and keep the quantum,
 * so go to r at once; otherwise schedule() */
switch:
    /* the receive record (rt_contract.def): p's receive, every check made
     * (options, buffer, a live receive right on s5), so the leg that ends
     * it need not make them again: its port and name (an RPC's reply name
     * t3, its a3 the options, 0; a reply-and-receive's a3, its t3 0) */
    lw t0, 4*13(s0)
    add t0, t0, t3
    sw t0, P_RPC_REPLY(s0)
    sw s5, P_RT_RPORT(s0)
    li t0, 0x01010100                   /* has_deadline 0, rpc_sent, in_call, lean 1 */
    sw t0, P_FLAGS(s0)
    lbu t0, P_SUSP(s8)
    lui t1, %hi(opt_preempt)
    lw t1, %lo(opt_preempt)(t1)
    or t0, t0, t1
    lui a0, %hi(deadline_min)           /* (uint64_t, 8-aligned: +4 has the same %hi) */
    lw a1, %lo(deadline_min)(a0)
    lw a0, %lo(deadline_min + 4)(a0)
    lui a2, %hi(armed)
    lw a3, %lo(armed)(a2)
    lw a2, %lo(armed + 4)(a2)
    and a0, a0, a1
    and a0, a0, a2
    and a0, a0, a3
    addi a0, a0, 1                      /* 0 when all four are ~0 */
    or t0, t0, a0
    lui t1, %hi(handoff)
    bnez t0, 14f
    sw zero, %lo(handoff)(t1)
    /* rt_leave (trapvec.S): the kernel's cycles since the entry's mark
     * (t_mark's low word is all it reads), r current, sret */
    lui t0, %hi(t_mark)
    sw s2, %lo(t_mark)(t0)
    mv a0, s8
    j rt_leave
14: sw s8, %lo(handoff)(t1)
    jal ra, mark
    j schedule

/* A message with a body: send_direct (msg.c) copies it to r, names the
 * reply right and wakes r, handing off to it; it may refuse the message
 * (0: nothing done) or find a fault (err: nothing sent, the general path
 * finds the same). SUM, which uhdr_load left set, is clear after its user
 * accesses, or in rt_general. */
body:
rt_body:
    jal ra, mark
    addi sp, sp, -32                    /* the header, and err at 20 */
    sw t1, 0(sp)
    sw t2, 4(sp)
    sw t3, 8(sp)
    sw t4, 12(sp)
    sw t5, 16(sp)
    beqz s1, 16f
    lw t0, 4*14(s0)                     /* a reply-and-receive's AV_RELEASE (release) */
    andi t0, t0, IPC_RELEASE
    beqz t0, 16f
    mv a0, s0
    call vm_release
    bnez a0, general
16: mv a0, s0
    mv a1, s8
    mv a2, sp
    lw a3, 4*10(s0)                     /* umsg */
    mv a4, s7
    mv a5, s5                           /* an RPC's reply port, or none */
    beqz s1, 15f
    li a5, 0
15: addi a6, sp, 20
    call send_direct
    lw t0, 20(sp)
    beqz a0, general
    bnez t0, general
    sb zero, P_FLAGS(s0)                /* has_deadline (none: proc_block's deadline test) */
    mv a0, s0                           /* p blocks receiving (the W_RECV count grows) */
    li a1, IPC_W_RECV
    mv a2, s5
    call proc_block
    lw t3, 8(sp)
    j switch

/* AV_RELEASE of a reply-and-receive (syscall.c send_receive), after
 * every check of the receive side (options, buffer, a live receive right)
 * and before the send: the region holding p's a6 deallocated whole and
 * marked done (rpc_sent 2), so the general path, should a later step send
 * the call there, does not release again. The body path calls vm_release
 * (vmops.c) itself; the header-only and out-of-line legs do it here, as
 * vm_release, unmap_region and unmap_range's common case do it: the
 * region found, its node unlinked where the walk found it and kept for
 * the next vm_place (none kept before), its range in one table that
 * another region of its span keeps (nothing to free), released by
 * release_ptes from the root entry, the TLB flushed if a released entry
 * was accessed. Any other case (no region there too) goes to the general
 * path before anything changes, which releases (or fails the call) and
 * sends. r's buffer, size and name (a0..a2) wait in s4, s11 and t6
 * across release_ptes, which keeps t3..t6; then on to r (hdrgo). */
release:
    lw a6, 4*16(s0)                     /* the address */
    addi a7, s0, P_MAP + VM_REGIONS
1:  lw t0, R_NEXT(a7)
    beqz t0, general
    lw t1, R_START(t0)
    bltu a6, t1, general
    lw t2, R_END(t0)
    bltu a6, t2, 2f
    mv a7, t0
    j 1b
2:  lui t6, %hi(region_kept)
    lw t6, %lo(region_kept)(t6)
    bnez t6, general
    sub a3, t2, t1
    srli a3, a3, 12                     /* its pages */
    srli a4, t1, 12
    andi a4, a4, 1023                   /* the first one's entry */
    add a5, a4, a3
    li t6, 1024
    bltu t6, a5, general                /* past its table */
    lw a5, P_MAP + VM_ROOT(s0)
    srli t6, t1, 22
    slli t6, t6, 2
    add a5, a5, t6
    lw a5, 0(a5)
    andi t6, a5, 1
    beqz t6, general                    /* no table */
    srli a6, t1, 22                     /* region_overlaps(span) but itself */
    slli a6, a6, 22
    lui ra, 0x400
    add ra, a6, ra
    lw t6, P_MAP + VM_REGIONS(s0)
3:  beqz t6, general
    lw t2, R_START(t6)
    bgeu t2, ra, general
    lw t2, R_END(t6)
    beq t6, t0, 4f
    bltu a6, t2, 5f
4:  lw t6, R_NEXT(t6)
    j 3b
5:  li t6, 2
    sb t6, P_RPC_SENT(s0)
    lw t6, R_NEXT(t0)
    sw t6, R_NEXT(a7)                   /* unlinked, and kept */
    lui t6, %hi(region_kept)
    sw t0, %lo(region_kept)(t6)
    mv s4, a0
    mv s11, a1
    mv t6, a2
    srli a5, a5, 10
    slli a5, a5, 12
    slli a4, a4, 2
    add a0, a5, a4
    mv a1, a3
    call release_ptes
    andi a0, a0, VMC_PTE_A
    beqz a0, 6f
    sfence.vma zero, zero
6:  mv a0, s4
    mv a1, s11
    mv a2, t6
    li a3, 0
    li a5, 0
    j hdrgo

/* Refused: the general call, with nothing done (rt_general clears SUM). */
general:
rt_refuse:
    jal ra, mark
    mv a0, s0
    j rt_general

/* For the C that runs next: t_mark = the entry's cycle count, and p's
 * frame marked lean (ra, t0-t6, a6 not saved: 0 on the way out) */
mark:
    li t0, 1
    sb t0, P_LEAN(s0)
    la t0, t_mark
    sw s2, 0(t0)
    sw s3, 4(t0)
    ret
