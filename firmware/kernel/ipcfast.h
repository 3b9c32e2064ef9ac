/*
 * The numbers ipcfast.S (the round trip's header-only fast path) uses for
 * the kernel's C structures and constants: one place, and each number is
 * checked against the C definition where C includes this header (syscall.c),
 * so a structure that changes fails the build instead of the fast path.
 */
#ifndef K_IPCFAST_H
#define K_IPCFAST_H

#include "rt_contract.h"
#include "gprsave.h"

/* The structures' offsets are the round trip's contract's (one source:
 * firmware/include/rt_contract.def, which the microcode and the ISS use
 * too; firmware/kernel/rt.c checks each against C). */
/* struct proc (the trapframe first: tf.r[n] at 4*n, TF_PC in gprsave.h) */
/* P_STATE and P_MAP: gprsave.h (the trap vectors use them too) */
#define P_NAMES     RTC_P_NAMES
#define P_NNAMES    RTC_P_NNAMES
#define P_NAME_HINT RTC_P_NAME_HINT   /* no free name slot below it */
#define P_SUSP      RTC_P_SUSP         /* suspended */
#define P_WAIT      RTC_P_WAIT
#define P_WAIT_OBJ  RTC_P_WAIT_OBJ
#define P_FLAGS     RTC_P_FLAGS        /* the word of has_deadline, rpc_sent, in_call, lean */
#define P_RPC_SENT  (RTC_P_FLAGS + 1)
#define P_RPC_REPLY RTC_P_RPC_REPLY
#define P_RT_RPORT  RTC_P_RT_RPORT     /* the receive record's port */
#define P_SATP      RTC_P_SATP         /* its map's satp value */
/* struct vmmap */
#define VM_ROOT     RTC_VM_ROOT
#define VM_ASID     RTC_VM_ASID        /* uint16_t */
#define VM_REGIONS  8                  /* (ipcool.S, AV_RELEASE: the list and the */
#define VM_L1LO     12                 /* root range, uint16_t each, and top) */
#define VM_L1HI     14
#define VM_TOP      16
/* struct region */
#define R_NEXT      0
#define R_START     4
#define R_END       8
#define R_PROT      12
/* struct port */
#define PT_RECEIVER RTC_PT_RECEIVER
#define PT_QHEAD    RTC_PT_QHEAD
#define PT_QLEN     RTC_PT_QLEN
#define PT_QLIMIT   RTC_PT_QLIMIT
#define PT_REFS     RTC_PT_REFS
#define PT_NAMED    RTC_PT_NAMED
#define PT_DEAD     RTC_PT_DEAD        /* uint8_t */
/* struct nameent: 12 bytes a name */
#define NE_SIZE     RTC_NE_SIZE
#define NE_PORT     RTC_NE_PORT
#define NE_SENDREFS RTC_NE_FLAGS       /* uint16_t */
#define NE_RECV     (RTC_NE_FLAGS + 2) /* uint8_t, then sendonce */
#define NE_SENDONCE (RTC_NE_FLAGS + 3)
#define NE_DEAD     RTC_NE_DEAD        /* uint8_t */
/* struct av_stats, struct bootinfo */
#define ST_CYCLES_KERNEL 8             /* uint64_t */
#define ST_MSGS_INLINE RTC_ST_MSGS_INLINE
#define ST_MSGS_DIRECT RTC_ST_MSGS_DIRECT
#define BLK_FAST RTC_BLK_FAST
#define ST_RT_LEGS_KERNEL 168          /* uint32_t rt_legs_kernel */
#define ST_COW_SHARED  120             /* uint32_t pages_cow_shared (ipcool.S) */
#define ST_MSGS_OOL    132
#define ST_BYTES_OOL   144             /* uint64_t */
#define ST_REMAPPED    152             /* uint32_t pages_remapped */
#define ST_CYCLES_REMAP 164
#define BOOT_RAM_SIZE 4
/* enum pstate, enum pwait; av_abi.h */
#define IPC_P_RUNNABLE RTC_P_RUNNABLE
#define IPC_P_BLOCKED  RTC_P_BLOCKED
#define IPC_W_RECV     RTC_W_RECV
#define IPC_SYS_RECEIVE 7
#define IPC_HDR        RTC_HDR         /* sizeof(struct av_msg_header) */
#define IPC_COPY_SEND  1               /* AV_DISP_* */
#define IPC_MAKE_SEND_ONCE 5
#define IPC_MOVE_SEND_ONCE 6
#define IPC_PORT_SEND_ONCE 8
#define IPC_OPTS       7               /* AV_SEND_TIMEOUT | AV_RCV_TIMEOUT | AV_NONBLOCK */
#define IPC_RELEASE    8               /* AV_RELEASE */
#define IPC_INLINE_MAX 8192            /* AV_MSG_INLINE_MAX */
#define IPC_DIRECT_MAX 512             /* DIRECT_MAX: the direct transfer's largest */
#define IPC_USER_LOW   0x1000          /* USER_LOW: the lowest address vm_place gives */

#ifdef __ASSEMBLER__
/* the kernel's globals that live in the round trip's block (kernel.h
 * struct rt_blk), by their C names */
.set queued_bytes, rt_blk + RTC_BLK_QUEUED
.set vm_active, rt_blk + RTC_BLK_VM_ACTIVE
.set curproc, rt_blk + RTC_BLK_CURPROC
.set handoff, rt_blk + RTC_BLK_HANDOFF

#else
#define IPC_AT(c, f, v) _Static_assert(offsetof(c, f) == (v), "ipcfast.h: " #c " " #f)
IPC_AT(struct proc, state, P_STATE);
IPC_AT(struct proc, map, P_MAP);
IPC_AT(struct proc, names, P_NAMES);
IPC_AT(struct proc, nnames, P_NNAMES);
IPC_AT(struct proc, name_hint, P_NAME_HINT);
IPC_AT(struct proc, suspended, P_SUSP);
IPC_AT(struct proc, wait, P_WAIT);
IPC_AT(struct proc, wait_obj, P_WAIT_OBJ);
IPC_AT(struct proc, has_deadline, P_FLAGS);
IPC_AT(struct proc, rpc_sent, P_FLAGS + 1);
IPC_AT(struct proc, in_call, P_FLAGS + 2);
IPC_AT(struct proc, lean, P_FLAGS + 3);
IPC_AT(struct proc, rpc_sent, P_RPC_SENT);
IPC_AT(struct proc, rpc_reply, P_RPC_REPLY);
IPC_AT(struct vmmap, root, VM_ROOT);
IPC_AT(struct vmmap, asid, VM_ASID);
IPC_AT(struct vmmap, regions, VM_REGIONS);
IPC_AT(struct vmmap, l1_lo, VM_L1LO);
IPC_AT(struct vmmap, l1_hi, VM_L1HI);
IPC_AT(struct vmmap, top, VM_TOP);
IPC_AT(struct region, next, R_NEXT);
IPC_AT(struct region, start, R_START);
IPC_AT(struct region, end, R_END);
IPC_AT(struct region, prot, R_PROT);
IPC_AT(struct port, receiver, PT_RECEIVER);
IPC_AT(struct port, qhead, PT_QHEAD);
IPC_AT(struct port, qlen, PT_QLEN);
IPC_AT(struct port, qlimit, PT_QLIMIT);
IPC_AT(struct port, refs, PT_REFS);
IPC_AT(struct port, named, PT_NAMED);
IPC_AT(struct port, dead, PT_DEAD);
IPC_AT(struct nameent, port, NE_PORT);
IPC_AT(struct nameent, sendrefs, NE_SENDREFS);
IPC_AT(struct nameent, recv, NE_RECV);
IPC_AT(struct nameent, sendonce, NE_SENDONCE);
IPC_AT(struct nameent, dead, NE_DEAD);
IPC_AT(struct av_stats, cycles_kernel, ST_CYCLES_KERNEL);
IPC_AT(struct av_stats, rt_legs_kernel, ST_RT_LEGS_KERNEL);
IPC_AT(struct av_stats, msgs_inline, ST_MSGS_INLINE);
IPC_AT(struct av_stats, msgs_direct, ST_MSGS_DIRECT);
IPC_AT(struct av_stats, pages_cow_shared, ST_COW_SHARED);
IPC_AT(struct av_stats, msgs_ool, ST_MSGS_OOL);
IPC_AT(struct av_stats, bytes_ool, ST_BYTES_OOL);
IPC_AT(struct av_stats, pages_remapped, ST_REMAPPED);
IPC_AT(struct av_stats, cycles_remap, ST_CYCLES_REMAP);
IPC_AT(struct bootinfo, ram_size, BOOT_RAM_SIZE);
_Static_assert(sizeof(struct nameent) == NE_SIZE && sizeof(((struct proc *)0)->state) == 4 &&
               sizeof(((struct proc *)0)->wait) == 4 && sizeof(((struct vmmap *)0)->asid) == 2 &&
               sizeof(((struct vmmap *)0)->l1_lo) == 2 && sizeof(((struct vmmap *)0)->top) == 4 &&
               sizeof(((struct nameent *)0)->sendrefs) == 2 && sizeof(struct av_msg_header) == IPC_HDR,
               "ipcfast.h: sizes");
_Static_assert(P_RUNNABLE == IPC_P_RUNNABLE && P_BLOCKED == IPC_P_BLOCKED && W_RECV == IPC_W_RECV &&
               IPC_P_BLOCKED == IPC_W_RECV &&
               W_NONE == 0 && SYS_MSG_RECEIVE == IPC_SYS_RECEIVE && AV_DISP_COPY_SEND == IPC_COPY_SEND &&
               AV_DISP_MAKE_SEND_ONCE == IPC_MAKE_SEND_ONCE && AV_DISP_MOVE_SEND_ONCE == IPC_MOVE_SEND_ONCE &&
               AV_DISP_PORT_SEND_ONCE == IPC_PORT_SEND_ONCE &&
               (AV_SEND_TIMEOUT | AV_RCV_TIMEOUT | AV_NONBLOCK) == IPC_OPTS && AV_RELEASE == IPC_RELEASE &&
               AV_MSG_INLINE_MAX == IPC_INLINE_MAX && DIRECT_MAX == IPC_DIRECT_MAX && AV_USER_TOP == 0x80000000u && AV_NAME_NULL == 0 &&
               PAGE_SHIFT == 12 &&
               AV_MSG_GET_DEST(0xff00u) == 0 && AV_MSG_GET_REPLY(0x500u) == 5 && AV_MSG_COMPLEX > 0xffffu &&
               USER_LOW == IPC_USER_LOW && AV_PROT_READ + AV_PROT_WRITE == 3,
               "ipcfast.h: constants");
#endif
#endif
