/* The differential workload (diff_workload.h) with every path in C (cpaths:
 * TLB refill, zero-fill, copy-on-write, remap). Its expected output is the
 * same as its twin's.
 * bootargs: mem=16M nopreempt cpaths */
#include "ktest.h"
#include "diff_workload.h"

/* expect:
dw: filled, sum 723481c5, free 4037
dw: child sum 744193c5, free 4022
dw: received sum 744193c5, free 4024
dw: parent sum 8474b51d, received sum 176a44c5, free 4012
dw: released, free 4060
dw: faults zero-fill 26, copy 26, last sharer 38; pages given a frame 52, copied 26
audit: ok: 4096 frames, 4066 free, 2 held by the kernel, 0 problems
*/

int main(void)
{
    ktest_begin("diff_c");
    dw_workload();
    ktest_end("diff_c");
    return 0;
}
