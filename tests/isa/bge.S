/*
 * bge rs1, rs2, off: branch when rs1 >= rs2, signed (equal branches).
 */
#include "test.h"
#include "branch.h"

TEST_BEGIN
BR_TAKEN(1, bge, 0, 0)
BR_TAKEN(2, bge, 1, 0)
BR_TAKEN(3, bge, 1, -1)
BR_TAKEN(4, bge, -1, -2)
BR_TAKEN(5, bge, 0x7fffffff, 0x80000000)
BR_TAKEN_BACK(6, bge, -1, -1)
BR_NOT(7, bge, 0, 1)
BR_NOT(8, bge, -1, 1)
BR_NOT(9, bge, -2, -1)
BR_NOT(10, bge, 0x80000000, 0x7fffffff)
TEST_END
