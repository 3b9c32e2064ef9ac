/*
 * xori rd, rs1, imm: xor with the sign-extended immediate; xori rd, rs, -1
 * is bitwise not.
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0xff00f00f, li a1, 0x00ff0f00; xori a0, a1, 0xf0f - 0x1000)   /* imm 0xf0f = -241 */
TEST_CASE(2, a0, 0x0ff00f00, li a1, 0x0ff00ff0; xori a0, a1, 0x0f0)
TEST_CASE(3, a0, 0xedcba987, li a1, 0x12345678; xori a0, a1, -1)
TEST_CASE(4, a0, 0x800007ff, li a1, 0x80000000; xori a0, a1, 0x7ff)
TEST_CASE(5, a0, 0x7ffff800, li a1, 0x80000000; xori a0, a1, -2048)
TEST_CASE(6, a1, 0x12345679, li a1, 0x12345678; xori a1, a1, 1)
TEST_CASE(7, x0, 0,          li a1, 1; xori x0, a1, 1)
TEST_END
