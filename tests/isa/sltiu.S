/*
 * sltiu rd, rs1, imm: the immediate is sign-extended, then compared as
 * unsigned: sltiu rd, rs, 1 is "rs == 0"; sltiu rd, rs, -1 is "rs != ~0".
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0, li a1, 0; sltiu a0, a1, 0)
TEST_CASE(2, a0, 1, li a1, 0; sltiu a0, a1, 1)                 /* seqz */
TEST_CASE(3, a0, 0, li a1, 5; sltiu a0, a1, 1)
TEST_CASE(4, a0, 1, li a1, 0x7fffffff; sltiu a0, a1, -1)       /* imm = 0xffffffff unsigned */
TEST_CASE(5, a0, 0, li a1, 0xffffffff; sltiu a0, a1, -1)
TEST_CASE(6, a0, 1, li a1, 0x80000000; sltiu a0, a1, -2048)    /* 0x80000000 < 0xfffff800 */
TEST_CASE(7, a0, 0, li a1, 0xfffff800; sltiu a0, a1, -2048)
TEST_CASE(8, a0, 0, li a1, -1; sltiu a0, a1, 2047)
TEST_CASE(9, a0, 1, li a1, 2046; sltiu a0, a1, 2047)
TEST_CASE(10, x0, 0, sltiu x0, x0, 1)
TEST_END
