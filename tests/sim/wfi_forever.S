/* wfi with interrupts enabled in mie that can never become pending: the
 * software ones (written by software only), and the timer's with mtimecmp
 * all ones (never reached). The hart would sleep forever, and the harness
 * and the ISS must say so at once (status 4), not run to --max-cycles. */
#include "sim.h"
    .section .text.init
    .globl _start
_start:
    li t0, MM_CLINT_BASE + MM_CLINT_MTIMECMP
    li t1, -1
    sw t1, 0(t0)
    sw t1, 4(t0)
    li t0, 0x2aa            /* SSIE MSIE STIE MTIE SEIE: all but MEIE */
    csrw mie, t0
    wfi
    FAIL(1)
TOHOST_SECTION
