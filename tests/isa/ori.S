/*
 * ori rd, rs1, imm: or with the sign-extended immediate.
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0xffffff0f, li a1, 0xff00ff00; ori a0, a1, 0xf0f - 0x1000)   /* imm sign-extends */
TEST_CASE(2, a0, 0x0ff00ff0, li a1, 0x0ff00ff0; ori a0, a1, 0x0f0)
TEST_CASE(3, a0, 0x000007ff, li a1, 0; ori a0, a1, 0x7ff)
TEST_CASE(4, a0, 0xfffff800, li a1, 0; ori a0, a1, -2048)
TEST_CASE(5, a0, 0x80000001, li a1, 0x80000000; ori a0, a1, 1)
TEST_CASE(6, a1, 0x1234567f, li a1, 0x12345670; ori a1, a1, 0xf)
TEST_CASE(7, x0, 0,          li a1, 1; ori x0, a1, 1)
TEST_END
