/* The differential workload (diff_workload.h) with every path in microcode
 * (the default boot: the fast paths loaded). Its expected output is the same
 * as its twin's.
 * bootargs: mem=16M nopreempt */
#include "ktest.h"
#include "diff_workload.h"

/* expect:
dw: filled, sum 723481c5, free 4037
dw: child sum 744193c5, free 4022
dw: received sum 744193c5, free 4025
dw: parent sum 8474b51d, received sum 176a44c5, free 4013
dw: released, free 4061
audit: ok: 4096 frames, 4067 free, 3 held by the kernel, 0 problems
*/

int main(void)
{
    ktest_begin("diff_uc");
    dw_workload();
    ktest_end("diff_uc");
    return 0;
}
