/*
 * slti rd, rs1, imm: signed compare with the sign-extended immediate.
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0, li a1, 0; slti a0, a1, 0)
TEST_CASE(2, a0, 1, li a1, 1; slti a0, a1, 2)
TEST_CASE(3, a0, 0, li a1, 3; slti a0, a1, 2)
TEST_CASE(4, a0, 1, li a1, -1; slti a0, a1, 0)
TEST_CASE(5, a0, 0, li a1, 0; slti a0, a1, -1)
TEST_CASE(6, a0, 1, li a1, 0x80000000; slti a0, a1, -2048)
TEST_CASE(7, a0, 0, li a1, 0x7fffffff; slti a0, a1, 2047)
TEST_CASE(8, a0, 1, li a1, -2049; slti a0, a1, -2048)
TEST_CASE(9, a0, 0, li a1, -2048; slti a0, a1, -2048)
TEST_CASE(10, x0, 0, li a1, -5; slti x0, a1, 1)
TEST_END
