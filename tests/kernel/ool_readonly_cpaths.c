/* ool_readonly with every fast path off (boot option cpaths): the remap is
 * the kernel's C twin and the receiver's copy-on-write faults go to the C
 * handler. Same behaviour, same frames.
 * bootargs: cpaths */
/* expect-as: ool_readonly */

#include "ool_readonly.c"
