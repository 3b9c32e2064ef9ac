/*
 * Jumping to an address where nothing is mapped raises instruction access
 * fault (cause 1) on the fetch: mepc = mtval = the target. The jump itself
 * retired, so its link register holds the return address. The handler
 * resumes at the address given to TRAP_EXPECT_AT.
 */
#include "test.h"
#include "fetch.h"

TEST_BEGIN
ACC_FETCH(1, 0x00000000)
ACC_FETCH(2, 0x02010000)
ACC_FETCH(3, 0x08000000)
ACC_FETCH(4, 0x10000800)
ACC_FETCH(5, 0xf0000000)
TEST_END
