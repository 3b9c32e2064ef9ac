/* The differential workload (diff_workload.h) with every path in C (cpaths:
 * TLB refill, zero-fill, copy-on-write, remap), in 256 KiB so the free stack
 * runs dry. Its expected output is the same as its twin's. The counts are
 * those of a kernel whose frame tables for 64 frames (536 B) no longer fit
 * in the padding after its bss (kernel.ld _kernel_size_end past 40 424 B:
 * 40 512 B in this image since the round trip's routine landed) and take a
 * frame of their own; below that limit every count here is one more.
 * bootargs: nopreempt cpaths mem=256K */
#include "ktest.h"
#include "diff_workload.h"

/* expect:
dw: child touched 32 pages
[init pid 2: out of memory at 0x00038025, pc 0x00010150]
dw: child status -1, free 40
dw: faults zero-fill 39, copy 2, last sharer 2; pages given a frame 41, copied 2
audit: ok: 64 frames, 46 free, 2 held by the kernel, 0 problems
*/

int main(void)
{
    ktest_begin("diff_dry_c");
    dw_dry();
    ktest_end("diff_dry_c");
    return 0;
}
