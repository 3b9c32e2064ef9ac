/* Never ends (but keeps retiring): only --max-cycles stops it. */
#include "sim.h"
    .section .text.init
    .globl _start
_start:
    addi a0, a0, 1
    j _start
TOHOST_SECTION
