/* Passes through the test finisher (0x5555); has no tohost symbol at all.
 * First a byte store of 0x55 (replicated in every lane on the bus) and a
 * word of another value: neither is a verdict. */
#include "memmap.h"
    .section .text.init
    .globl _start
_start:
    li t1, MM_FINISHER_BASE
    li t0, 0x55
    sb t0, 0(t1)
    li t0, 0x7777           /* QEMU's reset request: ignored here */
    sw t0, 0(t1)
    li t0, MM_FINISHER_PASS
    sw t0, 0(t1)
1:  j 1b
