/* Boot option cpaths: every fast path off, TLB refill included, so on our
 * machine each user TLB miss is a cause-24 trap served by the kernel's C
 * refill handler (on QEMU the CSRs are absent and hardware walks as usual).
 * A workload of faults, copy-on-write and messages must behave the same.
 * bootargs: cpaths */
#include "ktest.h"

/* not-on cosim: the core livelocks in software refill (a supervisor walk evicts the entry the C handler just inserted into the same direct-mapped TLB slot) */
/* expect:
access to a kernel address
access to unallocated memory
workload ok
test cpaths: PASS
*/

static uint32_t msg[64], buf[64];

int main(void)
{
    ktest_begin("cpaths");
    uint32_t a = 0;
    CHECK_RC(av_vm_allocate(AV_NAME_SELF, &a, 64 * 1024, AV_VM_ANYWHERE), 0);
    uint8_t *p = (uint8_t *)a;
    for (uint32_t i = 0; i < 64 * 1024; i++)
        p[i] = (uint8_t)(i * 5);
    int port = av_port_allocate();
    CHECK_RC(av_port_make_send(port), 0);
    int c = av_fork();
    if (c == 0) {
        for (uint32_t i = 0; i < 64 * 1024; i += 4096)
            p[i] ^= 0xff;
        av_msg_init(msg, port, AV_DISP_COPY_SEND, 0, 0, 1);
        av_msg_add_ool(msg, p, 64 * 1024, 0);
        CHECK_RC(av_msg_send(msg, 0, 0), 0);
        av_exit(0);
    }
    CHECK_RC(av_msg_receive(buf, sizeof buf, port, 0, 0, 0), 0);
    uint8_t *q = (uint8_t *)av_item_addr(av_item_first(buf));
    for (uint32_t i = 0; i < 64 * 1024; i++)
        CHECK(q[i] == (uint8_t)((i * 5) ^ (i % 4096 ? 0 : 0xff)), "byte %lu", (unsigned long)i);
    for (uint32_t i = 0; i < 64 * 1024; i++)
        CHECK(p[i] == (uint8_t)(i * 5), "parent byte %lu", (unsigned long)i);
    int st;
    CHECK_RC(av_wait(c, &st), 0);
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
