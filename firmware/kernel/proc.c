/*
 * Processes and the scheduler. A process is an address space, a name table
 * and a trapframe; it is named by its process port, on which the kernel
 * receives. Scheduling is round-robin, preempted by the timer unless the
 * boot option "nopreempt" is given. A blocked process leaves its pc on the
 * ecall, so waking it simply restarts the call (the waiting state that must
 * survive the restart, deadline and RPC phase, lives in struct proc). The
 * restart happens in the kernel, in the woken process's map, without a
 * return to user mode first (trap.c).
 *
 * Cost matters here (a message round trip switches twice): runnable
 * processes wait in a FIFO run queue (runq.c); a wake-up scans the table
 * only when a process waits for that kind of event (counts per kind), and a
 * receiver is found from its port; deadlines are scanned only once the
 * earliest may have passed; the timer is re-armed only when its target
 * changes, and a hand-off keeps the running quantum.
 */
#include <string.h>
#include "kernel.h"
#include "riscv.h"

struct proc *procs;
uint32_t nprocs;
int opt_preempt = 1;
static uint32_t next_pid = 1;
static uint32_t name_quota;
static struct runq runq;
uint32_t nwaiting[W_CHILD + 1];        /* blocked processes per wait kind (port.c reads it) */
/* (ipcfast.S reads these two: its switch needs neither set) */
uint64_t deadline_min = ~0ull;         /* at most every blocked process's deadline */
uint64_t armed = ~0ull;                /* the timer's target as last set */
static uint64_t slice_end, quantum;    /* the running quantum, its length in ticks */

void proc_init(void)
{
    /* sized from RAM: 128 KiB gets 4 processes; one frame holds the table */
    nprocs = boot.ram_size / (32 * 1024);
    if (nprocs < 4)
        nprocs = 4;
    if (nprocs > PAGE_SIZE / sizeof(struct proc))
        nprocs = PAGE_SIZE / sizeof(struct proc);
    name_quota = boot.ram_size >= (1u << 20) ? 64 : 16;
    uint32_t bytes = nprocs * sizeof(struct proc);
    procs = bytes <= 2048 ? kmalloc(bytes) : kpage_alloc();
    KASSERT(procs);
    quantum = us_to_ticks(10000);
}

uint64_t now_ticks(void) { return rdtime64(); }
uint64_t us_to_ticks(uint32_t us) { return udiv64((uint64_t)us * boot.timebase, 1000000u, NULL); }

uint32_t proc_live(void)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < nprocs; i++)
        if (procs[i].state == P_RUNNABLE || procs[i].state == P_BLOCKED)
            n++;
    return n;
}

/* proc_alloc clears the trapframe and the fields from parent on; those
 * between (state .. self) it sets, each of them (vm_create the whole map) */
_Static_assert(offsetof(struct proc, state) == sizeof(struct trapframe) &&
               offsetof(struct proc, map) == offsetof(struct proc, pid) + 4 &&
               sizeof(struct vmmap) == 20 &&
               offsetof(struct proc, names) == offsetof(struct proc, map) + sizeof(struct vmmap) &&
               offsetof(struct proc, self) == offsetof(struct proc, nquota) + 4 &&
               offsetof(struct proc, parent) == offsetof(struct proc, self) + 4,
               "proc_alloc: a field of struct proc neither cleared nor set");
#define PROC_CLEAR_FROM offsetof(struct proc, parent)
_Static_assert(offsetof(struct proc, names0) - PROC_CLEAR_FROM <= KZERO_MAX &&
               sizeof(struct trapframe) <= KZERO_MAX, "proc_alloc: kzero's limit");

struct proc *proc_alloc(const char *name)
{
    struct proc *p = NULL;
    uint32_t i;
    for (i = 0; i < nprocs; i++)
        if (procs[i].state == P_FREE) {
            p = &procs[i];
            break;
        }
    if (!p)
        return NULL;
    /* names0 is zero already: a table's entries are cleared as its
     * process ends (names_drop_all), and names_grow clears names0 */
    kzero(p, 0, sizeof p->tf);
    kzero((char *)p + PROC_CLEAR_FROM, 0, offsetof(struct proc, names0) - PROC_CLEAR_FROM);
    /* the name first, so that no register keeps it across the calls (an
     * entry left free keeps it harmlessly: the next allocation clears it) */
    for (char *d = p->name; *name && d < p->name + sizeof p->name - 1;)
        *d++ = *name++;                /* zeroed above: no padding to write */
    if (!(p->satp = vm_create(&p->map, i + 1)))
        return NULL;
    names_init(p, name_quota);
    struct port *self = port_alloc();
    p->self = self;
    if (!self)
        goto fail_names;
    self->kproc = p;
    self->refs = 1;                    /* the kernel's own hold, dropped at reap */
    struct port *notify = port_alloc();
    if (!notify)
        goto fail_self;
    /* names 1 (a send right to its own port) and 2 (the receive right of
     * its notify port), written straight into the empty table (only the
     * non-zero fields): both ports are fresh, so name_insert's searches
     * would find nothing */
    struct nameent *e = p->names;
    e[AV_NAME_SELF].port = self;
    e[AV_NAME_SELF].sendrefs = 1;
    self->named = 1;
    self->refs = 2;
    e[AV_NAME_NOTIFY].port = notify;
    e[AV_NAME_NOTIFY].recv = 1;
    notify->named = 1;
    notify->refs = 1;
    notify->receiver = p;
    p->pid = next_pid++;
    p->state = P_BLOCKED;              /* not runnable until set up */
    p->wait = W_NONE;
    return p;
fail_self:
    port_destroy(self);
    port_unref(self);
fail_names:
    names_drop_all(p);
    names_free_table(p);
    vm_destroy(&p->map);
    p->state = P_FREE;
    return NULL;
}

/* Undo proc_alloc for a process that never ran. */
void proc_free_unstarted(struct proc *p)
{
    p->parent = NULL;
    proc_exit(p, -1, NULL);
}

void proc_exit(struct proc *p, int32_t status, const char *why)
{
    if (p->state == P_FREE || p->state == P_ZOMBIE)
        return;
    if (p->state == P_BLOCKED && p->wait != W_NONE) {
        nwaiting[p->wait]--;
        p->wait = W_NONE;              /* no wake-up below may find it */
    }
    if (handoff == p)
        handoff = NULL;
    if (why && status == -1 && p->pid == 1)
        kprintf("[init ended: %s]\n", why);
    names_drop_all(p);
    vm_destroy(&p->map);
    p->status = status;
    p->state = P_ZOMBIE;
    if (p->rq.queued)
        rq_remove(&runq, &p->rq);      /* (most that end are not queued) */
    if (p->pid == 1)
        init_status = status;
    struct proc *par = p->parent;
    if (par && par->state == P_BLOCKED && par->wait == W_CHILD && par->wait_obj == p)
        proc_wake_one(par);            /* only the parent waits for a child */
    if (par) {
        /* the parent's name for p's port: the one it was given, unless
         * that entry names something else now (a port has one name in a
         * table, send-once rights apart, so the hint is name_of_port's
         * answer whenever it holds) */
        uint32_t n = p->pname;
        if (n >= par->nnames || par->names[n].port != p->self || par->names[n].sendonce)
            n = name_of_port(par, p->self);
        port_notice(par, AV_NOTICE_PROC_ENDED, n, (uint32_t)status);
    }
    if (p->kids)
        orphan_kids(p);
    if (!p->parent)
        proc_reap(p);
    if (p == curproc)
        curproc = NULL;
}

/* proc_reap's end for a table that grew (from the pool) */
static __attribute__((noinline)) void reap_grown(struct proc *p, struct port *self)
{
    names_free_table(p);
    port_destroy_unref(self);
}

/* Free a zombie: its process port dies (holders get notices). */
void proc_reap(struct proc *p)
{
    KASSERT(p->state == P_ZOMBIE);
    if (p->parent)
        p->parent->kids--;
    struct port *self = p->self;
    p->self = NULL;
    self->kproc = NULL;
    /* the entry is free before its port dies (the port's teardown skips
     * free entries, and p's table is gone by then): one call, a tail
     * call, so no frame */
    p->state = P_FREE;
    if (p->names == p->names0) {
        p->names = NULL;
        p->nnames = 0;
        port_destroy_unref(self);
    } else {
        reap_grown(p, self);
    }
}

/* The parent's send right to a new process's port. Only the child's own
 * table names that fresh port, so the right takes the parent's first free
 * slot (all zero) without name_insert's search for an existing name; with
 * none free, name_insert grows the table (told no table names the port). */
static __attribute__((noinline)) int32_t name_in_parent_grow(struct proc *parent, struct proc *c)
{
    struct port *pt = c->self;
    pt->named--;
    int32_t name = name_insert(parent, pt, R_SEND);
    pt->named++;
    c->pname = (uint32_t)name;        /* (negative: no name, and no parent either) */
    return name;
}

static int32_t name_in_parent(struct proc *parent, struct proc *c)
{
    struct port *pt = c->self;
    uint32_t n = name_free(parent);
    if (n == parent->nnames)
        return name_in_parent_grow(parent, c);
    struct nameent *e = &parent->names[n];
    e->port = pt;
    e->sendrefs = 1;
    pt->named++;
    pt->refs++;
    c->pname = n;
    parent->name_hint = n + 1;
    return (int32_t)n;
}

int proc_fork(struct proc *parent)
{
    struct proc *c = proc_alloc(parent->name);
    if (!c)
        return -AV_ENOMEM;
    if (vm_fork(&c->map, &parent->map) < 0) {
        proc_free_unstarted(c);
        return -AV_ENOMEM;
    }
    /* the child inherits send rights under the same names, never receive */
    if (names_grow(c, parent->nnames) < 0) {
        proc_free_unstarted(c);
        return -AV_ENOMEM;
    }
    for (uint32_t n = AV_NAME_NOTIFY + 1; n < parent->nnames && n < c->nnames; n++) {
        struct nameent *e = &parent->names[n];
        if (e->port && e->sendrefs && !e->dead) {
            c->names[n].port = e->port;
            e->port->named++;
            c->names[n].sendrefs = 1;
            port_ref(e->port);
        }
    }
    int32_t name = name_in_parent(parent, c);
    if (name < 0) {
        proc_free_unstarted(c);
        return name;
    }
    c->tf = parent->tf;
    c->tf.pc += 4;
    c->tf.r[10] = 0;
    c->tf.r[11] = 0;
    c->parent = parent;
    parent->kids++;
    c->state = P_RUNNABLE;
    proc_ready(c);
    return name;
}

/* prog: len characters and a NUL (sys_spawn and kmain make it so). */
int proc_spawn(struct proc *parent, const char *prog, uint32_t len)
{
    struct proc *c = proc_alloc(prog);
    if (!c)
        return -AV_ENOMEM;
    /* "-": an empty process (address space, ports, no program) that never
     * runs until terminated: what the create + destroy benchmark measures */
    int empty = len == 1 && prog[0] == '-';
    int e = empty ? 0 : elf_load(c, prog, len);
    if (e < 0) {
        proc_free_unstarted(c);
        return e;
    }
    int32_t name = 0;
    if (parent) {
        name = name_in_parent(parent, c);
        if (name < 0) {
            proc_free_unstarted(c);
            return name;
        }
        c->parent = parent;
        parent->kids++;
    }
    if (!empty) {
        c->state = P_RUNNABLE;
        proc_ready(c);
    }
    return name;
}

HOT void proc_block(struct proc *p, enum pwait w, void *obj)
{
    rt_forget(p);                      /* a receive the fast legs did not check */
    p->state = P_BLOCKED;
    p->wait = w;
    p->wait_obj = obj;
    nwaiting[w]++;
    if (p->has_deadline && p->deadline < deadline_min) {
        deadline_min = p->deadline;
        rt_go_update();
    }
}

HOT static inline __attribute__((always_inline)) int runnable(struct proc *p)
{
    return p->state == P_RUNNABLE && !p->suspended;
}

/* Queue p if it can run (a queued process is not queued twice). */
HOT void proc_ready(struct proc *p)
{
    if (runnable(p))
        rq_push(&runq, &p->rq);
}

HOT void proc_wake_one(struct proc *p)
{
    if (p->state == P_BLOCKED && p->wait != W_NONE) {
        rt_forget(p);                  /* a record is there only while blocked */
        nwaiting[p->wait]--;
        p->state = P_RUNNABLE;
        p->wait = W_NONE;
        p->wait_obj = NULL;
        proc_ready(p);
    }
}

/* The scan, apart from proc_wake so that the common call (nobody waits
 * for that kind of event) saves no registers. */
__attribute__((noinline)) static void wake_scan(enum pwait w, void *obj)
{
    for (struct proc *p = procs, *e = procs + nprocs; nwaiting[w] && p < e; p++)
        if (p->state == P_BLOCKED && p->wait == w && p->wait_obj == obj)
            proc_wake_one(p);
}

void proc_wake(enum pwait w, void *obj)
{
    if (nwaiting[w])
        wake_scan(w, obj);
}

/* Senders and receivers blocked on a port that died: one call (tail
 * calls), so port_destroy's common path needs no frame. */
void proc_wake_port(struct port *pt)
{
    if (nwaiting[W_SEND] | nwaiting[W_RECV]) {
        wake_scan(W_SEND, pt);
        wake_scan(W_RECV, pt);
    }
}

/* The process blocked receiving on pt, if any: only the holder of the
 * receive right can be, so no scan. */
HOT static inline __attribute__((always_inline)) struct proc *receiving(struct port *pt)
{
    struct proc *r = pt->receiver;
    return r && r->state == P_BLOCKED && r->wait == W_RECV && r->wait_obj == pt ? r : NULL;
}

HOT struct proc *proc_receiving(struct port *pt) { return receiving(pt); }

/* The receiver blocked on pt, if any, woken (port_enqueue: one tail call) */
HOT void proc_wake_receiver(struct port *pt)
{
    struct proc *r = receiving(pt);
    if (r)
        proc_wake_one(r);
}

HOT void sched_handoff(struct proc *p) { handoff = p; }

HOT __attribute__((noinline)) static void arm(uint64_t t)
{
    if (t != armed) {
        armed = t;
        rt_go_update();
        sbi_set_timer(t);
    }
}

/* The timer fired (or idling ended): clear STIP by setting it to never. */
void timer_disarm(void)
{
    armed = ~0ull;
    rt_go_update();
    sbi_set_timer(~0ull);
}

/* Pick the next process and run it; idle in wfi while all are blocked. */
HOT void schedule(void)
{
    for (;;) {
        uint64_t now = now_ticks(), next = deadline_min;
        if (now >= deadline_min) {
            /* the earliest deadline may have passed: wake, and find the next */
            next = ~0ull;
            for (uint32_t i = 0; i < nprocs; i++) {
                struct proc *p = &procs[i];
                if (p->state != P_BLOCKED || !p->has_deadline)
                    continue;
                if (p->deadline <= now)
                    proc_wake_one(p);
                else if (p->deadline < next)
                    next = p->deadline;
            }
            deadline_min = next;
            rt_go_update();
        }
        if (curproc)
            proc_ready(curproc);       /* preempted or yielding: to the tail */
        struct proc *pick = NULL;
        int keep_slice = 0;
        if (handoff && runnable(handoff)) {
            pick = handoff;
            keep_slice = slice_end > now;
        }
        handoff = NULL;
        while (!pick) {
            struct rqnode *n = rq_pop(&runq);
            if (!n)
                break;
            struct proc *p = (struct proc *)((char *)n - offsetof(struct proc, rq));
            if (runnable(p))
                pick = p;
        }
        if (pick) {
            if (!keep_slice)
                slice_end = now + quantum;
            if (opt_preempt && slice_end < next)
                next = slice_end;
            arm(next);
            kernel_to_user(pick);
        }
        if (!proc_live())
            shutdown();
        if (next == ~0ull) {
            /* everyone blocked (or suspended) forever: nothing can wake them */
            kprintf("[deadlock: every process blocked with no timeout]\n");
            for (uint32_t i = 0; i < nprocs; i++)
                if (procs[i].state == P_BLOCKED || procs[i].suspended)
                    proc_exit(&procs[i], -1, "deadlock");
            continue;
        }
        arm(next);
        curproc = NULL;
        idle_wait();
    }
}
