/*
 * Exact counting on Accent-V: minstret counts every retired instruction, so
 * two reads k instructions apart differ by k + 1 (the first read counts
 * itself); instret agrees. mcycle advances at least one cycle per
 * instruction and, for plain ALU code, at most 8 (the budget is 2). The low
 * halves carry into the high halves.
 *
 * QEMU: no - without -icount QEMU's counters run from the host's clock.
 */
#include "test.h"

TEST_BEGIN
/* Ten instructions between the reads: delta 11. */
TEST_CASE(1, a0, 11, csrr a1, CSR_MINSTRET; addi a2, a2, 1; addi a2, a2, 1; addi a2, a2, 1; addi a2, a2, 1; addi a2, a2, 1; addi a2, a2, 1; addi a2, a2, 1; addi a2, a2, 1; addi a2, a2, 1; addi a2, a2, 1; csrr a0, CSR_MINSTRET; sub a0, a0, a1)
/* Adjacent reads: delta 1. */
TEST_CASE(2, a0, 1,  csrr a1, CSR_MINSTRET; csrr a0, CSR_MINSTRET; sub a0, a0, a1)
TEST_CASE(3, a0, 1,  csrr a1, CSR_INSTRET; csrr a0, CSR_INSTRET; sub a0, a0, a1)
/* A loop of 100 iterations x 2 instructions + li: 201 + 1. */
TEST_CASE(4, a0, 202, csrr a1, CSR_MINSTRET; li a2, 100; 1: addi a2, a2, -1; bnez a2, 1b; csrr a0, CSR_MINSTRET; sub a0, a0, a1)

/* Cycles: between 1 and 8 per ALU instruction over 100 of them. */
    SET_CASE(5)
    csrr a1, CSR_MCYCLE
    .rept 100
    addi a2, a2, 1
    .endr
    csrr a0, CSR_MCYCLE
    sub a0, a0, a1
    li t6, 101
    bgeu a0, t6, 1f
    mv t5, a0
    j test_fail_value
1:  li t6, 808
    bltu a0, t6, 2f
    mv t5, a0
    j test_fail_value
2:

/* Carry from the low into the high half. */
    SET_CASE(6)
    li a1, 5
    csrw CSR_MINSTRETH, a1
    li a1, 0xfffffff0
    csrw CSR_MINSTRET, a1
    .rept 32
    nop
    .endr
    csrr a0, CSR_MINSTRETH
    li t6, 6
    CHECK_EQ(a0, t6)
    SET_CASE(7)
    csrr a0, CSR_MINSTRET
    li t6, 0x40
    bltu a0, t6, 1f
    mv t5, a0
    j test_fail_value
1:
    SET_CASE(8)
    li a1, 7
    csrw CSR_MCYCLEH, a1
    li a1, 0xffffff00
    csrw CSR_MCYCLE, a1
    li a2, 300
1:  addi a2, a2, -1
    bnez a2, 1b
    csrr a0, CSR_MCYCLEH
    li t6, 8
    CHECK_EQ(a0, t6)
    SET_CASE(9)
    csrr a0, CSR_CYCLEH
    li t6, 8
    CHECK_EQ(a0, t6)
TEST_END
