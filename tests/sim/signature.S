/*
 * +signature: four words between begin_signature and end_signature, one of
 * them changed at run time, so the file must show memory at the end of the
 * run, not the ELF's initial bytes.
 */
#include "sim.h"
    .section .text.init
    .globl _start
_start:
    la t0, begin_signature
    li t1, 0x0badcafe
    sw t1, 8(t0)
    PASS

    .data
    .align 4
    .globl begin_signature, end_signature
begin_signature:
    .word 0xdeadbeef, 0x00000001, 0x11111111, 0xffffffff
end_signature:
    .word 0x99999999        /* after the end: must not appear */
TOHOST_SECTION
