/*
 * and rd, rs1, rs2: bitwise and; x0 as destination discards.
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0x0f000f00, li a1, 0xff00ff00; li a2, 0x0f0f0f0f; and a0, a1, a2)
TEST_CASE(2, a0, 0x00f000f0, li a1, 0x0ff00ff0; li a2, 0xf0f0f0f0; and a0, a1, a2)
TEST_CASE(3, a0, 0x12345678, li a1, 0x12345678; and a0, a1, a1)
TEST_CASE(4, a0, 0,          li a1, 0x12345678; and a0, a1, x0)
TEST_CASE(5, a0, 0x80000000, li a1, 0x80000001; li a2, 0xfffffffe; and a0, a1, a2)
TEST_CASE(6, a2, 0x00000078, li a1, 0x12345678; li a2, 0xff; and a2, a1, a2)
TEST_CASE(7, x0, 0,          li a1, 3; li a2, 3; and x0, a1, a2)
TEST_END
