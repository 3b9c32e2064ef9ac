/* Fails through the test finisher with code 300: (300 << 16) | 0x3333.
 * 300 does not fit an exit status; the harness must still exit non-zero
 * (300 & 0xff = 44) and name the code. */
#include "memmap.h"
    .section .text.init
    .globl _start
_start:
    li t0, (300 << 16) | MM_FINISHER_FAIL
    li t1, MM_FINISHER_BASE
    sw t0, 0(t1)
1:  j 1b
