/*
 * Loads from addresses not aligned to their size raise load-address-
 * misaligned (cause 4) with mtval = the address and mepc = the load; the
 * destination keeps its old value (DESIGN: misaligned accesses trap, no
 * hardware support). Byte loads are never misaligned; halfwords at even
 * addresses are fine.
 *
 * QEMU: no - QEMU 7.2 performs misaligned loads.
 */
#include "test.h"

#define MIS_LOAD(n, insn, off)                          \
    SET_CASE(n);                                        \
    la a1, buf;                                         \
    addi a3, a1, off;                                   \
    li a0, 0x5a5a5a5a;                                  \
    TRAP_EXPECT(CAUSE_LOAD_MISALIGNED, a3);             \
    insn a0, off(a1);                                   \
    TRAP_CHECK;                                         \
    li t6, 0x5a5a5a5a;                                  \
    CHECK_EQ(a0, t6)

TEST_BEGIN
MIS_LOAD(1, lh, 1)
MIS_LOAD(2, lh, 3)              /* crosses into the next word */
MIS_LOAD(3, lhu, 1)
MIS_LOAD(4, lhu, 5)
MIS_LOAD(5, lw, 1)
MIS_LOAD(6, lw, 2)
MIS_LOAD(7, lw, 3)
MIS_LOAD(8, lw, 6)
/* The address that counts is rs1 + offset: aligned base, odd offset and
 * odd base, odd offset summing to aligned. */
    SET_CASE(9)
    la a1, buf + 1
    li a0, 0
    lw a0, 3(a1)                /* buf + 4: aligned, no trap */
    li t6, 0x08070605
    CHECK_EQ(a0, t6)
    SET_CASE(10)
    la a1, buf + 2
    lh a0, 2(a1)                /* buf + 4 */
    li t6, 0x0605
    CHECK_EQ(a0, t6)
TEST_CASE(11, a0, 0x02, la a1, buf; lb a0, 1(a1))
TEST_CASE(12, a0, 0x0403, la a1, buf; lhu a0, 2(a1))
TEST_END

    .data
    .align 4
buf: .byte 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
