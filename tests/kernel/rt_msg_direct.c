/* msg_direct.c with the round trip's microcode on (boot option rtforce, which
 * the ISS models from the contract: docs/ipc-microcode.md; the RTL has no
 * routine yet, so on: iss). The output must be the same as with the
 * assembly path: the microcode takes only cases ipcfast.S takes and leaves
 * the same state, and refuses the rest with nothing changed.
 * bootargs: nopreempt rtforce */
/* on: iss */
/* expect-as: msg_direct */
#include "msg_direct.c"
