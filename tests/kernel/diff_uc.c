/* The differential workload (diff_workload.h) with every path in microcode
 * (the default boot: the fast paths loaded). Its expected output is the same
 * as its twin's.
 * bootargs: mem=16M nopreempt */
#include "ktest.h"
#include "diff_workload.h"

/* expect-as: diff_c */

int main(void)
{
    ktest_begin("diff_uc");
    dw_workload();
    ktest_end("diff_uc");
    return 0;
}
