/*
 * slt rd, rs1, rs2: rd = 1 if rs1 < rs2 as signed integers, else 0.
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0, li a1, 0; li a2, 0; slt a0, a1, a2)
TEST_CASE(2, a0, 1, li a1, 1; li a2, 2; slt a0, a1, a2)
TEST_CASE(3, a0, 0, li a1, 2; li a2, 1; slt a0, a1, a2)
TEST_CASE(4, a0, 1, li a1, -1; li a2, 0; slt a0, a1, a2)              /* signed: -1 < 0 */
TEST_CASE(5, a0, 0, li a1, 0; li a2, -1; slt a0, a1, a2)
TEST_CASE(6, a0, 1, li a1, 0x80000000; li a2, 0x7fffffff; slt a0, a1, a2)
TEST_CASE(7, a0, 0, li a1, 0x7fffffff; li a2, 0x80000000; slt a0, a1, a2)
TEST_CASE(8, a0, 1, li a1, 0x80000000; li a2, 0x80000001; slt a0, a1, a2)
TEST_CASE(9, a0, 0, li a1, -5; slt a0, a1, a1)
TEST_CASE(10, a0, 1, li a2, 1; slt a0, x0, a2)
TEST_CASE(11, x0, 0, li a1, -1; li a2, 1; slt x0, a1, a2)
TEST_END
