/* The differential workload (diff_workload.h) while its fast paths change
 * under it (boot option fpswitch): every trap from user mode steps the set of
 * zero-fill, copy-on-write, remap and TLB refill in microcode through all 16,
 * the rest in C, reloading the microcode at none. Its expected output is the
 * same as diff_c's and diff_uc's.
 * bootargs: mem=16M nopreempt fpswitch */
#include "ktest.h"
#include "diff_workload.h"

/* expect-as: diff_c */

int main(void)
{
    ktest_begin("diff_switch");
    dw_workload();
    /* Both sides served: software refills happen only while refill is off
     * (so the switching ran; QEMU has neither CSRs nor switching), and the C
     * handlers saw fewer zero-fill faults than the DW_PAGES the workload's
     * first loop alone takes (all C: 26, all microcode: 1, a kernel copy's) */
    struct av_stats st;
    CHECK_RC(av_stats(&st), 0);
    if (st.faults[AV_FAULT_REFILL] > 0)
        CHECK(st.faults[AV_FAULT_ZFILL] < DW_PAGES, "C served %lu zero-fill faults of the switched run",
              (unsigned long)st.faults[AV_FAULT_ZFILL]);
    ktest_end("diff_switch");
    return 0;
}
