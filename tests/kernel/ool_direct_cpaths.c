/* ool_direct with every fast path off (boot option cpaths): the pages go
 * into the waiting receiver's map by the remap C twin, and every user TLB
 * miss is a cause-24 trap for the C refill. Same behaviour, same frames.
 * bootargs: nopreempt cpaths */
/* expect-as: ool_direct */

#include "ool_direct.c"
