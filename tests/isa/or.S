/*
 * or rd, rs1, rs2: bitwise or; x0 as destination discards.
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0xff0fff0f, li a1, 0xff00ff00; li a2, 0x0f0f0f0f; or a0, a1, a2)
TEST_CASE(2, a0, 0xfff0fff0, li a1, 0x0ff00ff0; li a2, 0xf0f0f0f0; or a0, a1, a2)
TEST_CASE(3, a0, 0x12345678, li a1, 0x12345678; or a0, a1, a1)
TEST_CASE(4, a0, 0xffffffff, li a1, 0x12345678; li a2, -1; or a0, a1, a2)
TEST_CASE(5, a0, 0,          or a0, x0, x0)
TEST_CASE(6, a1, 0x80000001, li a1, 0x80000000; li a2, 1; or a1, a1, a2)
TEST_CASE(7, x0, 0,          li a1, 1; li a2, 2; or x0, a1, a2)
TEST_END
