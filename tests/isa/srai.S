/*
 * srai rd, rs1, shamt: shift right arithmetic by a 5-bit immediate; the
 * encoding carries bit 30 set (funct7 0100000).
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0x80000000, li a1, 0x80000000; srai a0, a1, 0)
TEST_CASE(2, a0, 0xc0000000, li a1, 0x80000000; srai a0, a1, 1)
TEST_CASE(3, a0, 0xffffffff, li a1, 0x80000000; srai a0, a1, 31)
TEST_CASE(4, a0, 0x00109090, li a1, 0x21212121; srai a0, a1, 9)
TEST_CASE(5, a0, 0xff030303, li a1, 0x81818181; srai a0, a1, 7)
TEST_CASE(6, a0, 0x00ffffff, li a1, 0x7fffffff; srai a0, a1, 7)
TEST_CASE(7, a1, 0xffffffff, li a1, -1; srai a1, a1, 31)
TEST_CASE(8, x0, 0,          li a1, -1; srai x0, a1, 3)
TEST_END
