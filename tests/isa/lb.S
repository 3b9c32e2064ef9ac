/*
 * lb rd, off(rs1): load a byte and sign-extend it; offsets are signed
 * 12-bit; rd may be the base register.
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0xffffff80, la a1, bytes; lb a0, 0(a1))
TEST_CASE(2, a0, 0x0000007f, la a1, bytes; lb a0, 1(a1))
TEST_CASE(3, a0, 0x00000001, la a1, bytes; lb a0, 2(a1))
TEST_CASE(4, a0, 0xffffffff, la a1, bytes; lb a0, 3(a1))
TEST_CASE(5, a0, 0x00000000, la a1, bytes; lb a0, 4(a1))
TEST_CASE(6, a0, 0xffffffa5, la a1, bytes + 8; lb a0, -3(a1))       /* negative offset */
TEST_CASE(7, a0, 0x0000005a, la a1, bytes + 2048; lb a0, -2042(a1)) /* offset -2042: bytes+6 */
TEST_CASE(8, a0, 0xffffff80, la a0, bytes; lb a0, 0(a0))             /* rd = base */
TEST_CASE(9, a0, 0xffffff80, la a1, bytes - 2047; lb a0, 2047(a1))      /* offset +2047 */
TEST_CASE(10, x0, 0, la a1, bytes; lb x0, 0(a1))
TEST_END

    .data
    .align 4
    .space 1
bytes:
    .byte 0x80, 0x7f, 0x01, 0xff, 0x00, 0xa5, 0x5a, 0x33
    .space 2048
