/* Boot option fpforce: zero-fill, copy-on-write and remap fast paths on (the ISS
 * models the standard routines); the kernel and the fast paths share the
 * frame table and free stack (on QEMU the CSRs are absent: all C).
 * A workload of faults, copy-on-write and messages must behave the same.
 * bootargs: fpforce */
/* Not in co-simulation: fpforce enables the paths without loading microcode,
 * so the ISS models the standard routines while the core's slots hand off to
 * C (DESIGN: "Loading"); the two differ by design until the routines exist.
 * not-on cosim: fpforce: the ISS models microcode routines the core lacks */
#include "ktest.h"

/* expect:
workload ok
test fastpaths: PASS
*/

static uint32_t msg[64], buf[64];

int main(void)
{
    ktest_begin("fastpaths");
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
    struct av_stats s;
    CHECK_RC(av_stats(&s), 0);
    printf("fpen %lx, C refills %lu\n", (unsigned long)s.fastpaths,
           (unsigned long)s.faults[AV_FAULT_REFILL]);
    printf("fast-path runs %lu, cycles %lu\n", (unsigned long)s.fastpath_runs,
           (unsigned long)s.cycles_fastpath);
    /* where the CSRs exist all four paths are on; whoever served each event
     * (microcode or the C twin it hands off to), the results above agree */
    CHECK(s.fastpaths == 0 || s.fastpaths == 0xf, "fpen %lx", (unsigned long)s.fastpaths);
    printf("workload ok\n");
    ktest_end("fastpaths");
    return 0;
}
