/* rt_call: an ecall with every register chosen, for the tests that check
 * which registers a round trip keeps, clears and sets (rpc_regs.c,
 * rt_stale.c). Each test file includes it once: it defines the routine. */
#ifndef RT_CALL_H
#define RT_CALL_H
#include <stdint.h>

struct regs { uint32_t in[32], out[32]; };

/* void rt_call(struct regs *io): x1 and x3..x31 from io->in, ecall, then
 * x1 and x3..x31 as they came back into io->out; the C caller's kept
 * registers are saved around it (the patterns overwrite them). */
void rt_call(struct regs *io);
__asm__(
    "    .text\n"
    "    .globl rt_call\n"
    "rt_call:\n"
    "    addi sp, sp, -64\n"
    "    sw ra, 0(sp)\n"
    "    sw gp, 4(sp)\n"
    "    sw tp, 8(sp)\n"
    "    sw s0, 12(sp)\n"
    "    sw s1, 16(sp)\n"
    "    .irp n, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27\n"
    "    sw x\\n, 4 * \\n - 52 (sp)\n"
    "    .endr\n"
    "    sw a0, 60(sp)\n"
    "    mv t0, a0\n"
    "    .irp n, 1, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31\n"
    "    lw x\\n, 4 * \\n (t0)\n"
    "    .endr\n"
    "    lw t0, 20(t0)\n"
    "    ecall\n"
    "    addi sp, sp, -4\n"
    "    sw t0, 0(sp)\n"
    "    lw t0, 64(sp)\n"
    "    .irp n, 1, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31\n"
    "    sw x\\n, 128 + 4 * \\n (t0)\n"
    "    .endr\n"
    "    lw t1, 0(sp)\n"
    "    sw t1, 128 + 20(t0)\n"
    "    addi sp, sp, 4\n"
    "    lw ra, 0(sp)\n"
    "    lw gp, 4(sp)\n"
    "    lw tp, 8(sp)\n"
    "    lw s0, 12(sp)\n"
    "    lw s1, 16(sp)\n"
    "    .irp n, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27\n"
    "    lw x\\n, 4 * \\n - 52 (sp)\n"
    "    .endr\n"
    "    addi sp, sp, 64\n"
    "    ret\n");

#endif
