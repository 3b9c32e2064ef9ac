/*
 * The kernel's internal header: shared structures and every cross-file
 * function, grouped by the file that defines it (xv6 habit). User code never
 * includes this; the user-visible ABI is firmware/include/av_abi.h.
 *
 * Kernel memory layout (virtual, identical in every address space):
 *
 *   0x0000_0000 .. 0x7fff_ffff  user (sparse Sv32 process map)
 *   0x8000_0000 .. RAM end      all RAM, identity mapped: global, S-only
 *                               megapages (kernel text/data/bss, frame table,
 *                               free stack, pools, page tables, every frame)
 *   KVA_UART   (0xff00_0000)    megapage alias of the UART
 *   KVA_LOW    (0xff40_0000)    megapage alias of 0..4 MiB (test finisher)
 */
#ifndef K_KERNEL_H
#define K_KERNEL_H
#include <stdint.h>
#include <stdarg.h>
#include <stddef.h>
#include "av_abi.h"
#include "kassert.h"
#include "region.h"
#include "frame.h"
#include "kalloc.h"
#include "runq.h"

/* The message path (traps, calls, messages, names, scheduling): linked
 * together after the entry (kernel.ld), so it runs from a few pages and
 * the core's one-entry fetch-page register misses less. */
#define HOT __attribute__((section(".text.hot")))
/* Tight loops (page clears and copies, table scans, user copies): linked
 * first, in the entry's page, so no loop straddles a page boundary (each
 * iteration would miss the fetch-page register twice). */
#define LOOP __attribute__((section(".text.loop")))

#define KVA_UART 0xff000000u
#define KVA_LOW  0xff400000u
#define USER_TEXT_BASE  0x00010000u
#define USER_STACK_TOP  0x00400000u
#define USER_STACK_SIZE 0x00010000u
#define USER_LOW        0x00001000u     /* page 0 is never mapped */

typedef uint32_t pte_t;

struct bootinfo {
    uint32_t ram_base, ram_size, timebase, fdt_addr, fdt_size;
    const char *bootargs;
};

/* ---- address spaces ---------------------------------------------------- */
struct vmmap {
    pte_t *root;                       /* physical = kernel virtual */
    uint16_t asid;
    uint8_t ran;                       /* satp has held it (its ASID may be in the TLB) */
    struct region *regions;
    uint16_t l1_lo, l1_hi;             /* root entries [lo, hi) may hold tables */
    uint32_t top;                      /* no region has ever reached above it, so no
                                          table entry from there on was ever written */
};

/* ---- ports --------------------------------------------------------------- */
struct kmsg;
struct proc;
struct port {
    struct proc *receiver;             /* holder of the receive right, or NULL */
    struct proc *kproc;                /* a process port: the kernel receives */
    struct port *carrier;              /* in transit: the port whose queue holds
                                          the message carrying our receive right */
    struct kmsg *qhead, *qtail;
    uint32_t qlen, qlimit;
    uint32_t refs;                     /* names, queued rights, kernel holds */
    uint32_t named;                    /* name-table entries naming it (dead ones too) */
    uint8_t dead;
};

struct nameent {
    struct port *port;                 /* NULL: free slot */
    uint16_t sendrefs;                 /* send rights under this name */
    uint8_t recv, sendonce, dead;
};

/* ---- messages (kernel form: the user layout with names replaced) ---------- */
#define KMSG_PAGES ((AV_MSG_INLINE_MAX + 4095) / 4096)
struct kmsg {
    struct kmsg *next;
    uint32_t size;                     /* body bytes (header included) */
    uint8_t *small;                    /* body when size <= 2048 */
    uint8_t *pg[KMSG_PAGES];           /* body in page chunks otherwise */
    struct port *dest, *reply;
    uint8_t reply_disp;                /* AV_DISP_PORT_SEND[_ONCE] or 0 */
    uint8_t notice;                    /* kernel notice: bypasses queue limits */
    uint32_t ool_pages;                /* transit pages held */
};

/* ---- processes ------------------------------------------------------------ */
struct trapframe {
    uint32_t r[32];                    /* r[0]: kernel stack top (x0 is zero) */
    uint32_t pc;
};

#define NAMES0 8                       /* a new process's name table (grows from the pool) */
enum pstate { P_FREE, P_RUNNABLE, P_BLOCKED, P_ZOMBIE };
enum pwait { W_NONE, W_SEND, W_RECV, W_CHILD };

struct proc {
    struct trapframe tf;               /* first: trapvec.S relies on it */
    enum pstate state;
    uint32_t pid;
    struct vmmap map;
    struct nameent *names;             /* names0 until the table grows */
    uint32_t nnames, nquota;          /* table size now, and its limit */
    struct port *self;                 /* the process port */
    struct proc *parent;
    union {
        int32_t status;                /* the exit status: a zombie's */
        uint32_t rt_rport;             /* while it lives, the round trip's receive
                                          record (docs/ipc-microcode.md): the port
                                          of the receive a fast leg blocked it in,
                                          every check of that receive made (its
                                          name in rpc_reply); 0: none. There only
                                          while so blocked: cleared by every wake-up
                                          (proc_wake_one, ipcfast.S, the microcode),
                                          proc_block, every change to its names and
                                          a frame set from outside (rt_forget) */
    };
    uint8_t suspended;
    uint8_t kids;                      /* processes (zombies too) whose parent it is */
    /* blocking: the call restarts when woken, these survive the restart */
    enum pwait wait;
    void *wait_obj;
    uint8_t has_deadline, rpc_sent;
    uint8_t in_call;                   /* blocked in a call: it restarts in the kernel */
    uint8_t lean;                      /* tf saved by rt_entry: only what the round-trip
                                          calls keep (trapvec.S; P_LEAN in gprsave.h) */
    struct rqnode rq;                  /* run queue link */
    uint32_t rpc_reply;                /* reply name of an RPC whose send is done */
    uint32_t pname;                    /* the parent's name for the process port, as
                                          given (proc_exit checks it still is) */
    uint64_t deadline;                 /* in mtime ticks */
    char name[16];
    struct nameent names0[NAMES0];     /* the first table: no allocation of its own */
    uint32_t rt_blk;                   /* &rt_blk for the round trip's microcode (rt.c);
                                          set at each return to user (kernel_to_user) */
    uint32_t satp;                     /* its map's satp value (vm_create's), which the
                                          round trip's switch writes */
    uint32_t name_hint;                /* no free name slot below it (>= 1), so a search
                                          for the lowest free slot starts here: names.c
                                          free_slot, msg.c name_add_once, proc.c
                                          name_in_parent, ipcfast.S and the round
                                          trip's microcode (check 19). Every slot freed
                                          lowers it to its name (names.c name_drop,
                                          ipcfast.S, the microcode's commit 2); C may
                                          raise it past a slot it takes there
                                          (docs/ipc-microcode.md "Status (session 12)") */
};

/* The round trip's block (rt.c; layout: firmware/include/rt_contract.def):
 * what the microcode reads and writes of the kernel's globals, kept in one
 * block so that it reaches each at a constant offset from the one address
 * every process holds (rt_blk), with no pointer to load first. go bit 0 is
 * kept equal to "path on, and ipcfast.S's direct switch allowed now" by
 * rt_go_update wherever one of its terms changes. The kernel's own names
 * for the globals are the macros below (the assembly's: ipcfast.h). */
struct rt_blk {
    uint32_t go;
    int32_t qb_limit;
    uint32_t queued;                    /* queued_bytes: in port queues (port_full) */
    uint32_t fast;                      /* legs counted in msgs_inline and msgs_direct */
    struct vmmap *active;               /* vm_active: the map satp holds (vm_activate) */
    struct proc *cur;                   /* curproc */
    struct proc *next;                  /* handoff: set by sched_handoff, run it next */
    uint32_t flags;                     /* RTC_FLAGS_BLOCKED (rt.c) */
};
extern struct rt_blk rt_blk;
#define queued_bytes (rt_blk.queued)
#define vm_active (rt_blk.active)
#define curproc (rt_blk.cur)
#define handoff (rt_blk.next)

extern struct proc *procs;
/* The receive record goes stale: p's names or frame change, or p blocks
 * some other way (struct proc rt_rport). */
static inline void rt_forget(struct proc *p) { p->rt_rport = 0; }
extern uint32_t nprocs;
extern struct bootinfo boot;
extern uint32_t fastpaths;             /* 0x5C0 in use; 0 when absent */
extern int has_fpcsrs;
extern struct av_stats stats;
extern int opt_preempt;

/* console.c */
void console_set_base(uint32_t va);
void console_putc(char c);
void console_write(const char *s, uint32_t n);
struct vmmap;
int32_t console_user(struct vmmap *m, uint32_t buf, uint32_t len);
void kprintf(const char *fmt, ...);   /* %d %u %x %p %s %c, ll for 64-bit; int and long are both 32-bit */
void kvprintf(const char *fmt, va_list ap);

/* mem.c */
uint64_t udiv64(uint64_t n, uint32_t d, uint32_t *rem);

/* fdt.c */
int fdt_parse(uint32_t addr, struct bootinfo *bi);
const char *str_skip(const char *s, const char *prefix);    /* s after prefix, or NULL */

/* main.c */
extern int32_t init_status;
const char *boot_args(void);
void shutdown(void) __attribute__((noreturn));
void machine_finish(uint32_t code) __attribute__((noreturn));
void sbi_set_timer(uint64_t t);
int sbi_load_ucode(uint32_t pa, uint32_t n);

/* vm.c: page tables and the fault handlers (C twins of the fast paths) */
void kvm_init(void);
uint32_t vm_create(struct vmmap *m, uint32_t asid);   /* its satp value; 0: no memory */
void vm_destroy(struct vmmap *m);
int vm_allocate(struct vmmap *m, uint32_t *addr, uint32_t size, uint32_t flags, uint32_t prot);
int vm_deallocate(struct vmmap *m, uint32_t addr, uint32_t size);
int vm_protect(struct vmmap *m, uint32_t addr, uint32_t size, uint32_t prot);
int vm_copy(struct vmmap *m, uint32_t src, uint32_t size, uint32_t dst);
int vm_fork(struct vmmap *child, struct vmmap *parent);
int vm_map_frame(struct vmmap *m, uint32_t va, uint32_t ppn, uint32_t prot);
/* address; 0 no room, 1 no memory */
uint32_t vm_place(struct vmmap *m, uint32_t lo, uint32_t hi, uint32_t len, uint32_t prot);
int unmap_range(struct vmmap *m, uint32_t start, uint32_t end);   /* regions gone already */
enum { ACC_FETCH, ACC_LOAD, ACC_STORE };
const char *vm_fault(struct vmmap *m, uint32_t va, int acc, int from_user);
int copyin(struct vmmap *m, void *dst, uint32_t uva, uint32_t n);
int copyout(struct vmmap *m, uint32_t uva, const void *src, uint32_t n);
int vm_prepare(struct vmmap *m, uint32_t uva, uint32_t n);
static inline int vm_range_ok(uint32_t addr, uint32_t size)
{
    return addr < AV_USER_TOP && size <= AV_USER_TOP - addr;
}
void vm_refill(struct vmmap *m, uint32_t va, int acc);
void vm_activate(struct vmmap *m);
pte_t *vm_walk(struct vmmap *m, uint32_t va, int create);
uint32_t vm_remap(struct vmmap *src, uint32_t sva, struct vmmap *dst, uint32_t dva, uint32_t pages);
uint32_t vm_take(struct vmmap *dst, uint32_t dva, uint32_t tva, uint32_t pages);
void vm_count_leaves(struct vmmap *m, int delta);
/* vm.c's helpers that vmops.c shares */
uint32_t prot_bits(uint32_t prot);     /* AV_PROT_* -> PTE permission bits, U set */
pte_t zfill_pte(uint32_t prot);        /* the zero-fill entry of a page of prot */
void release_pte(pte_t *pte);          /* drop what an entry holds, leave it empty */
pte_t share_cow(pte_t *src, uint32_t dst_bits);
int check_range(uint32_t addr, uint32_t size);  /* page aligned, user, not page 0 */
pte_t *pt_alloc(void);                 /* a zeroed second-level table, or NULL */
void mark_l1(struct vmmap *m, uint32_t va);     /* root entry VPN1(va) may hold a table */
/* Of n pages from va, those in va's second-level table. */
static inline uint32_t table_run(uint32_t va, uint32_t n)
{
    uint32_t left = 1024 - ((va >> 12) & 1023);   /* 1024 - VPN0(va) */
    return n < left ? n : left;
}
extern struct vmmap transit;
extern pte_t *spare_root;              /* a clean root kept for the next map */
extern struct region *region_kept;     /* a node vm_release kept for vm_place */
void vm_unkeep_node(void);             /* region_kept given back (there is one) */
/* Every caller tests first: most have no node kept (the free-frame count, a
 * reclaim), and the test costs less than the call. */
static inline void vm_unkeep(void) { if (region_kept) vm_unkeep_node(); }

/* proc.c */
void proc_init(void);
struct proc *proc_alloc(const char *name);
void proc_free_unstarted(struct proc *p);
void proc_exit(struct proc *p, int32_t status, const char *why);
void proc_reap(struct proc *p);
void orphan_kids(struct proc *p);    /* request.c */
int proc_fork(struct proc *parent);
int proc_spawn(struct proc *parent, const char *prog, uint32_t len);
void proc_block(struct proc *p, enum pwait w, void *obj);
void proc_wake(enum pwait w, void *obj);
void proc_wake_port(struct port *pt);   /* proc_wake of W_SEND and W_RECV on pt */
void proc_wake_one(struct proc *p);
void proc_ready(struct proc *p);
struct proc *proc_receiving(struct port *pt);
void proc_wake_receiver(struct port *pt);       /* proc_wake_one of proc_receiving(pt) */
void timer_disarm(void);
void schedule(void) __attribute__((noreturn));
void sched_handoff(struct proc *p);
extern uint32_t nwaiting[W_CHILD + 1]; /* blocked processes per wait kind */
uint64_t now_ticks(void);
uint64_t us_to_ticks(uint32_t us);
uint32_t proc_live(void);

/* trap.c and trapvec.S */
void trap_init(void);
void utrap(struct trapframe *tf);
void trap_tail(void) __attribute__((noreturn));
void rt_general(struct proc *p) __attribute__((noreturn));
void rt_leave(struct proc *r) __attribute__((noreturn));
void user_return(struct trapframe *tf) __attribute__((noreturn));
int probe_fpcsrs(void);
void kernel_to_user(struct proc *p) __attribute__((noreturn));
void run_on_kstack(struct proc *p, void (*fn)(struct proc *)) __attribute__((noreturn));
void idle_wait(void);
void ktrap(void);
int ucopy(void *dst, const void *src, uint32_t n);
int utouch(uint32_t uva);

/* syscall.c */
void syscall(struct proc *p);
void fastpaths_switch(void);          /* boot option fpswitch (main.c) */
extern int fp_switching;              /* fastpaths_switch is due at each trap */
uint64_t cycles_window(void);         /* trap.c: cycles from boot to the last trap */
void sys_return(struct proc *p, int32_t a0);
#define K_BLOCKED 0x7fff0000      /* a call that blocked: it restarts when woken */
int32_t wait_or_fail(struct proc *p, uint32_t opts, uint32_t flag, uint32_t timeout,
                     enum pwait w, void *obj);

/* names.c: per-process name tables */
/* Tables start in the process entry (names0, zero while the entry is free)
 * and grow from the kernel pool up to the quota (at least NAMES0). */
static inline void names_init(struct proc *p, uint32_t quota)
{
    p->names = p->names0;
    p->nnames = NAMES0;
    p->nquota = quota;
    p->name_hint = 1;
}
void names_free_table(struct proc *p);
int names_grow(struct proc *p, uint32_t n);
struct nameent *name_lookup(struct proc *p, uint32_t name);
/* name_lookup inline, for the direct transfer (msg.c send_direct), where
 * the call's cost shows */
static inline __attribute__((always_inline)) struct nameent *name_at(struct proc *p, uint32_t name)
{
    if (name == 0 || name >= p->nnames || !p->names[name].port)
        return NULL;
    return &p->names[name];
}
uint32_t name_of_port(struct proc *p, struct port *port);
int32_t name_insert(struct proc *p, struct port *port, int right);
int name_release(struct proc *p, uint32_t name, int right);
uint32_t names_free_slots(struct proc *p, uint32_t want);
void names_drop_all(struct proc *p);
void name_drop(struct proc *p, uint32_t n);
/* p's lowest free name slot, searched from its hint (none is free below
 * it), or p->nnames when the table is full: the one search of C's three
 * ways to take a slot (names.c free_slot, msg.c name_add_once, proc.c
 * name_in_parent); in line, as they are hot */
static inline uint32_t name_free(const struct proc *p)
{
    uint32_t n = p->name_hint;
    for (const struct nameent *e = p->names + n; n < p->nnames && e->port; e++)
        n++;
    return n;
}
/* in line: a call that returns after name_drop would cost names.c's
 * callers (built -msave-restore) the shared register saves */
static inline int32_t name_deallocate(struct proc *p, uint32_t name)
{
    struct nameent *e = name_at(p, name);
    if (!e)
        return -AV_ENAME;
    rt_forget(p);
    name_drop(p, name);
    return 0;
}
uint32_t name_rights(struct proc *p, uint32_t name);

/* port.c */
/* A fresh port (zeroed by kmalloc), or NULL; in line: the process's two
 * ports are made at each create */
static inline struct port *port_alloc(void)
{
    struct port *pt = kmalloc(sizeof *pt);
    if (pt)
        pt->qlimit = AV_QLIMIT_DEFAULT;
    return pt;
}
void port_ref(struct port *pt);
void port_unref(struct port *pt);
void port_destroy(struct port *pt);
void port_destroy_unref(struct port *pt);       /* port_destroy, then port_unref */
void port_enqueue(struct port *pt, struct kmsg *km);
struct kmsg *port_dequeue(struct port *pt);
int port_full(struct port *pt);
void port_notice(struct proc *to, uint32_t id, uint32_t w0, uint32_t w1);
void port_release_right(struct port *pt, int right);

/* msg.c */
int32_t msg_send(struct proc *p, uint32_t umsg, uint32_t opts, uint32_t timeout, uint32_t *reply_out);
int vm_release(struct proc *p);
int unmap_region(struct vmmap *m, struct region **link);   /* (vm_release) */
int unmap_freed(struct vmmap *m, struct region *x, struct region *was);
/* vm.c's cold parts, in vmops.c with the shared saves: a missing table
 * made, a copy through a map not active, vm_place's new node */
pte_t *walk_make(struct vmmap *m, uint32_t va, pte_t *l1);
int uaccess(struct vmmap *m, void *dst, const void *src, uint32_t uva, uint32_t n, int touch);
uint32_t place_link(struct vmmap *m, struct region **link, struct region *n, uint32_t at,
                    uint32_t len, uint32_t prot);
uint32_t place_new(struct vmmap *m, struct region **link, uint32_t at, uint32_t len, uint32_t prot);
void free_tables(struct vmmap *m, pte_t *root);   /* (vm_destroy) */
pte_t unmap_spans(struct vmmap *m, uint32_t start, uint32_t end);  /* (unmap_range's general case) */
uint32_t span_entries(struct vmmap *m, uint32_t span);  /* a table's entries below the map's top */
/* Release a table's n entries from l2 (vmloop.S, in assembly: no frame on
 * its common path); returns the released entries ORed together. */
pte_t release_ptes(pte_t *l2, uint32_t n);
/* vm.c's remap instruction (up to 64 pages, the pages done) and vmops.c's
 * loop over it and its C twin (vm_remap beyond what one instruction does) */
extern uint32_t remap_desc[];            /* VMC_RD_WORDS: vm.c, ipcool.S */
uint32_t remap_insn(struct vmmap *src, uint32_t sva, struct vmmap *dst, uint32_t dva, uint32_t pages);
uint32_t remap_loop(struct vmmap *src, uint32_t sva, struct vmmap *dst, uint32_t dva, uint32_t pages);
int32_t msg_receive(struct proc *p, uint32_t ubuf, uint32_t bufsize, uint32_t name,
                    uint32_t opts, uint32_t timeout, uint32_t *size_out);
struct kmsg *kmsg_alloc(uint32_t size);
void kmsg_destroy(struct kmsg *km);
void kmsg_free(struct kmsg *km);
void kmsg_copy(struct kmsg *km, uint32_t off, void *buf, uint32_t n, int in);
static inline void kmsg_write(struct kmsg *km, uint32_t off, const void *src, uint32_t n)
{
    kmsg_copy(km, off, (void *)(uintptr_t)src, n, 1);
}
static inline void kmsg_read(struct kmsg *km, uint32_t off, void *dst, uint32_t n)
{
    kmsg_copy(km, off, dst, n, 0);
}
#define DIRECT_MAX 512u           /* the largest message the direct transfer takes */
int send_direct(struct proc *p, struct proc *r, const struct av_msg_header *h, uint32_t umsg,
                struct port *dest, struct port *reply, int32_t *err);
struct recv_args { uint32_t buf, name; };     /* (two words: returned in a0/a1) */

/* request.c: messages to process ports */
int32_t proc_request(struct proc *sender, struct port *pt, struct kmsg *km,
                     struct port *reply, uint32_t rdisp, uint32_t rname);

/* elf.c and the packed programs */
int elf_load(struct proc *p, const char *prog, uint32_t len);

/* stats.c and audit.c */
void stats_print(void);
int audit(int verbose);
void stats_fault(int kind, uint64_t cycles);
void stats_init(void);
void stats_snapshot(struct av_stats *s);

/* rt.c: the round trip's microcode contract (docs/ipc-microcode.md), and
 * the block it reads: struct rt_blk, above. */
extern uint8_t rt_on;
void rt_init(int force);            /* boot option rtforce (main.c) */
void rt_go_calc(void);
static inline void rt_go_update(void)
{
    if (rt_on)
        rt_go_calc();
}

/* rights as name_insert/name_release know them */
enum { R_SEND = 1, R_RECV = 2, R_SENDONCE = 3 };

#endif
