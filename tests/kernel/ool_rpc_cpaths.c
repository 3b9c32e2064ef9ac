/* ool_rpc with every fast path off (boot option cpaths): the remap of the
 * out-of-line pages is the kernel's C twin, and every user TLB miss a
 * cause-24 trap for the C refill. Same behaviour, same frames.
 * bootargs: cpaths */
/* expect-as: ool_rpc */

#include "ool_rpc.c"
