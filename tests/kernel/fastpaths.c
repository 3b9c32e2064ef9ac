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
    printf("microcode cycles: zero-fill %lu, copy %lu, last %lu, refill %lu\n",
           (unsigned long)s.cycles_fast[AV_FAULT_ZFILL], (unsigned long)s.cycles_fast[AV_FAULT_COW_COPY],
           (unsigned long)s.cycles_fast[AV_FAULT_COW_LAST], (unsigned long)s.cycles_fast[AV_FAULT_REFILL]);
    /* where the CSRs exist all four paths are on; whoever served each event
     * (microcode or the C twin it hands off to), the results above agree */
    CHECK(s.fastpaths == 0 || s.fastpaths == 0xf, "fpen %lx", (unsigned long)s.fastpaths);
    /* the workload's faults ran in microcode, whose routines counted them
     * (hpmcounter4's refill walks and the cycles are the RTL's alone: the
     * ISS models neither) */
    CHECK(s.fastpaths == 0 || (s.faults_fast[AV_FAULT_ZFILL] > 0 && s.faults_fast[AV_FAULT_COW_COPY] > 0),
          "no microcode faults counted");
    /* and timed themselves (A_STAMP: mcycle, the RTL's alone; hpmcounter3
     * counting refill cycles tells it is there): a zero-fill covers its
     * page's 1024 stores, a copy its 2048 cycles, each at most twice that;
     * a last sharer's some, at most 60 */
    if (s.cycles_fast[AV_FAULT_REFILL]) {
        static const uint16_t lo[3] = { 1024, 2048, 1 }, hi[3] = { 2048, 4096, 60 };
        for (int k = 0; k < 3; k++)
            CHECK(s.cycles_fast[k] >= lo[k] * s.faults_fast[k] && s.cycles_fast[k] <= hi[k] * s.faults_fast[k],
                  "kind %d: %lu faults in %lu cycles", k, (unsigned long)s.faults_fast[k],
                  (unsigned long)s.cycles_fast[k]);
    }
    printf("workload ok\n");
    ktest_end("fastpaths");
    return 0;
}
