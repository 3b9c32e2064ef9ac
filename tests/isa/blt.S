/*
 * blt rs1, rs2, off: branch when rs1 < rs2, signed.
 */
#include "test.h"
#include "branch.h"

TEST_BEGIN
BR_TAKEN(1, blt, 0, 1)
BR_TAKEN(2, blt, -1, 1)
BR_TAKEN(3, blt, -2, -1)
BR_TAKEN(4, blt, 0x80000000, 0x7fffffff)
BR_TAKEN_BACK(5, blt, -1, 0)
BR_NOT(6, blt, 1, 0)
BR_NOT(7, blt, 1, -1)
BR_NOT(8, blt, -1, -2)
BR_NOT(9, blt, 0x7fffffff, 0x80000000)
BR_NOT(10, blt, 5, 5)
TEST_END
