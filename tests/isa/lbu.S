/*
 * lbu rd, off(rs1): load a byte and zero-extend it.
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0x00000080, la a1, bytes; lbu a0, 0(a1))
TEST_CASE(2, a0, 0x0000007f, la a1, bytes; lbu a0, 1(a1))
TEST_CASE(3, a0, 0x00000001, la a1, bytes; lbu a0, 2(a1))
TEST_CASE(4, a0, 0x000000ff, la a1, bytes; lbu a0, 3(a1))
TEST_CASE(5, a0, 0x00000000, la a1, bytes; lbu a0, 4(a1))
TEST_CASE(6, a0, 0x000000a5, la a1, bytes + 8; lbu a0, -3(a1))
TEST_CASE(7, a0, 0x000000ff, la a1, bytes + 2051; lbu a0, -2048(a1))
TEST_CASE(8, a0, 0x00000080, la a0, bytes; lbu a0, 0(a0))
TEST_CASE(9, x0, 0, la a1, bytes; lbu x0, 0(a1))
TEST_END

    .data
    .align 4
    .space 3
bytes:
    .byte 0x80, 0x7f, 0x01, 0xff, 0x00, 0xa5, 0x5a, 0x33
