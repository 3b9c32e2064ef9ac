/*
 * mulhsu rd, rs1, rs2: the high 32 bits of the product of signed rs1 and
 * unsigned rs2.
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0x00000000, li a1, 0x00000000; li a2, 0x00000000; mulhsu a0, a1, a2)
TEST_CASE(2, a0, 0x00000000, li a1, 0x00000001; li a2, 0x00000001; mulhsu a0, a1, a2)
TEST_CASE(3, a0, 0x00000000, li a1, 0x00000003; li a2, 0x00000007; mulhsu a0, a1, a2)
TEST_CASE(4, a0, 0x00000000, li a1, 0x00000014; li a2, 0x00000006; mulhsu a0, a1, a2)
TEST_CASE(5, a0, 0xffffffff, li a1, 0xffffffec; li a2, 0x00000006; mulhsu a0, a1, a2)
TEST_CASE(6, a0, 0x00000013, li a1, 0x00000014; li a2, 0xfffffffa; mulhsu a0, a1, a2)
TEST_CASE(7, a0, 0xffffffec, li a1, 0xffffffec; li a2, 0xfffffffa; mulhsu a0, a1, a2)
TEST_CASE(8, a0, 0x00000000, li a1, 0x00000007; li a2, 0x00000003; mulhsu a0, a1, a2)
TEST_CASE(9, a0, 0xffffffff, li a1, 0xfffffff9; li a2, 0x00000003; mulhsu a0, a1, a2)
TEST_CASE(10, a0, 0x00000006, li a1, 0x00000007; li a2, 0xfffffffd; mulhsu a0, a1, a2)
TEST_CASE(11, a0, 0xfffffff9, li a1, 0xfffffff9; li a2, 0xfffffffd; mulhsu a0, a1, a2)
TEST_CASE(12, a0, 0xc0000000, li a1, 0x80000000; li a2, 0x80000000; mulhsu a0, a1, a2)
TEST_CASE(13, a0, 0x80000000, li a1, 0x80000000; li a2, 0xffffffff; mulhsu a0, a1, a2)
TEST_CASE(14, a0, 0xffffffff, li a1, 0x80000000; li a2, 0x00000001; mulhsu a0, a1, a2)
TEST_CASE(15, a0, 0x3fffffff, li a1, 0x7fffffff; li a2, 0x7fffffff; mulhsu a0, a1, a2)
TEST_CASE(16, a0, 0xffffffff, li a1, 0xffffffff; li a2, 0xffffffff; mulhsu a0, a1, a2)
TEST_CASE(17, a0, 0x0b00ea4e, li a1, 0x12345678; li a2, 0x9abcdef0; mulhsu a0, a1, a2)
TEST_CASE(18, a0, 0xf8cc93d6, li a1, 0x9abcdef0; li a2, 0x12345678; mulhsu a0, a1, a2)
TEST_CASE(19, a0, 0x7ffffffe, li a1, 0x7fffffff; li a2, 0xffffffff; mulhsu a0, a1, a2)
TEST_CASE(20, a0, 0x00000001, li a1, 0x00000002; li a2, 0xffffffff; mulhsu a0, a1, a2)
TEST_CASE(21, a0, 0xffffffff, li a1, 0xffffffff; li a2, 0x00000002; mulhsu a0, a1, a2)
TEST_CASE(22, a0, 0x00000000, li a1, 0x00000005; li a2, 0x00000000; mulhsu a0, a1, a2)
TEST_CASE(23, a0, 0x00000000, li a1, 0xfffffffb; li a2, 0x00000000; mulhsu a0, a1, a2)
TEST_CASE(24, a0, 0x00000000, li a1, 0x80000000; li a2, 0x00000000; mulhsu a0, a1, a2)
TEST_CASE(25, a0, 0x00000000, li a1, 0xffffffff; li a2, 0x00000000; mulhsu a0, a1, a2)
TEST_CASE(26, a1, 0xffffffff, li a1, 0xffffffec; li a2, 6; mulhsu a1, a1, a2)   /* rd = rs1 */
TEST_CASE(27, a2, 0xffffffff, li a1, 0xffffffec; li a2, 6; mulhsu a2, a1, a2)   /* rd = rs2 */
TEST_CASE(28, a0, 0x00000000, li a1, 7; mulhsu a0, a1, a1)
TEST_CASE(29, a0, 0x00000000, li a2, 7; mulhsu a0, x0, a2)
TEST_CASE(30, x0, 0, li a1, 7; li a2, 3; mulhsu x0, a1, a2)
TEST_END
