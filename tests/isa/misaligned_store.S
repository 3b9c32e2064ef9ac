/*
 * Stores to addresses not aligned to their size raise store/AMO-address-
 * misaligned (cause 6) with mtval = the address and mepc = the store; memory
 * is left entirely unchanged (no partial write).
 *
 * QEMU: no - QEMU 7.2 performs misaligned stores.
 */
#include "test.h"

#define MIS_STORE(n, insn, off)                         \
    SET_CASE(n);                                        \
    la a1, buf;                                         \
    addi a3, a1, off;                                   \
    li a2, 0xffffffff;                                  \
    TRAP_EXPECT(CAUSE_STORE_MISALIGNED, a3);            \
    insn a2, off(a1);                                   \
    TRAP_CHECK;                                         \
    lw a0, 0(a1);                                       \
    li t6, 0x04030201;                                  \
    CHECK_EQ(a0, t6);                                   \
    lw a0, 4(a1);                                       \
    li t6, 0x08070605;                                  \
    CHECK_EQ(a0, t6);                                   \
    lw a0, 8(a1);                                       \
    li t6, 0x0c0b0a09;                                  \
    CHECK_EQ(a0, t6)

TEST_BEGIN
MIS_STORE(1, sh, 1)
MIS_STORE(2, sh, 3)             /* would cross into the next word */
MIS_STORE(3, sh, 7)
MIS_STORE(4, sw, 1)
MIS_STORE(5, sw, 2)
MIS_STORE(6, sw, 3)
MIS_STORE(7, sw, 6)
/* rs1 + offset aligned: no trap. */
TEST_CASE(8, a0, 0x11223344, la a1, buf + 3; li a2, 0x11223344; sw a2, 1(a1); lw a0, 4 - 3(a1))
TEST_CASE(9, a0, 0x112233ee, la a1, buf; li a2, 0xee; sb a2, 4(a1); lw a0, 4(a1))
TEST_END

    .data
    .align 4
buf: .byte 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
