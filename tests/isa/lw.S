/*
 * lw rd, off(rs1): load an aligned word (little-endian byte order).
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0x00ff00ff, la a1, words; lw a0, 0(a1))
TEST_CASE(2, a0, 0xff00ff00, la a1, words; lw a0, 4(a1))
TEST_CASE(3, a0, 0x0ff00ff0, la a1, words; lw a0, 8(a1))
TEST_CASE(4, a0, 0xf00ff00f, la a1, words + 16; lw a0, -4(a1))
TEST_CASE(5, a0, 0x04030201, la a1, bytes; lw a0, 0(a1))              /* byte order */
TEST_CASE(6, a0, 0x00ff00ff, la a0, words; lw a0, 0(a0))
TEST_CASE(7, a0, 0x80000000, la a1, words + 2064; lw a0, -2048(a1))    /* words + 16 */
TEST_CASE(8, x0, 0, la a1, words; lw x0, 0(a1))
TEST_END

    .data
    .align 4
words:
    .word 0x00ff00ff, 0xff00ff00, 0x0ff00ff0, 0xf00ff00f, 0x80000000
bytes:
    .byte 1, 2, 3, 4
