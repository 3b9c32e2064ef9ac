/*
 * lui rd, imm20: rd = imm20 << 12, low 12 bits zero.
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0x00000000, lui a0, 0)
TEST_CASE(2, a0, 0x00001000, lui a0, 1)
TEST_CASE(3, a0, 0xfffff000, lui a0, 0xfffff)
TEST_CASE(4, a0, 0x80000000, lui a0, 0x80000)
TEST_CASE(5, a0, 0x7ffff000, lui a0, 0x7ffff)
TEST_CASE(6, a0, 0x12345000, li a0, -1; lui a0, 0x12345)          /* low bits cleared, not kept */
TEST_CASE(7, a0, 0xfffff800, lui a0, 0xfffff; srai a0, a0, 1)
TEST_CASE(8, x0, 0,          lui x0, 0x12345)
TEST_END
