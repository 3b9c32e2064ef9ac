/*
 * sh rs2, off(rs1): store the low halfword of rs2 at an aligned address; the
 * other half of the word is left alone.
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0xaaaabeef, la a1, buf; li a2, 0xdeadbeef; sh a2, 0(a1); lw a0, 0(a1))
TEST_CASE(2, a0, 0x1234beef, la a1, buf; li a2, 0x55551234; sh a2, 2(a1); lw a0, 0(a1))
TEST_CASE(3, a0, 0xaaaa0000, la a1, buf + 8; sh x0, -4(a1); lw a0, -4(a1))
TEST_CASE(4, a0, 0xaaaaaaaa, la a1, buf; lw a0, 8(a1))
TEST_CASE(5, a0, 0xffffbeef, la a1, buf; lh a0, 0(a1))
TEST_CASE(6, a0, 0x00001234, la a1, buf; lhu a0, 2(a1))
TEST_END

    .data
    .align 4
buf:
    .word 0xaaaaaaaa, 0xaaaaaaaa, 0xaaaaaaaa
