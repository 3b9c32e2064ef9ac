/* Seeded random system calls: tens of thousands of calls with arguments
 * drawn from valid and hostile values (kernel addresses, wrapping lengths,
 * stale and random names, bad flags), from this process and forked children.
 * The kernel must survive, and every frame and right must come back (the
 * suite compares the free count at boot with the final audit).
 * The seed comes from the boot option "seed=N" (make fuzz-kernel SEEDS=N).
 * Also run in 512 KiB, where calls and faults run out of memory (the fuzzing
 * process may be ended for it; the kernel must not be).
 * also: mem=512K */
#include <stdlib.h>
#include "ktest.h"

/* not-on cosim: tens of thousands of calls take too long in co-simulation; fuzz_short.c runs a shorter stream there (AV_KERNEL_TARGET=iss runs this on the ISS) */
/* expect:
fuzz: seed
fuzz: done
test fuzz: PASS
audit: ok
*/

#define SCRATCH     0x01000000u            /* the only memory the fuzzer lets calls write */
#define SCRATCH_LEN 0x00100000u
#ifndef CALLS
#define CALLS       30000                  /* fuzz_short.c includes this file with fewer */
#endif

static uint32_t rng;
static uint32_t rnd(void) { rng ^= rng << 13; rng ^= rng >> 17; rng ^= rng << 5; return rng; }

static uint32_t addr_arg(void)
{
    switch (rnd() % 8) {
    case 0: return 0x80000000u + (rnd() % 0x100000);         /* kernel */
    case 1: return 0xfffff000u + (rnd() & 0xfff);            /* wraps */
    case 2: return rnd();
    case 3: return 0;
    default: return SCRATCH + (rnd() % SCRATCH_LEN);
    }
}

static uint32_t len_arg(void)
{
    switch (rnd() % 6) {
    case 0: return 0;
    case 1: return 0xffffffffu - (rnd() & 0xff);
    case 2: return rnd() % 0x20000;
    default: return rnd() % 512;
    }
}

static uint32_t names[16];               /* names this process allocated */
static uint32_t ok_calls, all_calls;

static uint32_t name_arg(void)
{
    switch (rnd() % 6) {
    case 0: return rnd();
    case 1: return AV_NAME_SELF + rnd() % 2;
    case 2: return rnd() % 24;
    default: return names[rnd() % 16];
    }
}

static int note(int r)
{
    all_calls++;
    if (r >= 0)
        ok_calls++;
    return r;
}

/* A random but well-formed-ish message in scratch memory. */
static uint32_t make_msg(void)
{
    uint32_t *m = (uint32_t *)(SCRATCH + 0x80000 + (rnd() % 16) * 1024);
    av_msg_init(m, name_arg(), rnd() % 2 ? AV_DISP_MAKE_SEND : rnd() % 10, rnd() % 3 ? 0 : name_arg(), rnd() % 8, rnd());
    int items = rnd() % 4;
    for (int i = 0; i < items; i++) {
        uint32_t w[4] = { name_arg(), name_arg(), rnd(), rnd() };
        switch (rnd() % 4) {
        case 0: av_msg_add_bytes(m, 0, rnd() % 64); break;
        case 1: av_msg_add_words(m, w, rnd() % 4); break;
        case 2: av_msg_add_ports(m, w, 1 + rnd() % 2, rnd() % 8); break;
        case 3: {
            /* deallocate-on-send only outside scratch: our memory must stay */
            uint32_t a = addr_arg();
            av_msg_add_ool(m, (void *)a, len_arg() % 0x30000, a - SCRATCH >= SCRATCH_LEN && rnd() % 2);
            break;
        }
        }
    }
    if (rnd() % 16 == 0)
        m[0] = rnd();                                         /* corrupt the size */
    return (uint32_t)m;
}

static void fuzz(int calls, int depth)
{
    uint32_t a = SCRATCH;
    av_vm_allocate(AV_NAME_SELF, &a, SCRATCH_LEN, 0);
    for (int i = 0; i < calls; i++) {
        uint32_t opts = AV_NONBLOCK | (rnd() % 4 == 0 ? AV_RCV_TIMEOUT | AV_SEND_TIMEOUT : 0);
        switch (rnd() % 16) {
        case 0: {
            int n = note(av_port_allocate());
            if (n > 0)
                names[rnd() % 16] = (uint32_t)n;
            break;
        }
        case 1: {
            uint32_t n = name_arg();
            if (n != AV_NAME_SELF)
                av_port_deallocate(n);
            break;
        }
        case 2: av_port_qlimit(name_arg(), rnd() % 80); break;
        case 3: note(av_msg_send((void *)make_msg(), opts, rnd() % 200)); break;
        case 4: av_msg_send((void *)addr_arg(), opts, 0); break;
        case 5: av_msg_receive((void *)addr_arg(), len_arg(), name_arg(), opts, rnd() % 200, 0); break;
        case 6: note(av_msg_receive((void *)(SCRATCH + 0xc0000), 0x10000, name_arg(), opts, 100, 0)); break;
        case 7: {
            uint32_t x = SCRATCH + (rnd() % SCRATCH_LEN & ~0xfffu);
            note(av_vm_allocate(AV_NAME_SELF, &x, len_arg(), rnd() % 3));
            break;
        }
        case 8: {
            /* only inside scratch (or hostile), never our text, data or stack */
            uint32_t x = rnd() % 2 ? SCRATCH + 0x100000 + (rnd() % 0x400000 & ~0xfffu) : addr_arg();
            if ((x < SCRATCH && x >= 0x1000) || x - SCRATCH < SCRATCH_LEN)
                break;
            av_vm_deallocate(AV_NAME_SELF, x, len_arg());
            break;
        }
        case 9: note(av_vm_protect(AV_NAME_SELF, SCRATCH + 0x100000 + (rnd() % 0x100000 & ~0xfffu), len_arg(), rnd() % 9)); break;
        case 10: {
            uint32_t s = SCRATCH + (rnd() % SCRATCH_LEN & ~0xfffu), d = SCRATCH + (rnd() % SCRATCH_LEN & ~0xfffu);
            av_vm_copy(AV_NAME_SELF, s, len_arg() & ~0xfffu, d);
            break;
        }
        case 11: {
            /* any call number, but not the ones that end us or print noise */
            uint32_t no = rnd() % 40;
            if (no == SYS_EXIT || no == SYS_TERMINATE || no == SYS_CONSOLE_WRITE || no == SYS_AUDIT)
                break;
            note(av_syscall(no, addr_arg(), len_arg(), name_arg(), rnd(), rnd(), 0));
            break;
        }
        case 12:
            if (depth < 2 && rnd() % 64 == 0) {
                int c = av_fork();
                if (c == 0) {
                    memset(names, 0, sizeof names);   /* inherited names are send rights */
                    fuzz(calls / 8, depth + 1);
                    av_exit(0);
                }
                if (c > 0 && rnd() % 2)
                    av_wait(c, 0);
                else if (c > 0 && rnd() % 2)
                    av_terminate(c, 3);
            }
            break;
        case 13: av_vm_allocate(name_arg(), (uint32_t *)addr_arg(), len_arg(), rnd() % 3); break;
        case 14: av_port_make_send(name_arg()); break;
        case 15: {
            /* touch scratch memory: zero-fill and copy-on-write faults */
            volatile uint8_t *p = (volatile uint8_t *)(SCRATCH + (rnd() % SCRATCH_LEN));
            (void)*p;
            break;
        }
        }
    }
}

int main(void)
{
    char args[64];
    int n = av_bootargs(args, sizeof args - 1);
    args[n > 0 ? n : 0] = 0;
    char *s = strstr(args, "seed=");
    rng = s ? (uint32_t)strtoul(s + 5, 0, 10) : 1;
    if (!rng)
        rng = 1;
    printf("fuzz: seed %lu\n", (unsigned long)rng);
    /* the work happens in a child, so everything it holds is reclaimed */
    ktest_begin("fuzz");
    int c = av_fork();
    if (c == 0) {
        fuzz(CALLS, 0);
        printf("fuzz: %lu counted calls, %lu succeeded\n", (unsigned long)all_calls, (unsigned long)ok_calls);
        av_exit(0);
    }
    int st;
    CHECK_RC(av_wait(c, &st), 0);
    printf("fuzz: done, child status %d\n", st);
    ktest_end("fuzz");
    return 0;
}
