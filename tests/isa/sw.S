/*
 * sw rs2, off(rs1): store a word at an aligned address, little-endian.
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0xdeadbeef, la a1, buf; li a2, 0xdeadbeef; sw a2, 0(a1); lw a0, 0(a1))
TEST_CASE(2, a0, 0x000000ef, la a1, buf; lbu a0, 0(a1))
TEST_CASE(3, a0, 0x000000de, la a1, buf; lbu a0, 3(a1))
TEST_CASE(4, a0, 0x00000000, la a1, buf + 8; sw x0, -4(a1); lw a0, -4(a1))
TEST_CASE(5, a0, 0xaaaaaaaa, la a1, buf; lw a0, 8(a1))
TEST_CASE(6, a0, 0x12345678, la a1, buf + 2048; li a2, 0x12345678; sw a2, -2048(a1); lw a0, 0(a1); la a3, buf; lw a0, 0(a3))
TEST_CASE(7, a0, 0x0000beef, la a1, buf; li a2, 0xdeadbeef; sw a2, 4(a1); lhu a0, 4(a1))
TEST_END

    .data
    .align 4
buf:
    .word 0xaaaaaaaa, 0xaaaaaaaa, 0xaaaaaaaa
    .space 2048
