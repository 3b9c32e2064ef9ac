/* ool_reuse with every fast path off (boot option cpaths): the remap C twin
 * places the pages. Same behaviour, same frames.
 * bootargs: nopreempt cpaths */
/* expect-as: ool_reuse */

#include "ool_reuse.c"
