/* The register ABI of the general system calls (av_abi.h): every register
 * but a0 (result) and a1 (second result, where a call has one) comes back
 * as it was. The general trap path (trapvec.S strap_vec, trap.c utrap)
 * returns straight to the caller when it goes on at once, past the
 * scheduler's way out; this checks every register after calls made from
 * assembly (gen_call) with every register but sp set to a pattern:
 *  - calls that return at once: a count, a bad name, an unknown call
 *  - calls that switch: a yield to a runnable child, a wait that blocks
 *    until the child ends (the call then completes in the kernel), a
 *    receive that blocks until the child's send puts its message straight
 *    into our buffer
 *  - a page fault on a fresh page (zero-fill: a trap that is no call)
 * and, where the cycle counter is the core's (not on QEMU, which has no
 * fast-path CSRs), that the statistics count the calls' kernel cycles
 * (user, kernel and idle together no more than the time that passed). What
 * a call costs is kbench's sys_null row, not a test.
 * bootargs: nopreempt */
#include "ktest.h"

/* expect:
sys_regs: calls that return at once keep every register
sys_regs: yield, wait and receive keep every register
sys_regs: a page fault keeps every register
sys_regs: statistics
test sys_regs: PASS
*/

struct regs { uint32_t in[32], out[32]; };

/* void gen_call(struct regs *io) / void gen_fault(struct regs *io): x1 and
 * x3..x31 from io->in, then an ecall (gen_call) or a store of zero to the
 * address in t0 (gen_fault), then x1 and x3..x31 into io->out; the C
 * caller's kept registers are saved around it. */
#define GEN_STUB(name, insn) \
    "    .text\n" \
    "    .globl " name "\n" \
    name ":\n" \
    "    addi sp, sp, -64\n" \
    "    sw ra, 0(sp)\n" \
    "    sw gp, 4(sp)\n" \
    "    sw tp, 8(sp)\n" \
    "    sw s0, 12(sp)\n" \
    "    sw s1, 16(sp)\n" \
    "    .irp n, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27\n" \
    "    sw x\\n, 4 * \\n - 52 (sp)\n" \
    "    .endr\n" \
    "    sw a0, 60(sp)\n" \
    "    mv t0, a0\n" \
    "    .irp n, 1, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31\n" \
    "    lw x\\n, 4 * \\n (t0)\n" \
    "    .endr\n" \
    "    lw t0, 20(t0)\n" \
    "    " insn "\n" \
    "    addi sp, sp, -4\n" \
    "    sw t0, 0(sp)\n" \
    "    lw t0, 64(sp)\n" \
    "    .irp n, 1, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31\n" \
    "    sw x\\n, 128 + 4 * \\n (t0)\n" \
    "    .endr\n" \
    "    lw t1, 0(sp)\n" \
    "    sw t1, 128 + 20(t0)\n" \
    "    addi sp, sp, 4\n" \
    "    lw ra, 0(sp)\n" \
    "    lw gp, 4(sp)\n" \
    "    lw tp, 8(sp)\n" \
    "    lw s0, 12(sp)\n" \
    "    lw s1, 16(sp)\n" \
    "    .irp n, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27\n" \
    "    lw x\\n, 4 * \\n - 52 (sp)\n" \
    "    .endr\n" \
    "    addi sp, sp, 64\n" \
    "    ret\n"
void gen_call(struct regs *io);
void gen_fault(struct regs *io);
__asm__(GEN_STUB("gen_call", "ecall") GEN_STUB("gen_fault", "sw zero, 0(t0)"));

static struct regs io;
static uint32_t round;

/* A fresh pattern each call, so a value left from an earlier call (or
 * another process's) never matches by chance. */
static void fill(uint32_t no, uint32_t a0, uint32_t a1, uint32_t a2)
{
    round++;
    for (uint32_t i = 0; i < 32; i++)
        io.in[i] = 0x5c000000u + (round << 12) + i * 0x01010101u;
    io.in[10] = a0;
    io.in[11] = a1;
    io.in[12] = a2;
    io.in[17] = no;
    for (uint32_t i = 0; i < 32; i++)
        io.out[i] = 0xdeadbeefu;
}

/* Every register as set but a0 (want) and a1 (want1, or as set when the
 * call has no second result: keep1). */
static void check(const char *what, int32_t want, int keep1, uint32_t want1)
{
    CHECK((int32_t)io.out[10] == want, "%s: a0 %ld, wanted %ld", what, (long)(int32_t)io.out[10], (long)want);
    CHECK(io.out[11] == (keep1 ? io.in[11] : want1), "%s: a1 %08lx", what, (unsigned long)io.out[11]);
    for (uint32_t i = 1; i < 32; i++)
        if (i != 2 && i != 10 && i != 11)
            CHECK(io.out[i] == io.in[i], "%s: x%lu %08lx, set %08lx", what, (unsigned long)i,
                  (unsigned long)io.out[i], (unsigned long)io.in[i]);
}

static void call(const char *what, uint32_t no, uint32_t a0, uint32_t a1, uint32_t a2,
                 int32_t want, int keep1, uint32_t want1)
{
    fill(no, a0, a1, a2);
    gen_call(&io);
    check(what, want, keep1, want1);
}

static inline uint32_t rdcycle(void)
{
    uint32_t c;
    __asm__ volatile("rdcycle %0" : "=r"(c));
    return c;
}

int main(void)
{
    ktest_begin("sys_regs");
    for (int i = 0; i < 4; i++) {
        int f = av_free_frames();
        call("free frames", SYS_FREE_FRAMES, 0, 0, 0, f, 1, 0);
        call("rights of a bad name", SYS_PORT_RIGHTS, 4000, 0, 0, 0, 1, 0);
        call("unknown call", 99, 0, 0, 0, -AV_ENOSYS, 1, 0);
    }
    printf("sys_regs: calls that return at once keep every register\n");

    /* a yield runs the child (runnable since the fork) before we go on */
    static volatile uint32_t flag;
    int c = av_fork();
    CHECK(c >= 0, "fork %d", c);
    if (c == 0) {
        flag = 1;                      /* our own copy: the parent never sees it */
        av_exit(7);
    }
    call("yield", SYS_YIELD, 0, 0, 0, 0, 1, 0);
    CHECK(flag == 0, "flag");
    call("wait", SYS_WAIT, (uint32_t)c, 0, 0, 0, 0, 7);

    /* a wait that blocks: the child runs first, the call completes in the
     * kernel when it ends */
    c = av_fork();
    CHECK(c >= 0, "fork %d", c);
    if (c == 0) {
        av_yield();
        av_exit(9);
    }
    call("blocking wait", SYS_WAIT, (uint32_t)c, 0, 0, 0, 0, 9);

    /* a receive that blocks, completed by the child's send straight into
     * our buffer (the direct transfer): we run again with the call done */
    int port = av_port_allocate();
    CHECK(port > 0, "port %d", port);
    CHECK_RC(av_port_make_send((uint32_t)port), 0);
    c = av_fork();
    CHECK(c >= 0, "fork %d", c);
    if (c == 0) {
        static uint32_t msg[8];
        av_msg_init(msg, (uint32_t)port, AV_DISP_COPY_SEND, 0, 0, 42);
        av_exit(av_msg_send(msg, 0, 0) == 0 ? 0 : 1);
    }
    static uint32_t buf[16];
    fill(SYS_MSG_RECEIVE, (uint32_t)buf, sizeof buf, (uint32_t)port);
    io.in[13] = io.in[14] = 0;         /* no options, no timeout */
    gen_call(&io);
    check("receive", 0, 0, 20);
    CHECK(((struct av_msg_header *)buf)->id == 42, "message id %lu", (unsigned long)((struct av_msg_header *)buf)->id);
    int st = -1;
    CHECK_RC(av_wait((uint32_t)c, &st), 0);
    CHECK(st == 0, "sender status %d", st);
    CHECK_RC(av_port_deallocate((uint32_t)port), 0);
    uint32_t nb[16];
    while (av_msg_receive(nb, sizeof nb, AV_NAME_NOTIFY, AV_NONBLOCK, 0, 0) == 0)
        ;
    printf("sys_regs: yield, wait and receive keep every register\n");

    uint32_t a = 0;
    CHECK_RC(av_vm_allocate(AV_NAME_SELF, &a, 4096, AV_VM_ANYWHERE), 0);
    fill(0, 0, 0, 0);
    io.in[5] = a + 64;                 /* t0: the address stored to */
    io.in[10] = io.in[11] = 0x5c5c5c5cu;
    gen_fault(&io);
    check("page fault", 0x5c5c5c5c, 1, 0);
    CHECK(((volatile uint32_t *)a)[16] == 0 && ((volatile uint32_t *)a)[17] == 0, "page");
    CHECK_RC(av_vm_deallocate(AV_NAME_SELF, a, 4096), 0);
    printf("sys_regs: a page fault keeps every register\n");

    struct av_stats s0, s1;
    CHECK_RC(av_stats(&s0), 0);
    uint32_t t0 = rdcycle();
    for (int i = 0; i < 16; i++)
        av_free_frames();
    uint32_t t1 = rdcycle();
    CHECK_RC(av_stats(&s1), 0);
    uint64_t du = s1.cycles_user - s0.cycles_user, dk = s1.cycles_kernel - s0.cycles_kernel;
    uint64_t di = s1.cycles_idle - s0.cycles_idle;
    CHECK(!s1.fastpaths || (dk > 16 * 100 && du > 0 && du + dk + di <= (uint64_t)(t1 - t0) + (1u << 16)),
          "cycles user %lu kernel %lu idle %lu in %lu", (unsigned long)du, (unsigned long)dk,
          (unsigned long)di, (unsigned long)(t1 - t0));
    printf("sys_regs: statistics\n");
    ktest_end("sys_regs");
    return 0;
}
