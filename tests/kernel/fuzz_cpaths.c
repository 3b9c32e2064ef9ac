/* The random system-call test with every fast path off (boot option cpaths):
 * on our machine every user TLB miss is a cause-24 trap for the C refill.
 * Known (issue for the ISS, not the kernel): the ISS's direct-mapped 256-entry
 * TLB has no separate fetch-page register, so an instruction at 0x1083c
 * loading from 0x1010d51 (VPNs 0x10 and 0x1010, one slot) evicts its own
 * fetch translation on every refill and never completes.
 * bootargs: cpaths */

/* expect:
fuzz: seed
fuzz: done
test fuzz: PASS
audit: ok
*/

#include "fuzz.c"
