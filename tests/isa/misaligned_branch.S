/*
 * A taken branch to an address that is not 4-byte aligned (IALIGN = 32, no
 * C extension) raises instruction-address-misaligned (cause 0) on the branch
 * itself: mepc = the branch, mtval = the target (DESIGN: Implementation
 * choices). Forward and backward, every branch kind. Not-taken branches to
 * such targets are in misaligned_nottaken.S.
 *
 * QEMU: no - QEMU 7.2 reports the branch's own pc in mtval, not the target.
 */
#include "test.h"

/* The target area holds illegal words, so a core that jumps there anyway
 * takes an illegal-instruction trap, which fails the case. */
#define MIS_BRANCH(n, insn, v1, v2)                     \
    SET_CASE(n); li a1, v1; li a2, v2;                  \
    la a3, 1f + 2;                                      \
    TRAP_EXPECT(CAUSE_MISALIGNED_FETCH, a3);            \
    insn a1, a2, 1f + 2;                                \
    TRAP_CHECK;                                         \
    j 2f;                                               \
1:  .word 0; .word 0;                                   \
2:

TEST_BEGIN
MIS_BRANCH(1, beq, 1, 1)
MIS_BRANCH(2, bne, 1, 2)
MIS_BRANCH(3, blt, -1, 1)
MIS_BRANCH(4, bge, 1, -1)
MIS_BRANCH(5, bltu, 1, -1)
MIS_BRANCH(6, bgeu, -1, 1)

/* Backward: target 6 bytes before the branch. */
    SET_CASE(7)
    j 3f
1:  .word 0; .word 0
3:  la a3, 1b + 2
    TRAP_EXPECT(CAUSE_MISALIGNED_FETCH, a3)
    beq x0, x0, 1b + 2
    TRAP_CHECK

/* The exception comes from the branch: mepc is its address, and the
 * instruction after it runs next once the handler skips the branch. */
    SET_CASE(8)
    li a0, 0
    la a3, 1f + 2
    TRAP_EXPECT(CAUSE_MISALIGNED_FETCH, a3)
    bne x0, a3, 1f + 2
    li a0, 1
    j 2f
1:  .word 0; .word 0
2:  li t6, 1
    CHECK_EQ(a0, t6)
    la t6, trap_last_epc
    lw t6, 0(t6)
    andi t6, t6, 3
    CHECK_EQ(t6, x0)
TEST_END
