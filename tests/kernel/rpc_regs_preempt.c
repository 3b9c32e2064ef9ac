/* rpc_regs.c with preemption on (the default): the round trip's fast path
 * then switches through schedule(), which reads the time and keeps the
 * quantum; the registers and statistics must come out the same. */
/* expect-as: rpc_regs */
#include "rpc_regs.c"
