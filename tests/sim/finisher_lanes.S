/* A byte store of 0x55 to the finisher must not pass (only the written lane
 * counts; the bus replicates the byte in all four): this program then
 * fails with code 3 through the finisher. */
#include "memmap.h"
    .section .text.init
    .globl _start
_start:
    li t1, MM_FINISHER_BASE
    li t0, 0x55
    sb t0, 0(t1)
    li t0, (3 << 16) | MM_FINISHER_FAIL
    sw t0, 0(t1)
1:  j 1b
