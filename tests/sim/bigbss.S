/* About 124 KiB of bss: fits 16 MiB, but with --ram-size 128K it reaches the
 * device tree at the top of RAM and the harness must refuse it. */
#include "sim.h"
    .section .text.init
    .globl _start
_start:
    PASS
    .bss
    .space 126900           /* ends 60 bytes below the top of 128 KiB */
TOHOST_SECTION
