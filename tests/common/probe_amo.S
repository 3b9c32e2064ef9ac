/*
 * Capability probe (tests/common/elfsuite.py): does the core under test
 * have the A extension? One amoadd.w and one lr.w/sc.w pair must work.
 * Tests marked "NEEDS: amo" wait for it.
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 5, la a1, word; li a2, 5; sw a2, 0(a1); li a2, 3; amoadd.w a0, a2, (a1))
TEST_CASE(2, a0, 8, lw a0, 0(a1))
TEST_CASE(3, a3, 0, lr.w a0, (a1); addi a0, a0, 1; sc.w a3, a0, (a1))
TEST_CASE(4, a0, 9, lw a0, 0(a1))
TEST_END

    .data
    .align 2
word: .word 0
