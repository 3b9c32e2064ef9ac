/* A long run for the speed figure: 1,000,000 iterations of a short loop of
 * ALU and branch instructions, then pass. */
#include "sim.h"
    .section .text.init
    .globl _start
_start:
    li a0, 1000000
    li a1, 0
1:  addi a1, a1, 3
    xor a2, a1, a0
    addi a0, a0, -1
    bnez a0, 1b
    PASS
TOHOST_SECTION
