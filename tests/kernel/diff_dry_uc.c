/* The differential workload (diff_workload.h) with every path in microcode
 * (the default boot: the fast paths loaded), in 256 KiB so the free stack
 * runs dry. Its expected output is the same as its twin's.
 * bootargs: nopreempt mem=256K */
#include "ktest.h"
#include "diff_workload.h"

/* expect-as: diff_dry_c */

int main(void)
{
    ktest_begin("diff_dry_uc");
    dw_dry();
    ktest_end("diff_dry_uc");
    return 0;
}
