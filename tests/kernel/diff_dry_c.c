/* The differential workload (diff_workload.h) with every path in C (cpaths:
 * TLB refill, zero-fill, copy-on-write, remap), in 256 KiB so the free stack
 * runs dry. Its expected output is the same as its twin's. The counts are
 * those of a kernel whose frame tables for 64 frames (536 B) fit in the
 * padding after its bss (kernel.ld _kernel_size_end below about 40 424 B:
 * 40 416 B in this image since the out-of-line round trip's tenth pass,
 * region.c built -msave-restore; past it before); past that limit they
 * take a frame of their own and every count here is one less.
 * bootargs: nopreempt cpaths mem=256K */
#include "ktest.h"
#include "diff_workload.h"

/* expect:
dw: child touched 32 pages
[init pid 2: out of memory at 0x00039026, pc 0x00010150]
dw: child status -1, free 41
audit: ok: 64 frames, 47 free, 2 held by the kernel, 0 problems
*/

int main(void)
{
    ktest_begin("diff_dry_c");
    dw_dry();
    ktest_end("diff_dry_c");
    return 0;
}
