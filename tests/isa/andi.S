/*
 * andi rd, rs1, imm: and with the sign-extended immediate (so andi with a
 * negative immediate keeps the upper bits).
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0xff00ff00, li a1, 0xff00ff00; andi a0, a1, 0xf0f - 0x1000)  /* 0xffffff0f */
TEST_CASE(2, a0, 0x000000f0, li a1, 0x0ff00ff0; andi a0, a1, 0x0f0)
TEST_CASE(3, a0, 0x00000078, li a1, 0x12345678; andi a0, a1, 0xff)
TEST_CASE(4, a0, 0x12345000, li a1, 0x12345678; andi a0, a1, -2048)              /* 0xfffff800 */
TEST_CASE(5, a0, 0x12345678, li a1, 0x12345678; andi a0, a1, -1)
TEST_CASE(6, a0, 0,          li a1, 0x12345678; andi a0, a1, 0)
TEST_CASE(7, a1, 0x8,        li a1, 0xfffffff8; andi a1, a1, 0xf)
TEST_CASE(8, x0, 0,          li a1, 1; andi x0, a1, 1)
TEST_END
