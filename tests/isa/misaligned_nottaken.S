/*
 * A branch that is not taken never raises instruction-address-misaligned,
 * however its target is aligned: the exception belongs to taking the branch.
 */
#include "test.h"

#define NOT_TAKEN(n, insn, v1, v2) \
    TEST_CASE(n, a0, 1, li a0, 0; li a1, v1; li a2, v2; insn a1, a2, 1f + 2; li a0, 1; j 2f; 1: .word 0; .word 0; 2:)

TEST_BEGIN
NOT_TAKEN(1, beq, 1, 2)
NOT_TAKEN(2, bne, 1, 1)
NOT_TAKEN(3, blt, 1, -1)
NOT_TAKEN(4, bge, -1, 1)
NOT_TAKEN(5, bltu, -1, 1)
NOT_TAKEN(6, bgeu, 1, -1)
TEST_END
