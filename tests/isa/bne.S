/*
 * bne rs1, rs2, off: branch when not equal.
 */
#include "test.h"
#include "branch.h"

TEST_BEGIN
BR_TAKEN(1, bne, 0, 1)
BR_TAKEN(2, bne, 1, 0)
BR_TAKEN(3, bne, -1, 1)
BR_TAKEN_BACK(4, bne, 0x80000000, 0)
BR_NOT(5, bne, 0, 0)
BR_NOT(6, bne, 1, 1)
BR_NOT(7, bne, -1, -1)
BR_NOT(8, bne, 0x80000000, 0x80000000)
TEST_END
