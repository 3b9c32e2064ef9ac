/* rt_refuse.c with the round trip's microcode on (rtforce, modelled by the
 * ISS): every case there is one the routine refuses with nothing changed.
 * bootargs: nopreempt rtforce */
/* on: iss */
/* expect-as: rt_refuse */
#include "rt_refuse.c"
