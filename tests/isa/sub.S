/*
 * sub rd, rs1, rs2: rd = rs1 - rs2 modulo 2^32, no overflow trap; x0 as
 * destination discards, as source reads zero.
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0,          li a1, 0; li a2, 0; sub a0, a1, a2)
TEST_CASE(2, a0, 0xffffffff, li a1, 2; li a2, 3; sub a0, a1, a2)
TEST_CASE(3, a0, 1,          li a1, 3; li a2, 2; sub a0, a1, a2)
TEST_CASE(4, a0, 0x7fffffff, li a1, 0x80000000; li a2, 1; sub a0, a1, a2)   /* wraps */
TEST_CASE(5, a0, 0x80000000, li a1, 0; li a2, 0x80000000; sub a0, a1, a2)
TEST_CASE(6, a0, 0x80000001, li a1, 0; li a2, 0x7fffffff; sub a0, a1, a2)
TEST_CASE(7, a1, 0,          li a1, 1234; sub a1, a1, a1)
TEST_CASE(8, a0, 0xfffffff9, li a1, 7; sub a0, x0, a1)                      /* negate */
TEST_CASE(9, x0, 0,          li a1, 7; li a2, 1; sub x0, a1, a2)
TEST_END
