/*
 * Accent-V system-call and message ABI, shared by the kernel and user code.
 * User code includes only this file (and vm_contract.h); kernel internals stay
 * in firmware/kernel/. Everything here is part of the contract between them.
 *
 * System call: ecall with a7 = call number, arguments in a0..a5 (and a6 for
 * SYS_MSG_REPLY_RECEIVE with AV_RELEASE), result in a0
 * (>= 0 success, < 0 one of the AV_E* errors below), second result in a1.
 * Every other register is kept, except by the two round-trip calls,
 * SYS_MSG_RPC and SYS_MSG_REPLY_RECEIVE: they keep sp, gp, tp and s0-s11
 * (the registers a C callee keeps) and clobber ra, t0-t6 and a2-a7, which
 * come back 0 (a1 is the second result), so the kernel's fast path saves
 * and restores only the kept ones. AV_RT_CLOBBERS lists, for inline asm,
 * the clobbered registers that carry no argument (the argument registers
 * a2-a5 and a7 are in-out operands of a stub, their outputs dropped).
 */
#ifndef AV_ABI_H
#define AV_ABI_H
#include <stdint.h>

#define AV_RT_CLOBBERS "ra", "t0", "t1", "t2", "t3", "t4", "t5", "t6", "a6"

/* ---- call numbers ----------------------------------------------------- */
enum {
    SYS_CONSOLE_WRITE = 1,  /* (buf, len) -> len */
    SYS_EXIT          = 2,  /* (status) -> no return */
    SYS_PORT_ALLOCATE = 3,  /* () -> name of a new port, receive right held */
    SYS_PORT_DEALLOCATE = 4,/* (name) -> 0: drop this process's rights under name */
    SYS_PORT_QLIMIT   = 5,  /* (name, limit) -> 0: receiver sets its queue limit */
    SYS_MSG_SEND      = 6,  /* (msg, options, timeout_us) -> 0 */
    SYS_MSG_RECEIVE   = 7,  /* (buf, bufsize, name, options, timeout_us) -> 0; a1 = size */
    SYS_MSG_RPC       = 8,  /* (msg, buf, bufsize, options, timeout_us): send, then
                               receive on msg's reply port */
    SYS_FORK          = 9,  /* () -> child's process port name in parent, 0 in child */
    SYS_SPAWN         = 10, /* (program name, len) -> process port name; name "-":
                               an empty process (no program, never runs) */
    SYS_WAIT          = 11, /* (process port name) -> exit status (blocks) */
    SYS_VM_ALLOCATE   = 12, /* (proc, *addr, size, flags) -> 0 */
    SYS_VM_DEALLOCATE = 13, /* (proc, addr, size) -> 0 */
    SYS_VM_PROTECT    = 14, /* (proc, addr, size, prot) -> 0 */
    SYS_VM_COPY       = 15, /* (proc, src, size, dst) -> 0 */
    SYS_TERMINATE     = 16, /* (proc, status) -> 0: shortcut of AV_REQ_TERMINATE */
    SYS_STATS         = 17, /* (struct av_stats *) -> 0 */
    SYS_AUDIT         = 18, /* () -> 0 when frame table and page tables agree */
    SYS_FREE_FRAMES   = 19, /* () -> frames available: the free stack, the
                               * spare root table and the empty slab the kernel
                               * keeps (given back whenever the stack runs dry) */
    SYS_YIELD         = 20, /* () -> 0 */
    SYS_TIME_US       = 21, /* () -> microseconds since boot (low 32 bits) */
    SYS_PORT_RIGHTS   = 22, /* (name) -> AV_RIGHT_* bits this process holds */
    SYS_PORT_MAKE_SEND = 23,/* (name) -> 0: add a send right from the receive right */
    SYS_BOOTARGS      = 24, /* (buf, len) -> length of the boot options copied */
    SYS_MSG_REPLY_RECEIVE = 25, /* (msg, buf, bufsize, name, options, timeout_us): a
                               * server's reply and next receive in one call. The
                               * receive side (name, buf, options) is checked first;
                               * then msg is sent (msg 0: none), then the receive
                               * as SYS_MSG_RECEIVE; a1 = size. An error of the send
                               * means nothing was received. AV_RELEASE: a6 names
                               * a region to deallocate before the send. */
    SYS_NCALLS
};

/* ---- errors (negated in a0) ------------------------------------------ */
enum {
    AV_OK = 0,
    AV_EINVAL = 1,      /* malformed argument or flag */
    AV_EFAULT = 2,      /* bad user address */
    AV_ENAME = 3,       /* no such port name, or the wrong right */
    AV_EDEAD = 4,       /* port is dead */
    AV_ETIMEDOUT = 5,
    AV_EWOULDBLOCK = 6, /* non-blocking operation could not proceed */
    AV_ENOMEM = 7,
    AV_ENOSPACE = 8,    /* no room in the address space */
    AV_ETOOSMALL = 9,   /* receive buffer too small; a1 = size needed */
    AV_ENOSYS = 10,
    AV_ENORIGHTS = 11,  /* name table full */
    AV_ECHILD = 12,
    AV_EBUSY = 13,
};

/* ---- well-known names every process starts with ------------------------ */
#define AV_NAME_NULL    0u
#define AV_NAME_SELF    1u  /* send right to the own process port */
#define AV_NAME_NOTIFY  2u  /* receive right: kernel notices arrive here */
#define AV_NAME_DEAD    0xffffffffu

/* what SYS_PORT_RIGHTS reports */
#define AV_RIGHT_RECEIVE  1u
#define AV_RIGHT_SEND     2u
#define AV_RIGHT_SENDONCE 4u
#define AV_RIGHT_DEAD     8u

/* ---- vm flags and protections ----------------------------------------- */
#define AV_VM_ANYWHERE  1u
#define AV_PROT_READ    1u
#define AV_PROT_WRITE   2u
#define AV_PROT_EXEC    4u
#define AV_PROT_ALL     7u
#define AV_USER_TOP     0x80000000u /* user addresses lie below */

/* ---- messages ----------------------------------------------------------
 * A message is a header followed by items. Every item is a descriptor word
 * pair, then its payload padded to 4 bytes: inline data, or for out-of-line
 * memory one word, the address. h.size counts the header and all items.
 */
struct av_msg_header {
    uint32_t size;      /* bytes in the whole message */
    uint32_t dest;      /* destination port name (send or send-once right) */
    uint32_t reply;     /* reply port name or AV_NAME_NULL */
    uint32_t id;        /* user-defined operation id */
    uint32_t bits;      /* dispositions of dest/reply, AV_MSG_COMPLEX */
};

/* h.bits: low byte dest disposition, next byte reply disposition */
#define AV_MSG_DEST(d)      ((uint32_t)(d) & 0xffu)
#define AV_MSG_REPLY(d)     (((uint32_t)(d) & 0xffu) << 8)
#define AV_MSG_GET_DEST(b)  ((b) & 0xffu)
#define AV_MSG_GET_REPLY(b) (((b) >> 8) & 0xffu)
#define AV_MSG_COMPLEX      0x10000u /* carries rights or out-of-line memory */

/* port right dispositions */
enum {
    AV_DISP_NONE = 0,
    AV_DISP_COPY_SEND = 1,
    AV_DISP_MOVE_SEND = 2,
    AV_DISP_MAKE_SEND = 3,
    AV_DISP_MOVE_RECEIVE = 4,
    AV_DISP_MAKE_SEND_ONCE = 5,
    AV_DISP_MOVE_SEND_ONCE = 6,
    /* what a receiver finds */
    AV_DISP_PORT_SEND = 7,
    AV_DISP_PORT_SEND_ONCE = 8,
    AV_DISP_PORT_RECEIVE = 9,
};

struct av_item {
    uint8_t kind;       /* AV_ITEM_* */
    uint8_t flags;      /* AV_ITEM_OOL, AV_ITEM_DEALLOC */
    uint8_t disp;       /* for AV_ITEM_PORT: AV_DISP_* */
    uint8_t elsize;     /* bytes per element: 1 bytes, 4 words and ports */
    uint32_t count;     /* number of elements */
    /* then: inline payload padded to 4, or one word (the address) if OOL */
};

enum { AV_ITEM_BYTES = 1, AV_ITEM_WORDS = 2, AV_ITEM_PORT = 3, AV_ITEM_MEMORY = 4 };
#define AV_ITEM_OOL     1u
#define AV_ITEM_DEALLOC 2u

#define AV_MSG_INLINE_MAX 8192u   /* whole message as stored in the kernel */
#define AV_MSG_MAX_ITEMS  64u
#define AV_QLIMIT_DEFAULT 5u
#define AV_QLIMIT_MAX     64u

/* message options */
#define AV_SEND_TIMEOUT   1u   /* timeout_us applies to the send */
#define AV_RCV_TIMEOUT    2u   /* timeout_us applies to the receive */
#define AV_NONBLOCK       4u   /* do not wait at all */
/* SYS_MSG_REPLY_RECEIVE only (elsewhere -AV_EINVAL): a6 is an address, and
 * after the receive side is checked and before the reply is sent, the region
 * of the caller's that holds it is deallocated, as SYS_VM_DEALLOCATE of it
 * would: all that one vm_allocate, or one out-of-line item received, mapped
 * there (less what was deallocated since; vm_protect of part of it splits
 * it). For a server, the data of the request it answers, gone in the same
 * call. No region there: -AV_EFAULT and nothing sent. Done once: an error
 * of the send, or a restart, leaves the release done. */
#define AV_RELEASE        8u

/* ---- requests to a process port (the kernel receives on it) ------------ */
/* A request carries one words item (its arguments), and for WRITE_MEM then
 * a bytes item. The reply (to the request's reply port) has id | REPLY_BIT,
 * a words item {result, value} and for GET_REGS / READ_MEM a bytes item. */
enum {
    AV_REQ_TERMINATE = 0x100,   /* words: status */
    AV_REQ_SUSPEND   = 0x101,
    AV_REQ_RESUME    = 0x102,
    AV_REQ_VM_ALLOCATE = 0x103, /* words: addr, size, flags; value: the address */
    AV_REQ_VM_DEALLOCATE = 0x104, /* words: addr, size */
    AV_REQ_VM_PROTECT = 0x105,  /* words: addr, size, prot */
    AV_REQ_GET_REGS  = 0x106,   /* reply bytes: pc, then x1..x31 (32 words) */
    AV_REQ_READ_MEM  = 0x107,   /* words: addr, len (<= AV_REQ_MEM_MAX); reply bytes */
    AV_REQ_WRITE_MEM = 0x108,   /* words: addr; then a bytes item */
    AV_REQ_SET_REGS  = 0x109,   /* words: none (count 0); then bytes: pc, x1..x31 */
    AV_REQ_REPLY_BIT = 0x1000,  /* reply id = request id | this */
};
#define AV_REQ_MEM_MAX 512u

/* ---- kernel notices (sent to notify ports; bypass queue limits) -------- */
enum {
    AV_NOTICE_PORT_DELETED = 0x200, /* one word item: the name that died */
    AV_NOTICE_PROC_ENDED   = 0x201, /* words: process port name, status */
};

/* ---- statistics (SYS_STATS) ------------------------------------------- */
enum { AV_FAULT_ZFILL, AV_FAULT_COW_COPY, AV_FAULT_COW_LAST, AV_FAULT_REFILL,
       AV_FAULT_PT, AV_NFAULTKINDS };

struct av_stats {
    uint64_t cycles_user, cycles_kernel, cycles_idle, cycles_total;
    uint64_t cycles_fastpath;   /* user time the microcode's refill and fault routines took */
    uint64_t refill_walks;      /* U-mode TLB misses the microcode walked (hpmcounter4) */
    uint32_t faults[AV_NFAULTKINDS];        /* faults the C handlers served */
    uint64_t fault_cycles[AV_NFAULTKINDS];  /* their cycles */
    uint32_t pages_lazy;        /* pages allocated lazily (zero-fill entries made) */
    uint32_t pages_framed;      /* pages ever given a frame by a fault */
    uint32_t pages_cow_shared;  /* pages shared copy-on-write (OOL, vm_copy, fork) */
    uint32_t pages_cow_copied;  /* of those, copied by a fault */
    uint32_t msgs_inline, msgs_ool;
    uint64_t bytes_inline, bytes_ool;
    uint32_t pages_remapped;
    uint32_t fastpaths;         /* fpen value in use (0 on QEMU) */
    uint32_t msgs_direct;       /* copied straight to a waiting receiver (no queue): inline, or one out-of-line item */
    uint32_t cycles_remap;      /* cycles inside remap itself (wraps): the custom-1
                                 * instructions, or a remap done all in C */
    uint32_t rt_legs_kernel;    /* RPC and reply-and-receive calls the kernel ran (its
                                 * assembly path, then maybe C): the round trip's
                                 * microcode off, or it refused them */
    uint32_t faults_fast[AV_NFAULTKINDS];   /* faults the microcode served: the fault
                                 * routines count zero-fill and copy-on-write here
                                 * themselves (VM contract ST_*); refill is refill_walks */
    uint32_t cycles_fast[AV_FAULT_PT];      /* their cycles, as the microcode timed
                                 * itself (ST_CYC_*; wraps); refill's are hpmcounter3 */
};

#endif
