/* rpc_regs.c with preemption on (the default): the round trip's fast path
 * then switches through schedule(), which reads the time and keeps the
 * quantum; the registers must come out the same, and the statistics count
 * every message inline (a timer between a reply and the next receive may
 * leave a request queued rather than handed over: see the check). */
/* expect-as: rpc_regs */
#define RPC_REGS_PREEMPT
#include "rpc_regs.c"
