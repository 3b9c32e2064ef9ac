/*
 * CSRs that exist only as read-only zero (privileged spec: all 16 pmpcfg
 * and 64 pmpaddr registers exist even with no PMP entry; mhpmcounter3-31,
 * their h halves and mhpmevent3-31 all exist, and counters 5-31 may count
 * nothing). In M they read zero and ignore writes; their user views are
 * never enabled below M: mcounteren and scounteren bits 5-31 are read-only
 * zero, so S and U get an illegal instruction even with all bits written.
 *
 * NEEDS: su
 * QEMU: no - QEMU implements 16 PMP entries and counts with all 29 counters
 */
#include "test.h"
#include "priv.h"

/* In M: write all ones, read back zero, with no trap. */
#define ZERO_CSR(n, csr)                                \
    li a1, -1;                                          \
    csrw csr, a1;                                       \
    TEST_CASE(n, a0, 0, csrr a0, csr)

#define RD_HPM5     0xc0502573      /* csrr a0, hpmcounter5 */
#define RD_HPM31H   0xc9f02573      /* csrr a0, hpmcounter31h */

TEST_BEGIN
    csrw CSR_MIE, zero
ZERO_CSR(1, 0x3a4)                  /* pmpcfg4 */
ZERO_CSR(2, 0x3af)                  /* pmpcfg15 */
ZERO_CSR(3, 0x3b1)                  /* pmpaddr1 */
ZERO_CSR(4, 0x3ef)                  /* pmpaddr63 */
ZERO_CSR(5, 0x325)                  /* mhpmevent5 */
ZERO_CSR(6, 0x33f)                  /* mhpmevent31 */
ZERO_CSR(7, 0xb05)                  /* mhpmcounter5 */
ZERO_CSR(8, 0xb1f)                  /* mhpmcounter31 */
ZERO_CSR(9, 0xb85)                  /* mhpmcounter5h */
ZERO_CSR(10, 0xb9f)                 /* mhpmcounter31h */
    TEST_CASE(11, a0, 0, csrr a0, 0xc05)    /* hpmcounter5 in M */
    TEST_CASE(12, a0, 0, csrr a0, 0xc9f)    /* hpmcounter31h in M */
    /* counter enables: only CY TM IR HPM3 HPM4 are writable */
    li a1, -1
    csrw CSR_MCOUNTEREN, a1
    TEST_CASE(13, a0, 0x1f, csrr a0, CSR_MCOUNTEREN)
    csrw CSR_SCOUNTEREN, a1
    TEST_CASE(14, a0, 0x1f, csrr a0, CSR_SCOUNTEREN)
    PMP_OPEN
    ENTER_S(s1)
s1:
ILLEGAL_HERE(15, RD_HPM5)
ILLEGAL_HERE(16, RD_HPM31H)
    SET_CASE(17)
    LEAVE_S
    ENTER_U(u1)
u1:
ILLEGAL_HERE(18, RD_HPM5)
ILLEGAL_HERE(19, RD_HPM31H)
    SET_CASE(20)
    LEAVE_U
    csrw CSR_MCOUNTEREN, zero
    csrw CSR_SCOUNTEREN, zero
TEST_END
