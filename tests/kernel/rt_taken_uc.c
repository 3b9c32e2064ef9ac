/* rt_taken.c with the round trip's microcode on (rtforce: the ISS models
 * it; the RTL has no routine yet): the round trips must take it.
 * bootargs: nopreempt rtforce */
/* on: iss */
/* expect-as: rt_taken */
#include "rt_taken.c"
