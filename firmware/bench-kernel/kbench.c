/*
 * Kernel benchmarks (make bench): a user program, run as init, that times
 * the kernel's operations with the cycle CSR and prints one line per figure,
 *     BENCH <name> <x> <cycles per operation>
 * which firmware/bench-kernel/run.py turns into tables and plots. Figures
 * (DESIGN "Benchmarks"): message round trips (null, 64 B, 0 B .. 1 MiB inline
 * and out of line), remap (send cycles over 1..256 pages, and the remap
 * operation alone as the kernel times it: custom-1 or its C twin), zero-fill and
 * copy-on-write faults (a loop over N fresh pages less the same loop over
 * resident ones, over N), TLB refill per miss, process create + destroy,
 * vm allocate / copy / deallocate over 1 page .. 1 MiB, and a null system
 * call (the general trap path's own cost). Which paths serve
 * the faults and refills is the image's boot options (cpaths or not); the
 * program only measures. Beside each fault figure it prints the kernel's own
 * count and cycles for that fault kind (KSTAT lines) as a cross-check.
 */
#include <stdio.h>
#include <string.h>
#include "av.h"

#define PAGE 4096u

static inline uint32_t cycles(void)
{
    uint32_t c;
    __asm__ volatile("rdcycle %0" : "=r"(c));
    return c;
}

static void fail(const char *what, int r)
{
    printf("kbench: %s failed: %d (%s)\n", what, r, av_strerror(r));
    av_exit(1);
}
#define TRY(e) do { int r_ = (e); if (r_ < 0) fail(#e, r_); } while (0)

/* Software refill (boot option cpaths) in a direct-mapped TLB can livelock a
 * user instruction whose fetch page and data page share a slot (the ISS's
 * model did, before it became two-way; see the kernel README). So the
 * untimed set-up that makes big regions resident writes the pages in the
 * slots of its own code through the kernel (a memory-write request to the
 * own process port: the kernel's copyout walks in S mode), and the timed
 * fault loops use regions placed clear of their code's slots. */
#define SLOT(va) (((uint32_t)(va) >> 12) & 255u)
static uint32_t rq_msg[32], rq_buf[32];

static void write_via_kernel(uint32_t va, uint32_t v)
{
    int reply = av_port_allocate();
    if (reply < 0)
        fail("reply port", reply);
    av_msg_init(rq_msg, AV_NAME_SELF, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE, AV_REQ_WRITE_MEM);
    av_msg_add_words(rq_msg, &va, 1);
    av_msg_add_bytes(rq_msg, &v, 4);
    uint32_t got;
    TRY(av_msg_rpc(rq_msg, rq_buf, sizeof rq_buf, 0, 0, &got));
    TRY((int)*(uint32_t *)av_item_data(av_item_first(rq_buf)));
    TRY(av_port_deallocate(reply));
}

static void __attribute__((noinline)) make_resident(uint32_t a, uint32_t bytes)
{
    uint32_t code = SLOT(&make_resident);
    for (uint32_t p = a & ~(PAGE - 1); p < a + bytes; p += PAGE) {
        if (SLOT(p) == code || SLOT(p) == ((code + 1) & 255u))
            write_via_kernel(p, 0xa5a5a5a5u);
        else
            *(volatile uint32_t *)p = 0xa5a5a5a5u;
    }
}

static void out(const char *name, uint32_t x, uint32_t cyc)
{
    printf("BENCH %s %lu %lu\n", name, (unsigned long)x, (unsigned long)cyc);
}

/* ---- message round trips: the forked child is the client -------------- */
#define ID_STOP 0xdeadu
static uint32_t smsg[AV_MSG_INLINE_MAX / 4], sbuf[AV_MSG_INLINE_MAX / 4];
static uint32_t cmsg[AV_MSG_INLINE_MAX / 4], cbuf[64];

/* The server: receive, drop any out-of-line data it was given, reply empty;
 * each reply and the next receive are one call (SYS_MSG_REPLY_RECEIVE),
 * which also releases (AV_RELEASE) the region of the request's first
 * out-of-line item before the reply goes; any further item's is
 * deallocated at once. */
static void server(int port)
{
    uint32_t got, rel = 0;             /* the region AV_RELEASE drops, 0: none */
    void *reply = 0;                   /* nothing to reply to before the first */
    for (;;) {
        if (rel)
            TRY(av_msg_reply_release_receive(reply, sbuf, sizeof sbuf, port, 0, 0, rel, &got));
        else
            TRY(av_msg_reply_receive(reply, sbuf, sizeof sbuf, port, 0, 0, &got));
        rel = 0;
        struct av_msg_header *h = (struct av_msg_header *)sbuf;
        for (struct av_item *it = av_item_first(sbuf); it; it = av_item_next(sbuf, it))
            if ((it->flags & AV_ITEM_OOL) && av_item_len(it)) {
                uint32_t a = av_item_addr(it) & ~(PAGE - 1);
                uint32_t e = (av_item_addr(it) + av_item_len(it) + PAGE - 1) & ~(PAGE - 1);
                if (!rel)
                    rel = a;
                else
                    TRY(av_vm_deallocate(AV_NAME_SELF, a, e - a));
            }
        uint32_t id = h->id;
        av_msg_init(smsg, h->reply, AV_DISP_MOVE_SEND_ONCE, 0, 0, id);
        if (id == ID_STOP) {
            if (rel)
                TRY(av_vm_deallocate(AV_NAME_SELF, rel, PAGE));
            TRY(av_msg_send(smsg, 0, 0));
            return;
        }
        reply = smsg;
    }
}

/* One client round trip: n bytes inline (ool = 0) or out of line. */
static uint32_t rpc(int port, int reply, const uint8_t *data, uint32_t n, int ool, uint32_t id)
{
    av_msg_init(cmsg, port, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE, id);
    if (ool)
        av_msg_add_ool(cmsg, data, n, 0);
    else if (n)
        av_msg_add_bytes(cmsg, data, n);
    uint32_t got, t0 = cycles();
    TRY(av_msg_rpc(cmsg, cbuf, sizeof cbuf, 0, 0, &got));
    return cycles() - t0;
}

static uint32_t rtt(int port, int reply, const uint8_t *data, uint32_t n, int ool, uint32_t iters)
{
    rpc(port, reply, data, n, ool, 1);          /* warm: tables, TLB, slabs */
    uint32_t sum = 0;
    for (uint32_t i = 0; i < iters; i++)
        sum += rpc(port, reply, data, n, ool, 1);
    return sum / iters;
}

static const uint32_t inline_sizes[] = { 0, 16, 64, 256, 1024, 4096, 8000 };
static const uint32_t ool_sizes[] = { 4096, 16384, 65536, 262144, 1048576 };
#define NELEM(a) (sizeof (a) / sizeof (a)[0])

static void bench_messages(void)
{
    int port = av_port_allocate();
    if (port < 0)
        fail("port", port);
    TRY(av_port_make_send(port));
    int c = av_fork();
    if (c < 0)
        fail("fork", c);
    if (c == 0) {
        int reply = av_port_allocate();
        if (reply < 0)
            fail("reply port", reply);
        static uint8_t small[8000];
        memset(small, 0x5a, sizeof small);
        struct av_stats s0, s1;
        TRY(av_stats(&s0));
        out("rtt_null", 0, rtt(port, reply, 0, 0, 0, 64));
        TRY(av_stats(&s1));
        /* its legs (65 round trips, the warm one too): how many the kernel
         * ran (the microcode off or refusing), the rest the microcode */
        out("rtt_null_legs_kernel", 2 * 65, s1.rt_legs_kernel - s0.rt_legs_kernel);
        out("rtt_inline64", 64, rtt(port, reply, small, 64, 0, 64));
        for (unsigned k = 0; k < NELEM(inline_sizes); k++)
            out("rtt_inline", inline_sizes[k], rtt(port, reply, small, inline_sizes[k], 0, 16));
        uint32_t a = 0;
        TRY(av_vm_allocate(AV_NAME_SELF, &a, 1u << 20, AV_VM_ANYWHERE));
        make_resident(a, 1u << 20);             /* resident: sent pages are remapped */
        for (unsigned k = 0; k < NELEM(ool_sizes); k++)
            out("rtt_ool", ool_sizes[k], rtt(port, reply, (uint8_t *)a, ool_sizes[k], 1,
                                             ool_sizes[k] >= (256u << 10) ? 4 : 16));
        rpc(port, reply, 0, 0, 0, ID_STOP);
        av_exit(0);
    }
    server(port);
    int st;
    TRY(av_wait(c, &st));
    if (st != 0)
        fail("client", st);
    TRY(av_port_deallocate(port));
}

static struct av_stats st0, st1;

/* ---- remap: send cycles against pages, to our own port, and the remap
 * operation alone (the kernel's cycles_remap around it) ----------------- */
static void bench_remap(void)
{
    int port = av_port_allocate();
    if (port < 0)
        fail("port", port);
    TRY(av_port_make_send(port));
    uint32_t a = 0;
    TRY(av_vm_allocate(AV_NAME_SELF, &a, 256 * PAGE, AV_VM_ANYWHERE));
    make_resident(a, 256 * PAGE);
    for (uint32_t n = 0; n <= 256; n = n ? n * 2 : 1) {
        uint32_t best_s = ~0u, best_r = ~0u, best_op = ~0u;
        for (int rep = 0; rep < 4; rep++) {     /* rep 0 also builds transit tables */
            av_msg_init(cmsg, port, AV_DISP_COPY_SEND, 0, 0, 7);
            av_msg_add_ool(cmsg, (void *)a, n * PAGE, 0);
            av_stats(&st0);
            uint32_t t0 = cycles();
            TRY(av_msg_send(cmsg, 0, 0));
            uint32_t t1 = cycles();
            /* the remap inside the send alone: the kernel reads the cycle
             * CSR around the custom-1 instructions (or its C twin) */
            av_stats(&st1);
            uint32_t op = st1.cycles_remap - st0.cycles_remap;
            uint32_t got, t1r = cycles();
            TRY(av_msg_receive(sbuf, sizeof sbuf, port, 0, 0, &got));
            uint32_t t2 = cycles();
            struct av_item *it = av_item_first(sbuf);
            if (n)
                TRY(av_vm_deallocate(AV_NAME_SELF, av_item_addr(it), n * PAGE));
            if (rep && t1 - t0 < best_s)
                best_s = t1 - t0;
            if (rep && t2 - t1r < best_r)
                best_r = t2 - t1r;
            if (rep && op < best_op)
                best_op = op;
        }
        if (n == 0)
            continue;
        out("remap_send", n, best_s);
        out("remap_receive", n, best_r);
        out("remap_op", n, best_op);
    }
    TRY(av_vm_deallocate(AV_NAME_SELF, a, 256 * PAGE));
    TRY(av_port_deallocate(port));
}

/* ---- faults: N fresh pages less N resident, over N ---------------------- */

static uint32_t __attribute__((noinline)) touch(uint32_t a, uint32_t n)
{
    uint32_t t0 = cycles();
    for (uint32_t i = 0; i < n; i++)
        ((volatile uint32_t *)(a + i * PAGE))[1] = i;
    return cycles() - t0;
}

static void kstat(const char *name, int kind)
{
    uint32_t n = st1.faults[kind] - st0.faults[kind];
    uint32_t c = (uint32_t)(st1.fault_cycles[kind] - st0.fault_cycles[kind]);
    printf("KSTAT %s %lu %lu\n", name, (unsigned long)n, (unsigned long)(n ? c / n : 0));
}

#define NF 64u
static void bench_faults(void)
{
    /* zero-fill: page 0 first (its page table), then pages 1..NF; the
     * regions start 64 slots past touch()'s code (see make_resident) */
    uint32_t off = ((SLOT(&touch) + 64) & 255u) * PAGE;
    uint32_t z = 0x00800000u + off;
    TRY(av_vm_allocate(AV_NAME_SELF, &z, (NF + 1) * PAGE, 0));
    touch(z, 1);
    av_stats(&st0);
    uint32_t fresh = touch(z + PAGE, NF);
    av_stats(&st1);
    uint32_t res = touch(z + PAGE, NF);
    out("zero_fill", NF, (fresh - res) / NF);
    kstat("zero_fill", AV_FAULT_ZFILL);

    /* copy-on-write: the copy shares every page with z; writing the copy
     * copies (count 2), then writing z finds itself the last sharer */
    uint32_t d = 0x00c00000u + off;
    TRY(av_vm_allocate(AV_NAME_SELF, &d, (NF + 1) * PAGE, 0));
    touch(d, 1);                                /* d's page table, not timed */
    TRY(av_vm_copy(AV_NAME_SELF, z, (NF + 1) * PAGE, d));
    av_stats(&st0);
    fresh = touch(d + PAGE, NF);
    av_stats(&st1);
    res = touch(d + PAGE, NF);
    out("cow_copy", NF, (fresh - res) / NF);
    kstat("cow_copy", AV_FAULT_COW_COPY);
    av_stats(&st0);
    fresh = touch(z + PAGE, NF);
    av_stats(&st1);
    res = touch(z + PAGE, NF);
    out("cow_last", NF, (fresh - res) / NF);
    kstat("cow_last", AV_FAULT_COW_LAST);
    TRY(av_vm_deallocate(AV_NAME_SELF, z, (NF + 1) * PAGE));
    TRY(av_vm_deallocate(AV_NAME_SELF, d, (NF + 1) * PAGE));
}

/* ---- TLB refill: four pages 1 MiB apart share one slot of a 256-entry
 * direct-mapped TLB, so a round over them misses on every access; the same
 * loop over one page hits. The code and the pointer table sit in other
 * slots (text from 0x10000). */
#define TLB_BASE 0x01000000u
#define TLB_STRIDE 0x00100000u
static volatile uint32_t *miss_set[4], *hit_set[4];

static uint32_t tlb_loop(volatile uint32_t **set, uint32_t rounds)
{
    uint32_t sum = 0, t0 = cycles();
    for (uint32_t r = 0; r < rounds; r++)
        for (int k = 0; k < 4; k++)
            sum += *set[k];
    uint32_t t = cycles() - t0;
    __asm__ volatile("" : : "r"(sum));
    return t;
}

static void bench_tlb(void)
{
    for (int k = 0; k < 4; k++) {
        uint32_t a = TLB_BASE + k * TLB_STRIDE;
        TRY(av_vm_allocate(AV_NAME_SELF, &a, PAGE, 0));
        *(volatile uint32_t *)a = k;
        miss_set[k] = (volatile uint32_t *)a;
        hit_set[k] = (volatile uint32_t *)TLB_BASE;
    }
    const uint32_t rounds = 256;
    tlb_loop(miss_set, 1);
    av_stats(&st0);
    uint32_t miss = tlb_loop(miss_set, rounds);
    av_stats(&st1);
    tlb_loop(hit_set, 1);
    uint32_t hit = tlb_loop(hit_set, rounds);
    out("tlb_refill", rounds * 4, (miss - hit) / (rounds * 4));
    kstat("tlb_refill", AV_FAULT_REFILL);
    for (int k = 0; k < 4; k++)
        TRY(av_vm_deallocate(AV_NAME_SELF, TLB_BASE + k * TLB_STRIDE, PAGE));
}

/* ---- a null system call: one that only reads a count (the frames
 * available), so the figure is the general trap path's entry, dispatch
 * and way back; the loop's own few cycles are in it ----------------------- */
static void bench_sys(void)
{
    const uint32_t iters = 64;
    av_free_frames();                            /* warm */
    uint32_t t0 = cycles();
    for (uint32_t i = 0; i < iters; i++)
        av_free_frames();
    out("sys_null", iters, (cycles() - t0) / iters);
}

/* ---- process create + destroy: an empty process ("-": address space,
 * ports, no program), terminated and reaped; then a program that exits at
 * once (exit0), spawned from its ELF image and reaped. The end notices are
 * drained outside the timing ---------------------------------------------- */
static void bench_procs(void)
{
    const uint32_t iters = 32;
    uint32_t sum = 0;
    for (uint32_t i = 0; i <= iters; i++) {
        uint32_t t0 = cycles();
        int c = av_spawn("-");
        if (c < 0)
            fail("spawn", c);
        TRY(av_terminate(c, 0));
        int st;
        TRY(av_wait(c, &st));
        uint32_t t = cycles() - t0;
        if (i)                                   /* 0 warms the slabs */
            sum += t;
        uint32_t got;
        while (av_msg_receive(sbuf, sizeof sbuf, AV_NAME_NOTIFY, AV_NONBLOCK, 0, &got) == 0)
            ;
    }
    out("proc_create_destroy", iters, sum / iters);
    /* the same life of a real program: exit0 from the boot image (ELF
     * segments mapped, its stack, crt0 to main and back, exit), reaped */
    sum = 0;
    for (uint32_t i = 0; i <= iters; i++) {
        uint32_t t0 = cycles();
        int c = av_spawn("exit0");
        if (c < 0)
            fail("spawn exit0", c);
        int st;
        TRY(av_wait(c, &st));
        uint32_t t = cycles() - t0;
        if (st != 0)
            fail("exit0 status", st);
        if (i)
            sum += t;
        uint32_t got;
        while (av_msg_receive(sbuf, sizeof sbuf, AV_NAME_NOTIFY, AV_NONBLOCK, 0, &got) == 0)
            ;
    }
    out("proc_elf_life", iters, sum / iters);
}

/* ---- vm allocate / copy / deallocate of a region ------------------------ */
static void bench_vm(void)
{
    for (uint32_t n = 1; n <= 256; n *= 4) {
        uint32_t best_a = ~0u, best_c = ~0u, best_d = ~0u;
        for (int rep = 0; rep < 3; rep++) {
            uint32_t s = 0, d = 0, t0 = cycles();
            TRY(av_vm_allocate(AV_NAME_SELF, &s, n * PAGE, AV_VM_ANYWHERE));
            uint32_t ta = cycles() - t0;
            TRY(av_vm_allocate(AV_NAME_SELF, &d, n * PAGE, AV_VM_ANYWHERE));
            make_resident(s, n * PAGE);          /* the copy has frames to share */
            t0 = cycles();
            TRY(av_vm_copy(AV_NAME_SELF, s, n * PAGE, d));
            uint32_t tc = cycles() - t0;
            t0 = cycles();
            TRY(av_vm_deallocate(AV_NAME_SELF, d, n * PAGE));
            uint32_t td = cycles() - t0;
            TRY(av_vm_deallocate(AV_NAME_SELF, s, n * PAGE));
            if (ta < best_a) best_a = ta;
            if (tc < best_c) best_c = tc;
            if (td < best_d) best_d = td;
        }
        out("vm_allocate", n, best_a);
        out("vm_copy", n, best_c);
        out("vm_deallocate", n, best_d);
    }
}

int main(void)
{
    char args[64];
    int n = av_bootargs(args, sizeof args - 1);
    args[n > 0 ? n : 0] = 0;
    struct av_stats s;
    av_stats(&s);
    printf("kbench: boot options '%s', fast paths %lx, %d frames free\n", args,
           (unsigned long)s.fastpaths, av_free_frames());
    bench_sys();
    bench_procs();
    bench_faults();
    bench_tlb();
    bench_remap();
    bench_vm();
    bench_messages();
    printf("kbench: done\n");
    return av_audit() == 0 ? 0 : 1;
}
