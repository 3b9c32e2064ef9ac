/* rt_taken.c with the round trip's routine loaded but turned off (boot
 * option rtasm): every round trip takes the assembly path.
 * bootargs: nopreempt rtasm */
/* not-on qemu: QEMU's instret does not count one instruction a step */
/* expect-as: rt_taken */
#include "rt_taken.c"
