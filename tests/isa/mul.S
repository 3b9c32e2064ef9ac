/*
 * mul rd, rs1, rs2: the low 32 bits of the product (the same for signed
 * and unsigned operands).
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0x00000000, li a1, 0x00000000; li a2, 0x00000000; mul a0, a1, a2)
TEST_CASE(2, a0, 0x00000001, li a1, 0x00000001; li a2, 0x00000001; mul a0, a1, a2)
TEST_CASE(3, a0, 0x00000015, li a1, 0x00000003; li a2, 0x00000007; mul a0, a1, a2)
TEST_CASE(4, a0, 0x00000078, li a1, 0x00000014; li a2, 0x00000006; mul a0, a1, a2)
TEST_CASE(5, a0, 0xffffff88, li a1, 0xffffffec; li a2, 0x00000006; mul a0, a1, a2)
TEST_CASE(6, a0, 0xffffff88, li a1, 0x00000014; li a2, 0xfffffffa; mul a0, a1, a2)
TEST_CASE(7, a0, 0x00000078, li a1, 0xffffffec; li a2, 0xfffffffa; mul a0, a1, a2)
TEST_CASE(8, a0, 0x00000015, li a1, 0x00000007; li a2, 0x00000003; mul a0, a1, a2)
TEST_CASE(9, a0, 0xffffffeb, li a1, 0xfffffff9; li a2, 0x00000003; mul a0, a1, a2)
TEST_CASE(10, a0, 0xffffffeb, li a1, 0x00000007; li a2, 0xfffffffd; mul a0, a1, a2)
TEST_CASE(11, a0, 0x00000015, li a1, 0xfffffff9; li a2, 0xfffffffd; mul a0, a1, a2)
TEST_CASE(12, a0, 0x00000000, li a1, 0x80000000; li a2, 0x80000000; mul a0, a1, a2)
TEST_CASE(13, a0, 0x80000000, li a1, 0x80000000; li a2, 0xffffffff; mul a0, a1, a2)
TEST_CASE(14, a0, 0x80000000, li a1, 0x80000000; li a2, 0x00000001; mul a0, a1, a2)
TEST_CASE(15, a0, 0x00000001, li a1, 0x7fffffff; li a2, 0x7fffffff; mul a0, a1, a2)
TEST_CASE(16, a0, 0x00000001, li a1, 0xffffffff; li a2, 0xffffffff; mul a0, a1, a2)
TEST_CASE(17, a0, 0x242d2080, li a1, 0x12345678; li a2, 0x9abcdef0; mul a0, a1, a2)
TEST_CASE(18, a0, 0x242d2080, li a1, 0x9abcdef0; li a2, 0x12345678; mul a0, a1, a2)
TEST_CASE(19, a0, 0x80000001, li a1, 0x7fffffff; li a2, 0xffffffff; mul a0, a1, a2)
TEST_CASE(20, a0, 0xfffffffe, li a1, 0x00000002; li a2, 0xffffffff; mul a0, a1, a2)
TEST_CASE(21, a0, 0xfffffffe, li a1, 0xffffffff; li a2, 0x00000002; mul a0, a1, a2)
TEST_CASE(22, a0, 0x00000000, li a1, 0x00000005; li a2, 0x00000000; mul a0, a1, a2)
TEST_CASE(23, a0, 0x00000000, li a1, 0xfffffffb; li a2, 0x00000000; mul a0, a1, a2)
TEST_CASE(24, a0, 0x00000000, li a1, 0x80000000; li a2, 0x00000000; mul a0, a1, a2)
TEST_CASE(25, a0, 0x00000000, li a1, 0xffffffff; li a2, 0x00000000; mul a0, a1, a2)
TEST_CASE(26, a1, 0xffffff88, li a1, 0xffffffec; li a2, 6; mul a1, a1, a2)   /* rd = rs1 */
TEST_CASE(27, a2, 0xffffff88, li a1, 0xffffffec; li a2, 6; mul a2, a1, a2)   /* rd = rs2 */
TEST_CASE(28, a0, 0x00000031, li a1, 7; mul a0, a1, a1)
TEST_CASE(29, a0, 0x00000000, li a2, 7; mul a0, x0, a2)
TEST_CASE(30, x0, 0, li a1, 7; li a2, 3; mul x0, a1, a2)
TEST_END
