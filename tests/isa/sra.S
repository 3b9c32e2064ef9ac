/*
 * sra rd, rs1, rs2: shift right arithmetic (sign bit copied in) by
 * rs2[4:0]; upper bits of rs2 ignored.
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0x80000000, li a1, 0x80000000; li a2, 0; sra a0, a1, a2)
TEST_CASE(2, a0, 0xc0000000, li a1, 0x80000000; li a2, 1; sra a0, a1, a2)
TEST_CASE(3, a0, 0xffffffff, li a1, 0x80000000; li a2, 31; sra a0, a1, a2)
TEST_CASE(4, a0, 0x00109090, li a1, 0x21212121; li a2, 9; sra a0, a1, a2)   /* positive: zeros in */
TEST_CASE(5, a0, 0xfff09090, li a1, 0xe1212121; li a2, 9; sra a0, a1, a2)
TEST_CASE(6, a0, 0x00000000, li a1, 0x7fffffff; li a2, 31; sra a0, a1, a2)
TEST_CASE(7, a0, 0x81818181, li a1, 0x81818181; li a2, 32; sra a0, a1, a2)  /* 32 & 31 = 0 */
TEST_CASE(8, a0, 0xc0c0c0c0, li a1, 0x81818181; li a2, 0xffffffe1; sra a0, a1, a2)
TEST_CASE(9, a0, 0xffffffff, li a1, 0x81818181; li a2, -1; sra a0, a1, a2)
TEST_CASE(10, a1, 0xfffffffe, li a1, -16; li a2, 3; sra a1, a1, a2)
TEST_CASE(11, x0, 0,          li a1, -16; li a2, 3; sra x0, a1, a2)
TEST_END
