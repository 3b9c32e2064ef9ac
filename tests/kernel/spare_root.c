/* Create + destroy reuses the last destroyed map's root table (the spare
 * root, vm.c): destroy clears the user entries it ever set and the next map
 * takes the root as it is. Checked over many cycles with addresses spread
 * over the whole user space (every child's root is the previous child's):
 * - a writer maps a page in each of several 4 MiB spans up to the top of
 *   user space and writes a marker; the next writer must find zero-fill
 *   pages there (a stale table would show the marker, or the audit would
 *   find a table reachable from two roots);
 * - a prober between them touches one of those pages without mapping it
 *   and must be ended ("access to unallocated memory"), never read it;
 * - after every cycle the frames available are back where they started
 *   (the spare root counts as available) and the audit is clean;
 * - the spare is given back when the free stack runs dry, and counts as
 *   available: a child that touches fresh pages for as long as
 *   av_free_frames() says one is left, with a spare root made just before,
 *   gets every one of them, and then no more.
 * Small machines, so memory runs out quickly (128 KiB holds too few frames
 * for six spans: demo[mem=128K] covers it).
 * bootargs: mem=512K */
/* also: mem=256K */
#include "ktest.h"

/* expect:
test spare_root
: access to unallocated memory at 0x7fc03004
spare_root: 8 cycles, no stale mapping, frames back each cycle
spare_root: none left, one more page
: out of memory at 0x
spare_root: memory used up to the last counted frame
test spare_root: PASS
*/

#define PAGE 4096u
#define NSPREAD 6
#define CYCLES 8

/* spans 2 .. 511: far apart in the root, the last one under 0x8000_0000 */
static const uint32_t spread[NSPREAD] = {
    0x00803000, 0x09403000, 0x1f403000, 0x40003000, 0x63c03000, 0x7fc03000,
};

static void drain_notices(void)
{
    static uint32_t nb[32];
    while (av_msg_receive(nb, sizeof nb, AV_NAME_NOTIFY, AV_NONBLOCK, 0, 0) == 0)
        ;
}

static int child_status(int c)
{
    CHECK(c > 0, "fork: %s", av_strerror(c));
    int st = 0;
    CHECK_RC(av_wait(c, &st), 0);
    drain_notices();
    return st;
}

/* Map one page at each spread address: it must read zero; mark it. */
static void writer(uint32_t mark)
{
    for (int j = 0; j < NSPREAD; j++) {
        uint32_t a = spread[j];
        CHECK_RC(av_vm_allocate(AV_NAME_SELF, &a, PAGE, 0), 0);
        volatile uint32_t *w = (volatile uint32_t *)a;
        CHECK(w[1] == 0 && w[1023] == 0, "stale data %lx at %lx", (unsigned long)w[1], (unsigned long)a);
        w[1] = mark;
        w[1023] = mark;
    }
    av_exit(0);
}

/* Touch fresh pages while a frame is said to be left; with none left, one
 * more page must end it. (No printf: its buffer is a copy-on-write page.) */
static void exhaust(void)
{
    static const char none[] = "spare_root: none left, one more page\n";
    int g = av_fork();
    if (g == 0)
        av_exit(0);
    CHECK(child_status(g) == 0, "grandchild");          /* its root is now the spare */
    uint32_t a = 0;
    CHECK_RC(av_vm_allocate(AV_NAME_SELF, &a, 512 * PAGE, AV_VM_ANYWHERE), 0);
    volatile uint32_t *p = (volatile uint32_t *)a;
    p[0] = 1;                                            /* the table, once */
    for (uint32_t pg = 1; pg < 512; pg++) {
        if (av_free_frames() == 0) {
            av_console_write(none, sizeof none - 1);
            p[pg * (PAGE / 4)] = pg;                    /* out of memory: ended */
            av_exit(3);
        }
        p[pg * (PAGE / 4)] = pg;                        /* one frame each */
    }
    av_exit(2);
}

int main(void)
{
    ktest_begin("spare_root");
    int f0 = 0;
    for (int i = 0; i < CYCLES; i++) {
        int w = av_fork();
        if (w == 0)
            writer(0x5a000000u + (uint32_t)i);
        CHECK(child_status(w) == 0, "writer %d", i);
        int p = av_fork();
        if (p == 0) {
            volatile uint32_t *s = (volatile uint32_t *)(spread[(NSPREAD - 1 + i) % NSPREAD] + 4);
            av_exit((int)*s);                          /* must not come back */
        }
        CHECK(child_status(p) == -1, "prober %d read a page nobody mapped", i);
        if (i == 0)
            f0 = av_free_frames();                     /* the name table has grown */
        CHECK(av_free_frames() == f0, "cycle %d: %d frames available, %d before", i, av_free_frames(), f0);
        CHECK(av_audit() == 0, "audit after cycle %d", i);
    }
    printf("spare_root: %d cycles, no stale mapping, frames back each cycle\n", CYCLES);
    int x = av_fork();
    if (x == 0)
        exhaust();
    int st = child_status(x);
    CHECK(st == -1, "exhaust: status %d", st);
    CHECK(av_free_frames() == f0, "after exhaust: %d frames available, %d before", av_free_frames(), f0);
    printf("spare_root: memory used up to the last counted frame\n");
    ktest_end("spare_root");
    return 0;
}
