/*
 * slli rd, rs1, shamt: shift left by a 5-bit immediate (0..31); an encoding
 * with shamt[5] set is reserved on RV32 (see illegal.S).
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0x00000001, li a1, 1; slli a0, a1, 0)
TEST_CASE(2, a0, 0x00000002, li a1, 1; slli a0, a1, 1)
TEST_CASE(3, a0, 0x80000000, li a1, 1; slli a0, a1, 31)
TEST_CASE(4, a0, 0x42424200, li a1, 0x21212121; slli a0, a1, 9)
TEST_CASE(5, a0, 0x90909080, li a1, 0x21212121; slli a0, a1, 7)
TEST_CASE(6, a0, 0xfffffffe, li a1, 0xffffffff; slli a0, a1, 1)
TEST_CASE(7, a1, 0x00000300, li a1, 3; slli a1, a1, 8)
TEST_CASE(8, x0, 0,          li a1, 3; slli x0, a1, 8)
TEST_END
