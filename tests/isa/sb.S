/*
 * sb rs2, off(rs1): store the low byte of rs2; the other bytes of the word
 * are left alone.
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0xaaaaaaef, la a1, buf; li a2, 0xdeadbeef; sb a2, 0(a1); lw a0, 0(a1))
TEST_CASE(2, a0, 0xaaaa00ef, la a1, buf; sb x0, 1(a1); lw a0, 0(a1))
TEST_CASE(3, a0, 0xaaa000ef, la a1, buf; li a2, 0x1a0; sb a2, 2(a1); lw a0, 0(a1))         /* only the low byte */
TEST_CASE(4, a0, 0x80a000ef, la a1, buf; li a2, 0x80; sb a2, 3(a1); lw a0, 0(a1))
TEST_CASE(5, a0, 0xaaaaaa55, la a1, buf + 8; li a2, 0x55; sb a2, -4(a1); lw a0, -4(a1))   /* negative offset */
TEST_CASE(6, a0, 0xaaaaaaaa, la a1, buf; lw a0, 8(a1))                                     /* neighbour untouched */
TEST_CASE(7, a0, 0xffffff80, la a1, buf; lb a0, 3(a1))
TEST_END

    .data
    .align 4
buf:
    .word 0xaaaaaaaa, 0xaaaaaaaa, 0xaaaaaaaa
