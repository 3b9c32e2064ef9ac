/*
 * srl rd, rs1, rs2: shift right logical (zeros in) by rs2[4:0]; upper bits
 * of rs2 ignored.
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0x80000000, li a1, 0x80000000; li a2, 0; srl a0, a1, a2)
TEST_CASE(2, a0, 0x40000000, li a1, 0x80000000; li a2, 1; srl a0, a1, a2)
TEST_CASE(3, a0, 0x00000001, li a1, 0x80000000; li a2, 31; srl a0, a1, a2)
TEST_CASE(4, a0, 0x00109090, li a1, 0x21212121; li a2, 9; srl a0, a1, a2)
TEST_CASE(5, a0, 0x00000001, li a1, 0xffffffff; li a2, 31; srl a0, a1, a2)
TEST_CASE(6, a0, 0xffffffff, li a1, 0xffffffff; li a2, 32; srl a0, a1, a2)  /* 32 & 31 = 0 */
TEST_CASE(7, a0, 0x7fffffff, li a1, 0xffffffff; li a2, 0xffffffe1; srl a0, a1, a2)
TEST_CASE(8, a0, 0x00000001, li a1, 0x80000000; li a2, -1; srl a0, a1, a2)
TEST_CASE(9, a1, 0x00000001, li a1, 8; li a2, 3; srl a1, a1, a2)
TEST_CASE(10, x0, 0,         li a1, 8; li a2, 3; srl x0, a1, a2)
TEST_END
