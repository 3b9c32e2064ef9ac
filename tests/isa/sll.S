/*
 * sll rd, rs1, rs2: shift left logical by rs2[4:0]; the upper bits of rs2
 * are ignored (shift amounts are masked to 5 bits).
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0x00000001, li a1, 1; li a2, 0; sll a0, a1, a2)
TEST_CASE(2, a0, 0x00000002, li a1, 1; li a2, 1; sll a0, a1, a2)
TEST_CASE(3, a0, 0x80000000, li a1, 1; li a2, 31; sll a0, a1, a2)
TEST_CASE(4, a0, 0x42424200, li a1, 0x21212121; li a2, 9; sll a0, a1, a2)
TEST_CASE(5, a0, 0x80000000, li a1, 0xffffffff; li a2, 31; sll a0, a1, a2)
TEST_CASE(6, a0, 0x00000001, li a1, 1; li a2, 32; sll a0, a1, a2)          /* 32 & 31 = 0 */
TEST_CASE(7, a0, 0x00000002, li a1, 1; li a2, 0xffffffe1; sll a0, a1, a2)  /* only [4:0] = 1 */
TEST_CASE(8, a0, 0x80000000, li a1, 1; li a2, -1; sll a0, a1, a2)          /* -1 & 31 = 31 */
TEST_CASE(9, a1, 0x00000018, li a1, 3; li a2, 3; sll a1, a1, a2)
TEST_CASE(10, a0, 0,         li a2, 5; sll a0, x0, a2)
TEST_CASE(11, x0, 0,         li a1, 3; li a2, 3; sll x0, a1, a2)
TEST_END
