/* The random system-call test (fuzz.c) with the round trip's microcode on
 * (rtforce, modelled by the ISS: docs/ipc-microcode.md): random calls 8 and
 * 25 with random arguments are the hostile caller the routine must refuse
 * with nothing changed, or take exactly as ipcfast.S would.
 * bootargs: nopreempt rtforce */
/* on: iss */
/* expect-as: fuzz */
#include "fuzz.c"
