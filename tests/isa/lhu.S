/*
 * lhu rd, off(rs1): load an aligned halfword and zero-extend.
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0x00008000, la a1, halves; lhu a0, 0(a1))
TEST_CASE(2, a0, 0x00007fff, la a1, halves; lhu a0, 2(a1))
TEST_CASE(3, a0, 0x00001234, la a1, halves; lhu a0, 4(a1))
TEST_CASE(4, a0, 0x0000ffff, la a1, halves; lhu a0, 6(a1))
TEST_CASE(5, a0, 0x0000a55a, la a1, halves + 12; lhu a0, -4(a1))
TEST_CASE(6, a0, 0x00000000, la a1, halves; lhu a0, 10(a1))
TEST_CASE(7, a0, 0x00008000, la a0, halves; lhu a0, 0(a0))
TEST_CASE(8, x0, 0, la a1, halves; lhu x0, 0(a1))
TEST_END

    .data
    .align 4
halves:
    .half 0x8000, 0x7fff, 0x1234, 0xffff, 0xa55a, 0x0000
