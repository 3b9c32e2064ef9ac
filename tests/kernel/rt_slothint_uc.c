/* rt_slothint.c with the round trip's microcode on (rtforce, modelled by
 * the ISS): its check 19 takes the lowest free slot and its commit 2 lowers
 * the name hint as the RTL's routine does.
 * bootargs: nopreempt rtforce */
/* on: iss */
/* expect-as: rt_slothint */
#include "rt_slothint.c"
