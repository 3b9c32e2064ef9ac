/*
 * Interrupt delegation and the supervisor software interrupt: with SSIP
 * delegated (mideleg bit 1), a pending SSIP (set by M through mip) is
 * taken by the S handler with scause = 0x80000001 when in S with
 * sstatus.SIE = 1 and sie.SSIE = 1; in S with SIE = 0 it waits; in U it is
 * taken whatever SIE says. Not delegated, it goes to M with
 * mcause = 0x80000001 (taken in S or U whatever MIE says, since M is
 * higher). sie and sip show only the delegated bits.
 *
 * NEEDS: su
 */
#include "test.h"
#include "priv.h"

TEST_BEGIN
    PMP_OPEN
    csrw CSR_MIE, zero
    csrw CSR_MIP, zero
    la a1, strap_entry
    csrw CSR_STVEC, a1
    li a1, MIP_SSIP
    csrw CSR_MIDELEG, a1
    csrw CSR_MIE, a1            /* SSIE */

/* S with SIE = 0: pending but not taken. */
    ENTER_S(in_s)
in_s:
    SET_CASE(1)
    csrci CSR_SSTATUS, MSTATUS_SIE
    csrsi CSR_SIP, MIP_SSIP     /* S may set its own software interrupt */
    nop
    nop
    la a1, s_last
    lw a0, 16(a1)
    CHECK_EQ(a0, x0)
    SET_CASE(2)                 /* visible in sip and sie */
    csrr a0, CSR_SIP
    andi a0, a0, MIP_SSIP
    li t6, MIP_SSIP
    CHECK_EQ(a0, t6)
    SET_CASE(3)
    csrr a0, CSR_SIE
    andi a0, a0, MIP_SSIP
    li t6, MIP_SSIP
    CHECK_EQ(a0, t6)
/* SIE = 1: taken at once by the S handler. */
    SET_CASE(4)
    csrsi CSR_SSTATUS, MSTATUS_SIE
    nop
    nop
    la a1, s_last
    lw a0, 16(a1)
    li t6, 1
    CHECK_EQ(a0, t6)
    SET_CASE(5)
    lw a0, 0(a1)
    li t6, CAUSE_SSI
    CHECK_EQ(a0, t6)
    SET_CASE(6)                 /* the handler cleared it */
    csrr a0, CSR_SIP
    andi a0, a0, MIP_SSIP
    CHECK_EQ(a0, x0)
    csrci CSR_SSTATUS, MSTATUS_SIE
    SET_CASE(7)
    LEAVE_S

/* U: taken even with SIE = 0. */
    ENTER_U(in_u)
in_u:
    SET_CASE(8)
    la a1, s_last
    sw zero, 16(a1)             /* U may write it: no translation, PMP open */
    LEAVE_U
    li a1, MIP_SSIP
    csrs CSR_MIP, a1            /* pending before entering U */
    ENTER_U(in_u2)
in_u2:
    SET_CASE(9)
    nop
    nop
    la a1, s_last
    lw a0, 16(a1)
    li t6, 1
    CHECK_EQ(a0, t6)
    SET_CASE(10)
    lw a0, 0(a1)
    li t6, CAUSE_SSI
    CHECK_EQ(a0, t6)
    SET_CASE(11)                /* SPP = U in the handler's record */
    lw a0, 12(a1)
    andi a0, a0, MSTATUS_SPP
    CHECK_EQ(a0, x0)
    SET_CASE(12)
    LEAVE_U

/* Not delegated: M takes it in S even with mstatus.MIE = 0. */
    csrw CSR_MIDELEG, zero
    SET_CASE(13)
    csrr a0, CSR_SIE            /* sie shows only delegated enables: none */
    CHECK_EQ(a0, x0)
    SET_CASE(14)
    la s11, 2f
    TRAP_EXPECT_FULL(CAUSE_SSI, x0, x0, s11, TE_NO_EPC | TE_NO_TVAL | TE_TO_M)
    li a1, MIP_SSIP
    csrs CSR_MIP, a1            /* pending; MIE = 0 keeps it out of M */
    ENTER_S(in_s2)
in_s2:
    nop
    nop
    TEST_FAIL                   /* S must not run on */
2:  TRAP_CHECK
    SET_CASE(15)                /* taken from S */
    la a1, trap_last_status
    lw a0, 0(a1)
    li a1, MSTATUS_MPP
    and a0, a0, a1
    li t6, MSTATUS_MPP_S
    CHECK_EQ(a0, t6)
    csrw CSR_MIP, zero
    csrw CSR_MIE, zero
TEST_END

S_HANDLER
