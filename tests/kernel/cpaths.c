/* Boot option cpaths: every fast path off, TLB refill included, so on our
 * machine each user TLB miss is a cause-24 trap served by the kernel's C
 * refill handler (on QEMU the CSRs are absent and hardware walks as usual).
 * A workload of faults, copy-on-write and messages must behave the same.
 * bootargs: cpaths */
#include "ktest.h"
#include "cow_workload.h"

/* expect:
access to a kernel address
access to unallocated memory
workload ok
test cpaths: PASS
*/

int main(void)
{
    ktest_begin("cpaths");
    cow_workload();
    int c, st;
    /* a user access to kernel memory misses the TLB too: still refused */
    c = av_fork();
    if (c == 0) {
        printf("read %lx\n", (unsigned long)*(volatile uint32_t *)0x80000000u);
        av_exit(0);
    }
    CHECK_RC(av_wait(c, &st), 0);
    CHECK(st == -1, "kernel read: status %d", st);
    c = av_fork();
    if (c == 0) {
        *(volatile uint32_t *)0x30000000u = 1;      /* unallocated */
        av_exit(0);
    }
    CHECK_RC(av_wait(c, &st), 0);
    CHECK(st == -1, "unallocated write: status %d", st);
    struct av_stats s;
    CHECK_RC(av_stats(&s), 0);
    printf("fpen %lx, software refills %lu\n", (unsigned long)s.fastpaths,
           (unsigned long)s.faults[AV_FAULT_REFILL]);
    /* where the fast-path CSRs exist, refill is off and C served the misses */
    CHECK(s.fastpaths == 0, "fast paths left on: %lx", (unsigned long)s.fastpaths);
    printf("workload ok\n");
    ktest_end("cpaths");
    return 0;
}
