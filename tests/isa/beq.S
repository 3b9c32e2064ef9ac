/*
 * beq rs1, rs2, off: branch when equal (pc-relative, forward and backward);
 * a branch writes no register.
 */
#include "test.h"
#include "branch.h"

TEST_BEGIN
BR_TAKEN(1, beq, 0, 0)
BR_TAKEN(2, beq, 1, 1)
BR_TAKEN(3, beq, -1, -1)
BR_TAKEN_BACK(4, beq, 0x80000000, 0x80000000)
BR_NOT(5, beq, 0, 1)
BR_NOT(6, beq, 1, 0)
BR_NOT(7, beq, -1, 1)
BR_NOT(8, beq, 0x80000000, 0)
TEST_CASE(9, a0, 1, li a0, 0; beq x0, x0, 1f; j 2f; 1: li a0, 1; 2:)
TEST_END
