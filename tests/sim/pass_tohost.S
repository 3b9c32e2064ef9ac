/* Passes at once through tohost = 1 (the riscv-tests convention). */
#include "sim.h"
    .section .text.init
    .globl _start
_start:
    PASS
TOHOST_SECTION
