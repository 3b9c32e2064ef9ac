/*
 * jal rd, off: rd = pc + 4, pc = pc + off (forward, backward, far); rd = x0
 * is a plain jump.
 */
#include "test.h"

TEST_BEGIN
/* Link value is the address after the jal. */
TEST_CASE(1, a0, 0,  1: jal a0, 2f; TEST_FAIL; 2: la a1, 1b; addi a1, a1, 4; sub a0, a0, a1)
/* The instructions skipped do not run. */
TEST_CASE(2, a1, 7,  li a1, 7; jal x0, 1f; li a1, 8; 1:)
/* Backward. */
TEST_CASE(3, a1, 2,  li a1, 0; j 3f; 1: addi a1, a1, 1; j 2f; 3: addi a1, a1, 1; jal x0, 1b; 2:)
/* Far forward: more than 2 KiB away, beyond any branch's reach. */
TEST_CASE(4, a0, 0,  1: jal a0, far_target; TEST_FAIL; far_back: la a1, 1b; addi a1, a1, 4; sub a0, a0, a1)
/* rd = ra, the call idiom, and returning through it. */
TEST_CASE(5, a1, 5,  li a1, 0; call sub5; addi a1, a1, 1)
TEST_CASE(6, x0, 0,  jal x0, 1f; 1:)
TEST_END

sub5:
    li a1, 4
    ret

    .space 4096
far_target:
    j far_back
