/*
 * addi rd, rs1, imm: rd = rs1 + sign-extended 12-bit immediate;
 * addi x0, x0, 0 is the nop and changes nothing.
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0,          li a1, 0; addi a0, a1, 0)
TEST_CASE(2, a0, 5,          li a1, 2; addi a0, a1, 3)
TEST_CASE(3, a0, 0xfffff800, li a1, 0; addi a0, a1, -2048)          /* imm 0x800 sign-extends */
TEST_CASE(4, a0, 0x000007ff, li a1, 0; addi a0, a1, 2047)
TEST_CASE(5, a0, 0x7ffff800, li a1, 0x80000000; addi a0, a1, -2048)  /* wraps */
TEST_CASE(6, a0, 0x80000000, li a1, 0x7fffffff; addi a0, a1, 1)
TEST_CASE(7, a0, 0xffffffff, li a1, 0; addi a0, a1, -1)
TEST_CASE(8, a0, 0,          li a1, -1; addi a0, a1, 1)
TEST_CASE(9, a1, 0x10,       li a1, 0x11; addi a1, a1, -1)
TEST_CASE(10, x0, 0,         addi x0, x0, 5)
TEST_CASE(11, a0, 0x123,     addi a0, x0, 0x123)
TEST_END
