/*
 * jalr rd, off(rs1): target = (rs1 + sign-extended off) with bit 0 cleared;
 * rd = pc + 4, written after the target is computed (so rd may equal rs1).
 */
#include "test.h"

TEST_BEGIN
/* Link value. */
TEST_CASE(1, a0, 0,  la a1, 2f; 1: jalr a0, 0(a1); TEST_FAIL; 2: la a1, 1b; addi a1, a1, 4; sub a0, a0, a1)
/* Offset added. */
TEST_CASE(2, a2, 1,  li a2, 0; la a1, 2f - 8; jalr x0, 8(a1); TEST_FAIL; 2: li a2, 1)
/* Negative offset. */
TEST_CASE(3, a2, 1,  li a2, 0; la a1, 2f + 2000; jalr x0, -2000(a1); TEST_FAIL; 2: li a2, 1)
/* Bit 0 of the sum is cleared: rs1 odd. */
TEST_CASE(4, a2, 1,  li a2, 0; la a1, 2f + 1; jalr x0, 0(a1); TEST_FAIL; 2: li a2, 1)
/* Bit 0 of the sum is cleared: offset odd. */
TEST_CASE(5, a2, 1,  li a2, 0; la a1, 2f; jalr x0, 1(a1); TEST_FAIL; 2: li a2, 1)
/* rd = rs1: jumps to the old value, then holds the link. */
TEST_CASE(6, a0, 0,  la a0, 2f; 1: jalr a0, 0(a0); TEST_FAIL; 2: la a1, 1b; addi a1, a1, 4; sub a0, a0, a1)
/* Return through ra. */
TEST_CASE(7, a1, 3,  li a1, 0; la a2, sub3; jalr ra, 0(a2); addi a1, a1, 1)
TEST_END

sub3:
    li a1, 2
    jalr x0, 0(ra)
