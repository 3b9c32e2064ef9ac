/*
 * Assembler macro shared by the two trap vectors (entry.S for M mode,
 * trapvec.S for S mode): store x1 and x3..x31 at 4*n(base), the register
 * layout of a trapframe. x2 (sp) is each vector's own business, since it is
 * the register the vector swaps to find its frame.
 */
.macro SAVE_GPRS base
    sw x1, 4(\base)
    .irp n, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    sw x\n, 4*\n(\base)
    .endr
.endm
