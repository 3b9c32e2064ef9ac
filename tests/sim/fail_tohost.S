/* Fails through tohost = (21 << 1) | 1: the harness must exit with 21. */
#include "sim.h"
    .section .text.init
    .globl _start
_start:
    FAIL(21)
TOHOST_SECTION
