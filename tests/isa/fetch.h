/*
 * Shared by the fetch access-fault tests (included after test.h): case n
 * jumps to addr, where no code may be fetched, and wants instruction access
 * fault (cause 1) on the fetch with mepc = mtval = addr. The jump itself
 * retired, so its link register holds the return address; the handler
 * resumes at 1f.
 */
#define ACC_FETCH(n, addr)                              \
    SET_CASE(n);                                        \
    li a1, addr;                                        \
    la a4, 1f;                                          \
    TRAP_EXPECT_AT(CAUSE_FETCH_ACCESS, a1, a1, a4);     \
2:  jalr ra, 0(a1);                                     \
    TEST_FAIL;                                          \
1:  TRAP_CHECK;                                         \
    la t6, 2b + 4;                                      \
    CHECK_EQ(ra, t6)
