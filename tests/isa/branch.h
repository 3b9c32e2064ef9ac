/*
 * Helpers shared by the branch tests (included after test.h): a case that
 * requires the branch to be taken forward, taken backward, or not taken.
 * a0 ends 1 when the branch went the expected way.
 */
#define BR_TAKEN(n, insn, v1, v2) \
    TEST_CASE(n, a0, 1, li a0, 0; li a1, v1; li a2, v2; insn a1, a2, 1f; j 2f; 1: li a0, 1; 2:)
#define BR_TAKEN_BACK(n, insn, v1, v2) \
    TEST_CASE(n, a0, 1, li a0, 0; li a1, v1; li a2, v2; j 3f; 1: li a0, 1; j 2f; 3: insn a1, a2, 1b; 2:)
#define BR_NOT(n, insn, v1, v2) \
    TEST_CASE(n, a0, 1, li a0, 1; li a1, v1; li a2, v2; insn a1, a2, 1f; j 2f; 1: li a0, 0; 2:)
