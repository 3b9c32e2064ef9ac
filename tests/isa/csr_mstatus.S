/*
 * mstatus fields writable from machine mode on an M/S/U hart: SIE, MIE,
 * SPIE, MPIE, SPP, MPP (M, S, U), MPRV,
 * SUM, MXR, TVM, TW, TSR. Each is set and cleared alone and the others are
 * checked unchanged. (Read-only zeros and WARL legalisation: csr_mstatus_warl.S.)
 */
#include "test.h"

/* Set then clear one field; the word must change in exactly those bits. */
#define FIELD(n, bits)                                  \
    SET_CASE(n);                                        \
    csrr s1, CSR_MSTATUS;                               \
    li a1, bits;                                        \
    csrs CSR_MSTATUS, a1;                               \
    csrr a0, CSR_MSTATUS;                               \
    or t6, s1, a1;                                      \
    CHECK_EQ(a0, t6);                                   \
    csrc CSR_MSTATUS, a1;                               \
    csrr a0, CSR_MSTATUS;                               \
    not t6, a1;                                         \
    and t6, s1, t6;                                     \
    CHECK_EQ(a0, t6)

TEST_BEGIN
    csrw CSR_MIE, zero           /* MIE may be set: keep interrupts out */
    li a1, MSTATUS_MPP
    csrc CSR_MSTATUS, a1
FIELD(1, MSTATUS_SIE)
FIELD(2, MSTATUS_MIE)
FIELD(3, MSTATUS_SPIE)
FIELD(4, MSTATUS_MPIE)
FIELD(5, MSTATUS_SPP)
FIELD(6, MSTATUS_MPP)
FIELD(7, MSTATUS_MPRV)
FIELD(8, MSTATUS_SUM)
FIELD(9, MSTATUS_MXR)
FIELD(10, MSTATUS_TVM)
FIELD(11, MSTATUS_TW)
FIELD(12, MSTATUS_TSR)

/* MPP holds M (3), S (1), U (0); the reserved 2 is in csr_mstatus_warl.S. */
    SET_CASE(13)
    li a1, MSTATUS_MPP
    csrc CSR_MSTATUS, a1
    li a1, MSTATUS_MPP_S
    csrs CSR_MSTATUS, a1
    csrr a0, CSR_MSTATUS
    li t6, MSTATUS_MPP
    and a0, a0, t6
    li t6, MSTATUS_MPP_S
    CHECK_EQ(a0, t6)
    li a1, MSTATUS_MPP
    csrc CSR_MSTATUS, a1

/* A full write sets every writable field at once. */
    SET_CASE(15)
    li a1, MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_MPIE | MSTATUS_SPP | MSTATUS_MPP | MSTATUS_MPRV | MSTATUS_SUM | MSTATUS_MXR | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR
    csrw CSR_MSTATUS, a1
    csrr a0, CSR_MSTATUS
    and a0, a0, a1
    CHECK_EQ(a0, a1)
    csrw CSR_MSTATUS, zero
    csrr a0, CSR_MSTATUS
    and a0, a0, a1
    CHECK_EQ(a0, x0)
TEST_END
