/*
 * The counters as any RV32 machine has them: mcycle and minstret advance,
 * are writable (low and high halves), and read consistently as 64-bit values
 * through the high halves; the user views cycle, instret (and their h
 * halves) read the same counters; time/timeh read the CLINT's mtime.
 * Exact counts (one per retired instruction) are in csr_counters_exact.S.
 */
#include "test.h"

/* Read a 64-bit counter: hi, lo, hi again until stable. */
#define READ64(hi, lo, csrhi, csrlo)                    \
1:  csrr hi, csrhi;                                     \
    csrr lo, csrlo;                                     \
    csrr t6, csrhi;                                     \
    bne hi, t6, 1b

TEST_BEGIN
/* Both advance. */
    SET_CASE(1)
    csrr a1, CSR_MCYCLE
    li a2, 50
1:  addi a2, a2, -1
    bnez a2, 1b
    csrr a0, CSR_MCYCLE
    sub a0, a0, a1
    bgtz a0, 2f
    TEST_FAIL
2:
    SET_CASE(2)
    csrr a1, CSR_MINSTRET
    li a2, 50
1:  addi a2, a2, -1
    bnez a2, 1b
    csrr a0, CSR_MINSTRET
    sub a0, a0, a1
    li t6, 100                          /* at least the loop's 100 instructions */
    bgeu a0, t6, 2f
    TEST_FAIL
2:

/* Writable: the low half starts from what was written. */
    SET_CASE(3)
    csrw CSR_MCYCLEH, zero
    li a1, 0x10000000
    csrw CSR_MCYCLE, a1
    READ64(a2, a0, CSR_MCYCLEH, CSR_MCYCLE)
    CHECK_EQ(a2, x0)
    sub a0, a0, a1
    li t6, 0x4000000                    /* generous: QEMU counts host clock ticks */
    bltu a0, t6, 1f
    TEST_FAIL
1:
    SET_CASE(4)
    csrw CSR_MINSTRETH, zero
    li a1, 0x20000000
    csrw CSR_MINSTRET, a1
    READ64(a2, a0, CSR_MINSTRETH, CSR_MINSTRET)
    CHECK_EQ(a2, x0)
    sub a0, a0, a1
    li t6, 0x4000000                    /* generous: QEMU counts host clock ticks */
    bltu a0, t6, 1f
    TEST_FAIL
1:
/* High halves are writable and read back. */
    SET_CASE(5)
    li a1, 0x12345
    csrw CSR_MCYCLEH, a1
    csrw CSR_MCYCLE, zero
    csrr a0, CSR_MCYCLEH
    CHECK_EQ(a0, a1)
    SET_CASE(6)
    li a1, 0x54321
    csrw CSR_MINSTRETH, a1
    csrw CSR_MINSTRET, zero
    csrr a0, CSR_MINSTRETH
    CHECK_EQ(a0, a1)

/* User views: cycle between two reads of mcycle, same high half. */
    SET_CASE(7)
    csrr a1, CSR_MCYCLE
    csrr a2, CSR_CYCLE
    csrr a3, CSR_MCYCLE
    sltu a0, a2, a1
    CHECK_EQ(a0, x0)
    sltu a0, a3, a2
    CHECK_EQ(a0, x0)
    SET_CASE(8)
    csrr a1, CSR_CYCLEH
    csrr a2, CSR_MCYCLEH
    CHECK_EQ(a1, a2)
    SET_CASE(9)
    csrr a1, CSR_MINSTRET
    csrr a2, CSR_INSTRET
    csrr a3, CSR_MINSTRET
    sltu a0, a2, a1
    CHECK_EQ(a0, x0)
    sltu a0, a3, a2
    CHECK_EQ(a0, x0)
    SET_CASE(10)
    csrr a1, CSR_INSTRETH
    csrr a2, CSR_MINSTRETH
    CHECK_EQ(a1, a2)

/* time reads mtime: between two reads of the CLINT register. */
    SET_CASE(11)
    li a4, MM_CLINT_BASE + MM_CLINT_MTIME
    lw a1, 0(a4)
    csrr a2, CSR_TIME
    lw a3, 0(a4)
    sltu a0, a2, a1
    CHECK_EQ(a0, x0)
    sltu a0, a3, a2
    CHECK_EQ(a0, x0)
    SET_CASE(12)
    lw a1, 4(a4)
    csrr a2, CSR_TIMEH
    CHECK_EQ(a1, a2)
TEST_END
