/* rt_fuzz.c with fewer calls (as fuzz_short.c), so that it fits
 * co-simulation's time: the hostile calls 8 and 25 meet the round trip's
 * own microcode on the RTL, which must refuse them with nothing changed or
 * take them exactly as the ISS's model does, instruction by instruction.
 * bootargs: nopreempt rtforce */
/* on: cosim */
/* expect-as: fuzz_short */
#define CALLS 4000
#include "fuzz.c"
