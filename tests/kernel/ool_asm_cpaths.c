/* ool_asm with every fast path off (boot option cpaths): the assembly leg
 * places the pages by the remap C twin, and every user TLB miss is a
 * cause-24 trap for the C refill. Same behaviour, same frames.
 * bootargs: nopreempt cpaths */
/* expect-as: ool_asm */

#include "ool_asm.c"
