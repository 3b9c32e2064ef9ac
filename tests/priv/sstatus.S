/*
 * sstatus, sie and sip are views of mstatus, mie and mip: sstatus shows
 * and writes only SIE, SPIE, SPP, SUM, MXR (and the read-only FS/XS/SD,
 * zero here) - machine fields (MIE, MPIE, MPP, MPRV, TVM, TW, TSR) are
 * invisible and unchanged through it; sie/sip show and write only the bits
 * delegated in mideleg.
 *
 * NEEDS: su
 */
#include "test.h"
#include "priv.h"

#define SFIELDS (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_SUM | MSTATUS_MXR)
#define MFIELDS (MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP | MSTATUS_MPRV | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR)

TEST_BEGIN
    csrw CSR_MIE, zero
    csrw CSR_MSTATUS, zero
/* Writing all ones through sstatus sets exactly the S fields in mstatus. */
TEST_CASE(1, a0, SFIELDS, li a1, SFIELDS; csrs CSR_SSTATUS, a1; csrr a0, CSR_MSTATUS; li a2, SFIELDS | MFIELDS; and a0, a0, a2)
TEST_CASE(2, a0, 0,       li a1, -1; csrc CSR_SSTATUS, a1; csrr a0, CSR_MSTATUS; li a2, SFIELDS | MFIELDS; and a0, a0, a2)
/* Machine fields neither show in sstatus nor change through it. */
TEST_CASE(3, a0, 0,       li a1, MFIELDS; csrs CSR_MSTATUS, a1; csrr a0, CSR_SSTATUS; li a2, MFIELDS; and a0, a0, a2)
TEST_CASE(4, a0, MFIELDS, csrw CSR_SSTATUS, zero; csrr a0, CSR_MSTATUS; li a2, MFIELDS; and a0, a0, a2)
TEST_CASE(5, a0, SFIELDS, li a1, SFIELDS; csrs CSR_MSTATUS, a1; csrr a0, CSR_SSTATUS; li a2, SFIELDS; and a0, a0, a2)
    csrw CSR_MSTATUS, zero

/* sie/sip through mideleg. */
    SET_CASE(6)
    li a1, MIP_SSIP | MIP_STIP | MIP_SEIP
    csrw CSR_MIDELEG, a1
    csrr a0, CSR_MIDELEG
    CHECK_EQ(a0, a1)
TEST_CASE(7, a0, 0x222,   li a1, -1; csrw CSR_SIE, a1; csrr a0, CSR_SIE)
TEST_CASE(8, a0, 0x222,   csrr a0, CSR_MIE)                 /* machine enables untouched */
TEST_CASE(9, a0, 0x002,   li a1, MIP_SSIP; csrw CSR_MIDELEG, a1; csrr a0, CSR_SIE)   /* only delegated shown */
TEST_CASE(10, a0, 0x220,  csrw CSR_SIE, zero; li a2, 0x222; csrr a0, CSR_MIE; and a0, a0, a2)   /* clears only the delegated SSIE */
TEST_CASE(11, a0, 0x002,  csrsi CSR_SIP, MIP_SSIP; csrr a0, CSR_MIP; andi a0, a0, MIP_SSIP)
TEST_CASE(12, a0, 0,      csrci CSR_SIP, MIP_SSIP; csrr a0, CSR_MIP; andi a0, a0, MIP_SSIP)
/* Not delegated: SSIP cannot be set through sip. */
TEST_CASE(13, a0, 0,      csrw CSR_MIDELEG, zero; csrsi CSR_SIP, MIP_SSIP; csrr a0, CSR_MIP; andi a0, a0, MIP_SSIP)
    csrw CSR_MIE, zero
    csrw CSR_MIP, zero
TEST_END
