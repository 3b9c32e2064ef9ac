/*
 * sltu rd, rs1, rs2: rd = 1 if rs1 < rs2 as unsigned integers, else 0;
 * sltu rd, x0, rs2 is "rs2 != 0".
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0, li a1, 0; li a2, 0; sltu a0, a1, a2)
TEST_CASE(2, a0, 1, li a1, 1; li a2, 2; sltu a0, a1, a2)
TEST_CASE(3, a0, 0, li a1, 2; li a2, 1; sltu a0, a1, a2)
TEST_CASE(4, a0, 0, li a1, -1; li a2, 0; sltu a0, a1, a2)              /* unsigned: 0xffffffff > 0 */
TEST_CASE(5, a0, 1, li a1, 0; li a2, -1; sltu a0, a1, a2)
TEST_CASE(6, a0, 0, li a1, 0x80000000; li a2, 0x7fffffff; sltu a0, a1, a2)
TEST_CASE(7, a0, 1, li a1, 0x7fffffff; li a2, 0x80000000; sltu a0, a1, a2)
TEST_CASE(8, a0, 1, li a1, 0xfffffffe; li a2, 0xffffffff; sltu a0, a1, a2)
TEST_CASE(9, a0, 1, li a2, 5; sltu a0, x0, a2)                          /* snez */
TEST_CASE(10, a0, 0, sltu a0, x0, x0)
TEST_CASE(11, x0, 0, li a2, 5; sltu x0, x0, a2)
TEST_END
