/* The default boot: the kernel loads the fast-path microcode
 * (rtl/wcs/fastpaths.uc) and turns zero-fill, copy-on-write and remap on,
 * with TLB refill by the microcode walk; the routines and the kernel share
 * the frame table and free stack (the ISS models the same routines, so
 * co-simulation checks every step; on QEMU the CSRs are absent: all C).
 * A workload of faults, copy-on-write and messages must behave the same. */
#include "ktest.h"
#include "cow_workload.h"

/* expect:
workload ok
test fastpaths: PASS
*/

int main(void)
{
    ktest_begin("fastpaths");
    cow_workload();
    struct av_stats s;
    CHECK_RC(av_stats(&s), 0);
    printf("fpen %lx, C refills %lu\n", (unsigned long)s.fastpaths,
           (unsigned long)s.faults[AV_FAULT_REFILL]);
    printf("microcode: zero-fill %lu, copy %lu, last %lu, refill walks %lu, cycles %lu\n",
           (unsigned long)s.faults_fast[AV_FAULT_ZFILL], (unsigned long)s.faults_fast[AV_FAULT_COW_COPY],
           (unsigned long)s.faults_fast[AV_FAULT_COW_LAST], (unsigned long)s.refill_walks,
           (unsigned long)s.cycles_fastpath);
    /* where the CSRs exist all four paths are on; whoever served each event
     * (microcode or the C twin it hands off to), the results above agree */
    CHECK(s.fastpaths == 0 || s.fastpaths == 0xf, "fpen %lx", (unsigned long)s.fastpaths);
    /* the workload's faults ran in microcode, whose routines counted them
     * (hpmcounter4's refill walks and the cycles are the RTL's alone: the
     * ISS models neither) */
    CHECK(s.fastpaths == 0 || (s.faults_fast[AV_FAULT_ZFILL] > 0 && s.faults_fast[AV_FAULT_COW_COPY] > 0),
          "no microcode faults counted");
    printf("workload ok\n");
    ktest_end("fastpaths");
    return 0;
}
