/*
 * The numbers ipcfast.S (the round trip's header-only fast path) uses for
 * the kernel's C structures and constants: one place, and each number is
 * checked against the C definition where C includes this header (syscall.c),
 * so a structure that changes fails the build instead of the fast path.
 */
#ifndef K_IPCFAST_H
#define K_IPCFAST_H

/* struct proc (the trapframe first: tf.r[n] at 4*n, TF_PC in gprsave.h) */
#define P_STATE     132
#define P_MAP       140                /* struct vmmap map */
#define P_NAMES     160
#define P_NNAMES    164
#define P_SUSP      184                /* suspended */
#define P_WAIT      188
#define P_WAIT_OBJ  192
#define P_FLAGS     196                /* the word of has_deadline, rpc_sent, in_call, lean */
#define P_RPC_SENT  197
#define P_RPC_REPLY 208
/* struct vmmap */
#define VM_ROOT     0
#define VM_ASID     4                  /* uint16_t */
#define VM_RAN      6                  /* uint8_t */
/* struct port */
#define PT_RECEIVER 0
#define PT_QHEAD    12
#define PT_QLEN     20
#define PT_QLIMIT   24
#define PT_REFS     28
#define PT_NAMED    32
#define PT_DEAD     36                 /* uint8_t */
/* struct nameent: 12 bytes a name */
#define NE_SIZE     12
#define NE_PORT     0
#define NE_SENDREFS 4                  /* uint16_t */
#define NE_RECV     6                  /* uint8_t, then sendonce */
#define NE_SENDONCE 7
#define NE_DEAD     8                  /* uint8_t */
/* struct av_stats, struct bootinfo */
#define ST_CYCLES_KERNEL 8             /* uint64_t */
#define ST_MSGS_INLINE 128
#define ST_MSGS_DIRECT 160
#define BOOT_RAM_SIZE 4
/* enum pstate, enum pwait; av_abi.h */
#define IPC_P_RUNNABLE 1
#define IPC_P_BLOCKED  2
#define IPC_W_RECV     2
#define IPC_SYS_RECEIVE 7
#define IPC_HDR        20              /* sizeof(struct av_msg_header) */
#define IPC_COPY_SEND  1               /* AV_DISP_* */
#define IPC_MAKE_SEND_ONCE 5
#define IPC_MOVE_SEND_ONCE 6
#define IPC_PORT_SEND_ONCE 8
#define IPC_OPTS       7               /* AV_SEND_TIMEOUT | AV_RCV_TIMEOUT | AV_NONBLOCK */
#define IPC_RELEASE    8               /* AV_RELEASE */
#define IPC_INLINE_MAX 8192            /* AV_MSG_INLINE_MAX */
#define IPC_DIRECT_MAX 512             /* DIRECT_MAX: the direct transfer's largest */
#define IPC_SATP_MODE_HI 0x80000       /* satp_make: the mode bit (lui), the root's PPN at bit 0 */

#ifndef __ASSEMBLER__
#define IPC_AT(c, f, v) _Static_assert(offsetof(c, f) == (v), "ipcfast.h: " #c " " #f)
IPC_AT(struct proc, state, P_STATE);
IPC_AT(struct proc, map, P_MAP);
IPC_AT(struct proc, names, P_NAMES);
IPC_AT(struct proc, nnames, P_NNAMES);
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
IPC_AT(struct vmmap, ran, VM_RAN);
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
IPC_AT(struct av_stats, msgs_inline, ST_MSGS_INLINE);
IPC_AT(struct av_stats, msgs_direct, ST_MSGS_DIRECT);
IPC_AT(struct bootinfo, ram_size, BOOT_RAM_SIZE);
_Static_assert(sizeof(struct nameent) == NE_SIZE && sizeof(((struct proc *)0)->state) == 4 &&
               sizeof(((struct proc *)0)->wait) == 4 && sizeof(((struct vmmap *)0)->asid) == 2 &&
               sizeof(((struct nameent *)0)->sendrefs) == 2 && sizeof(struct av_msg_header) == IPC_HDR,
               "ipcfast.h: sizes");
_Static_assert(P_RUNNABLE == IPC_P_RUNNABLE && P_BLOCKED == IPC_P_BLOCKED && W_RECV == IPC_W_RECV &&
               IPC_P_BLOCKED == IPC_W_RECV &&
               W_NONE == 0 && SYS_MSG_RECEIVE == IPC_SYS_RECEIVE && AV_DISP_COPY_SEND == IPC_COPY_SEND &&
               AV_DISP_MAKE_SEND_ONCE == IPC_MAKE_SEND_ONCE && AV_DISP_MOVE_SEND_ONCE == IPC_MOVE_SEND_ONCE &&
               AV_DISP_PORT_SEND_ONCE == IPC_PORT_SEND_ONCE &&
               (AV_SEND_TIMEOUT | AV_RCV_TIMEOUT | AV_NONBLOCK) == IPC_OPTS && AV_RELEASE == IPC_RELEASE &&
               AV_MSG_INLINE_MAX == IPC_INLINE_MAX && DIRECT_MAX == IPC_DIRECT_MAX && AV_USER_TOP == 0x80000000u && AV_NAME_NULL == 0 &&
               ((uint32_t)IPC_SATP_MODE_HI << 12) == VMC_SATP_MODE_SV32 && PAGE_SHIFT == 12 &&
               AV_MSG_GET_DEST(0xff00u) == 0 && AV_MSG_GET_REPLY(0x500u) == 5 && AV_MSG_COMPLEX > 0xffffu,
               "ipcfast.h: constants");
#endif
#endif
