/*
 * bltu rs1, rs2, off: branch when rs1 < rs2, unsigned.
 */
#include "test.h"
#include "branch.h"

TEST_BEGIN
BR_TAKEN(1, bltu, 0, 1)
BR_TAKEN(2, bltu, 1, -1)
BR_TAKEN(3, bltu, 0xfffffffe, 0xffffffff)
BR_TAKEN(4, bltu, 0x7fffffff, 0x80000000)
BR_TAKEN_BACK(5, bltu, 0, 0x80000000)
BR_NOT(6, bltu, 1, 0)
BR_NOT(7, bltu, -1, 1)
BR_NOT(8, bltu, 0xffffffff, 0xfffffffe)
BR_NOT(9, bltu, 0x80000000, 0x7fffffff)
BR_NOT(10, bltu, 5, 5)
TEST_END
