/* rt_stale.c with the round trip's routine loaded but turned off (boot
 * option rtasm): the assembly path alone, which must give the same output
 * (it writes the receive record for the microcode, and checks everything
 * itself).
 * bootargs: nopreempt rtasm */
/* not-on qemu: rt_stale runs there already (no routine: the assembly path) */
/* expect-as: rt_stale */
#include "rt_stale.c"
