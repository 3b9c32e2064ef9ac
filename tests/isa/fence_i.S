/*
 * fence.i: after it, instruction fetches see every earlier store to
 * instruction memory. The test writes an instruction into a buffer, runs it,
 * rewrites it, and runs it again: each run must execute the latest version.
 * The buffer is in .data (machine mode has no execute protection).
 */
#include "test.h"

/* addi a0, x0, imm */
#define ADDI_A0(imm) (((imm) << 20) | (10 << 7) | 0x13)

TEST_BEGIN
/* Run the buffer once as is (li a0, 1), so its old contents may be cached. */
TEST_CASE(1, a0, 1,   la a1, code; jalr ra, 0(a1))
/* Rewrite it: fence.i makes the new instruction visible. */
TEST_CASE(2, a0, 2,   la a1, code; li a2, ADDI_A0(2); sw a2, 0(a1); fence.i; jalr ra, 0(a1))
TEST_CASE(3, a0, 0x7ff, la a1, code; li a2, ADDI_A0(0x7ff); sw a2, 0(a1); fence.i; jalr ra, 0(a1))
/* Built with byte stores: the halves must all be seen. */
TEST_CASE(4, a0, 0x123, la a1, code; li a2, ADDI_A0(0x123); sb a2, 0(a1); srli a2, a2, 8; sb a2, 1(a1); srli a2, a2, 8; sb a2, 2(a1); srli a2, a2, 8; sb a2, 3(a1); fence.i; jalr ra, 0(a1))
/* Straight-line code right after the fence.i (no jump in between). */
TEST_CASE(5, a0, 5,   la a1, 1f; li a2, ADDI_A0(5); sw a2, 0(a1); fence.i; 1: nop)
TEST_END

    .data
    .align 2
code:
    addi a0, x0, 1
    ret
