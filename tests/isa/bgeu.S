/*
 * bgeu rs1, rs2, off: branch when rs1 >= rs2, unsigned.
 */
#include "test.h"
#include "branch.h"

TEST_BEGIN
BR_TAKEN(1, bgeu, 0, 0)
BR_TAKEN(2, bgeu, 1, 0)
BR_TAKEN(3, bgeu, -1, 1)
BR_TAKEN(4, bgeu, 0xffffffff, 0xfffffffe)
BR_TAKEN(5, bgeu, 0x80000000, 0x7fffffff)
BR_TAKEN_BACK(6, bgeu, 0x80000000, 0x80000000)
BR_NOT(7, bgeu, 0, 1)
BR_NOT(8, bgeu, 1, -1)
BR_NOT(9, bgeu, 0xfffffffe, 0xffffffff)
BR_NOT(10, bgeu, 0x7fffffff, 0x80000000)
TEST_END
