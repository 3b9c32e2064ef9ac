/* Sleeps in wfi with nothing enabled: a core waiting in wfi is not hung, so
 * the run must end at --max-cycles (status 3), never as a hang (status 4). */
#include "sim.h"
    .section .text.init
    .globl _start
_start:
    csrw mie, zero
1:  wfi
    j 1b
TOHOST_SECTION
