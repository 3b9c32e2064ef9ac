/*
 * xor rd, rs1, rs2: bitwise exclusive or; x0 as destination discards.
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0xf00ff00f, li a1, 0xff00ff00; li a2, 0x0f0f0f0f; xor a0, a1, a2)
TEST_CASE(2, a0, 0xff00ff00, li a1, 0x0ff00ff0; li a2, 0xf0f0f0f0; xor a0, a1, a2)
TEST_CASE(3, a0, 0,          li a1, 0x12345678; xor a0, a1, a1)
TEST_CASE(4, a0, 0xedcba987, li a1, 0x12345678; li a2, -1; xor a0, a1, a2)
TEST_CASE(5, a0, 0x12345678, li a1, 0x12345678; xor a0, a1, x0)
TEST_CASE(6, a2, 0x00ff00ff, li a1, 0xff00ff00; li a2, 0xffffffff; xor a2, a1, a2)
TEST_CASE(7, x0, 0,          li a1, 1; li a2, 2; xor x0, a1, a2)
TEST_END
