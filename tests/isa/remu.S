/*
 * remu rd, rs1, rs2: unsigned remainder; x remu 0 = x, no trap.
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0x00000000, li a1, 0x00000000; li a2, 0x00000000; remu a0, a1, a2)
TEST_CASE(2, a0, 0x00000000, li a1, 0x00000001; li a2, 0x00000001; remu a0, a1, a2)
TEST_CASE(3, a0, 0x00000003, li a1, 0x00000003; li a2, 0x00000007; remu a0, a1, a2)
TEST_CASE(4, a0, 0x00000002, li a1, 0x00000014; li a2, 0x00000006; remu a0, a1, a2)
TEST_CASE(5, a0, 0x00000002, li a1, 0xffffffec; li a2, 0x00000006; remu a0, a1, a2)
TEST_CASE(6, a0, 0x00000014, li a1, 0x00000014; li a2, 0xfffffffa; remu a0, a1, a2)
TEST_CASE(7, a0, 0xffffffec, li a1, 0xffffffec; li a2, 0xfffffffa; remu a0, a1, a2)
TEST_CASE(8, a0, 0x00000001, li a1, 0x00000007; li a2, 0x00000003; remu a0, a1, a2)
TEST_CASE(9, a0, 0x00000000, li a1, 0xfffffff9; li a2, 0x00000003; remu a0, a1, a2)
TEST_CASE(10, a0, 0x00000007, li a1, 0x00000007; li a2, 0xfffffffd; remu a0, a1, a2)
TEST_CASE(11, a0, 0xfffffff9, li a1, 0xfffffff9; li a2, 0xfffffffd; remu a0, a1, a2)
TEST_CASE(12, a0, 0x00000000, li a1, 0x80000000; li a2, 0x80000000; remu a0, a1, a2)
TEST_CASE(13, a0, 0x80000000, li a1, 0x80000000; li a2, 0xffffffff; remu a0, a1, a2)
TEST_CASE(14, a0, 0x00000000, li a1, 0x80000000; li a2, 0x00000001; remu a0, a1, a2)
TEST_CASE(15, a0, 0x00000000, li a1, 0x7fffffff; li a2, 0x7fffffff; remu a0, a1, a2)
TEST_CASE(16, a0, 0x00000000, li a1, 0xffffffff; li a2, 0xffffffff; remu a0, a1, a2)
TEST_CASE(17, a0, 0x12345678, li a1, 0x12345678; li a2, 0x9abcdef0; remu a0, a1, a2)
TEST_CASE(18, a0, 0x091a2b30, li a1, 0x9abcdef0; li a2, 0x12345678; remu a0, a1, a2)
TEST_CASE(19, a0, 0x7fffffff, li a1, 0x7fffffff; li a2, 0xffffffff; remu a0, a1, a2)
TEST_CASE(20, a0, 0x00000002, li a1, 0x00000002; li a2, 0xffffffff; remu a0, a1, a2)
TEST_CASE(21, a0, 0x00000001, li a1, 0xffffffff; li a2, 0x00000002; remu a0, a1, a2)
TEST_CASE(22, a0, 0x00000005, li a1, 0x00000005; li a2, 0x00000000; remu a0, a1, a2)
TEST_CASE(23, a0, 0xfffffffb, li a1, 0xfffffffb; li a2, 0x00000000; remu a0, a1, a2)
TEST_CASE(24, a0, 0x80000000, li a1, 0x80000000; li a2, 0x00000000; remu a0, a1, a2)
TEST_CASE(25, a0, 0xffffffff, li a1, 0xffffffff; li a2, 0x00000000; remu a0, a1, a2)
TEST_CASE(26, a1, 0x00000002, li a1, 0xffffffec; li a2, 6; remu a1, a1, a2)   /* rd = rs1 */
TEST_CASE(27, a2, 0x00000002, li a1, 0xffffffec; li a2, 6; remu a2, a1, a2)   /* rd = rs2 */
TEST_CASE(28, a0, 0x00000000, li a1, 7; remu a0, a1, a1)
TEST_CASE(29, a0, 0x00000000, li a2, 7; remu a0, x0, a2)
TEST_CASE(30, x0, 0, li a1, 7; li a2, 3; remu x0, a1, a2)
TEST_END
