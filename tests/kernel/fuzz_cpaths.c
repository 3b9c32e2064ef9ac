/* The random system-call test with every fast path off (boot option cpaths):
 * on our machine every user TLB miss is a cause-24 trap for the C refill.
 * Known (issue for the ISS, not the kernel): the ISS's direct-mapped 256-entry
 * TLB has no separate fetch-page register, so an instruction at 0x1083c
 * loading from 0x1010d51 (VPNs 0x10 and 0x1010, one slot) evicts its own
 * fetch translation on every refill and never completes.
 * bootargs: cpaths */

/* not-on cosim: tens of thousands of calls with every TLB miss a cause-24 trap: 1.6 G cycles, 440 s on the RTL alone (it completes there, audit ok); co-simulation is slower still, past the 300 s limit. It runs on QEMU here (AV_KERNEL_TARGET=iss for the ISS) */
/* expect:
fuzz: seed
fuzz: done
test fuzz: PASS
audit: ok
*/

#include "fuzz.c"
