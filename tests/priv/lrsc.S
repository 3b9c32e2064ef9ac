/*
 * lr.w / sc.w on one hart: lr.w loads and reserves; sc.w to the reserved
 * word succeeds (rd = 0, memory written) and ends the reservation, so a
 * second sc.w fails (rd != 0, memory unchanged); sc.w with no reservation,
 * or to a word far from the reserved one, fails; a later lr.w replaces the
 * reservation.
 *
 * NEEDS: amo
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0x1234, la a1, word; li a2, 0x1234; sw a2, 0(a1); lr.w a0, (a1))
TEST_CASE(2, a0, 0,      li a2, 0x5678; sc.w a0, a2, (a1))              /* success */
TEST_CASE(3, a0, 0x5678, lw a0, 0(a1))
/* The reservation is gone: fails, memory unchanged. */
    SET_CASE(4)
    li a2, 0x9999
    sc.w a0, a2, (a1)
    bnez a0, 1f
    TEST_FAIL
1:
TEST_CASE(5, a0, 0x5678, lw a0, 0(a1))
/* Reservation on one word, sc to another 4 KiB away: fails. */
    SET_CASE(6)
    la a1, word
    la a3, far
    lr.w a0, (a1)
    li a2, 0x4321
    sc.w a0, a2, (a3)
    bnez a0, 1f
    TEST_FAIL
1:
TEST_CASE(7, a0, 0, la a3, far; lw a0, 0(a3))
/* A second lr.w moves the reservation: sc to the first fails, to the
 * second succeeds. */
    SET_CASE(8)
    la a1, word
    la a3, far
    lr.w a0, (a1)
    lr.w a0, (a3)
    li a2, 0x1111
    sc.w a4, a2, (a1)
    bnez a4, 1f
    TEST_FAIL
1:
    SET_CASE(9)
    lr.w a0, (a3)
    li a2, 0x2222
    sc.w a4, a2, (a3)
    CHECK_EQ(a4, x0)
TEST_CASE(10, a0, 0x2222, la a3, far; lw a0, 0(a3))
/* aq/rl variants behave the same; rd = x0 for sc is allowed. */
TEST_CASE(11, a0, 0x5678, la a1, word; lr.w.aq a0, (a1))
TEST_CASE(12, a0, 0,      li a2, 0x7777; sc.w.rl a0, a2, (a1))
TEST_CASE(13, a0, 0x7777, lr.w.aqrl a0, (a1); sc.w x0, a0, (a1); lw a0, 0(a1))
/* An increment loop: the usual retry idiom ends with the right value. */
    SET_CASE(14)
    la a1, word
    sw zero, 0(a1)
    li a5, 10
2:  lr.w a0, (a1)
    addi a0, a0, 3
    sc.w a4, a0, (a1)
    bnez a4, 2b
    addi a5, a5, -1
    bnez a5, 2b
    lw a0, 0(a1)
    li t6, 30
    CHECK_EQ(a0, t6)
TEST_END

    .data
    .align 4
word: .word 0
    .space 4096
far:  .word 0
