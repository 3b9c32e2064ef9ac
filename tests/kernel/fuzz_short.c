/* The seeded random system-call test (fuzz.c) with fewer calls, so that it
 * fits co-simulation's time: the same generator, checks and reclamation on
 * the RTL, checked instruction by instruction against the ISS. QEMU runs the
 * full count in fuzz.c.
 * also: mem=512K */
/* not-on qemu: fuzz.c runs the full count there */
/* expect:
fuzz: seed
fuzz: done
test fuzz: PASS
audit: ok
*/
#define CALLS 4000
#include "fuzz.c"
