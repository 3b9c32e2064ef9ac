/* Sleeps in wfi until a timer interrupt far in the future (mtimecmp about
 * 2^30 ticks ahead): a core waiting in wfi for something that can still
 * come is not hung, so the run must end at --max-cycles (status 3), never
 * as a hang (status 4). */
#include "sim.h"
    .section .text.init
    .globl _start
_start:
    li t0, MM_CLINT_BASE + MM_CLINT_MTIMECMP
    li t1, 1
    sw t1, 4(t0)            /* mtimecmp = 2^32: the high half first */
    sw zero, 0(t0)
    li t0, 0x80             /* MTIE alone; mstatus.MIE stays clear */
    csrw mie, t0
1:  wfi
    j 1b
TOHOST_SECTION
