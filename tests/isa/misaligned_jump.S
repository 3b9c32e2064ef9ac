/*
 * jal and jalr to an address that is not 4-byte aligned raise
 * instruction-address-misaligned (cause 0) on the jump: mepc = the jump,
 * mtval = the target, and rd is not written. For jalr the target is
 * (rs1 + offset) with bit 0 cleared, so an odd sum that clears to a
 * 4-byte-aligned address does not trap, and one that clears to 2 mod 4 does.
 *
 * QEMU: no - QEMU 7.2 reports the jump's own pc in mtval, not the target.
 */
#include "test.h"

TEST_BEGIN
/* jal to label + 2. */
    SET_CASE(1)
    li a0, 0x55
    la a3, 1f + 2
    TRAP_EXPECT(CAUSE_MISALIGNED_FETCH, a3)
    jal a0, 1f + 2
    TRAP_CHECK
    li t6, 0x55
    CHECK_EQ(a0, t6)            /* rd not written */
    j 2f
1:  .word 0; .word 0
2:

/* jal backward to label + 2, rd = ra. */
    SET_CASE(2)
    li ra, 0x66
    j 3f
1:  .word 0; .word 0
3:  la a3, 1b + 2
    TRAP_EXPECT(CAUSE_MISALIGNED_FETCH, a3)
    jal ra, 1b + 2
    TRAP_CHECK
    li t6, 0x66
    CHECK_EQ(ra, t6)

/* jalr: rs1 already 2 mod 4. */
    SET_CASE(3)
    li a0, 0x77
    la a1, 1f + 2
    mv a3, a1
    TRAP_EXPECT(CAUSE_MISALIGNED_FETCH, a3)
    jalr a0, 0(a1)
    TRAP_CHECK
    li t6, 0x77
    CHECK_EQ(a0, t6)
    j 2f
1:  .word 0; .word 0
2:

/* jalr: rs1 + 3 = 3 mod 4, bit 0 cleared -> 2 mod 4; mtval is the cleared
 * target. */
    SET_CASE(4)
    li a0, 0x88
    la a1, 1f
    addi a3, a1, 2
    TRAP_EXPECT(CAUSE_MISALIGNED_FETCH, a3)
    jalr a0, 3(a1)
    TRAP_CHECK
    li t6, 0x88
    CHECK_EQ(a0, t6)
    j 2f
1:  .word 0; .word 0
2:

/* jalr with rd = rs1: rs1 keeps its value when the jump traps. */
    SET_CASE(5)
    la a1, 1f + 2
    mv a2, a1
    TRAP_EXPECT(CAUSE_MISALIGNED_FETCH, a2)
    jalr a1, 0(a1)
    TRAP_CHECK
    CHECK_EQ(a1, a2)
    j 2f
1:  .word 0; .word 0
2:

/* jalr: odd sum clearing to an aligned address does not trap. */
    SET_CASE(6)
    la a1, 1f - 1
    jalr a0, 2(a1)              /* (1f + 1) & ~1 = 1f */
    TEST_FAIL
1:  la a1, 1b - 4               /* link = the jalr + 4 */
    CHECK_EQ(a0, a1)
TEST_END
