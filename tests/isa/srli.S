/*
 * srli rd, rs1, shamt: shift right logical by a 5-bit immediate.
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0x80000000, li a1, 0x80000000; srli a0, a1, 0)
TEST_CASE(2, a0, 0x40000000, li a1, 0x80000000; srli a0, a1, 1)
TEST_CASE(3, a0, 0x00000001, li a1, 0x80000000; srli a0, a1, 31)
TEST_CASE(4, a0, 0x00109090, li a1, 0x21212121; srli a0, a1, 9)
TEST_CASE(5, a0, 0x01ffffff, li a1, 0xffffffff; srli a0, a1, 7)
TEST_CASE(6, a1, 0x00000001, li a1, 0x100; srli a1, a1, 8)
TEST_CASE(7, x0, 0,          li a1, 0x100; srli x0, a1, 8)
TEST_END
