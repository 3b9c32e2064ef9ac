/*
 * auipc rd, imm20: rd = address of the auipc + (imm20 << 12).
 */
#include "test.h"

TEST_BEGIN
/* Against la of a label: the difference must be exactly the offset. */
TEST_CASE(1, a0, 0,          1: auipc a0, 0; la a1, 1b; sub a0, a0, a1)
TEST_CASE(2, a0, 0x1000,     1: auipc a0, 1; la a1, 1b; sub a0, a0, a1)
TEST_CASE(3, a0, 0xfffff000, 1: auipc a0, 0xfffff; la a1, 1b; sub a0, a0, a1)
TEST_CASE(4, a0, 0x80000000, 1: auipc a0, 0x80000; la a1, 1b; sub a0, a0, a1)
/* Two auipc 8 bytes apart differ by 8. */
TEST_CASE(5, a0, 8,          auipc a1, 0; nop; auipc a0, 0; sub a0, a0, a1)
/* We run from RAM at 0x8000_0000. */
TEST_CASE(6, a0, 0x80000000, auipc a0, 0; srli a0, a0, 31; slli a0, a0, 31)
TEST_CASE(7, x0, 0,          auipc x0, 1)
TEST_END
