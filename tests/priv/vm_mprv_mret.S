/*
 * mret to a mode below M clears mstatus.MPRV (privileged spec 1.12), so
 * the mode entered does not leave M's data accesses translated afterwards;
 * mret to M keeps it. Seen in the mstatus recorded at the next trap.
 *
 * QEMU: no - QEMU 7.2 keeps MPRV set across mret to S.
 *
 * NEEDS: su
 */
#include "test.h"
#include "priv.h"

TEST_BEGIN
    PMP_OPEN
    csrw CSR_MIE, zero
    csrw CSR_SATP, zero
/* mret to M with MPRV = 1 (and MPP = M, so no translation): kept. */
    SET_CASE(1)
    li a1, MSTATUS_MPRV | MSTATUS_MPP
    csrs CSR_MSTATUS, a1
    la a1, 1f
    csrw CSR_MEPC, a1
    mret
1:  csrr a0, CSR_MSTATUS
    li a1, MSTATUS_MPRV
    and a0, a0, a1
    CHECK_EQ(a0, a1)
/* mret to S: cleared. */
    SET_CASE(2)
    ENTER_S(in_s)
in_s:
    LEAVE_S
    la a1, trap_last_status
    lw a0, 0(a1)
    li a1, MSTATUS_MPRV
    and a0, a0, a1
    CHECK_EQ(a0, x0)
/* mret to U: cleared. */
    SET_CASE(3)
    li a1, MSTATUS_MPRV
    csrs CSR_MSTATUS, a1
    ENTER_U(in_u)
in_u:
    LEAVE_U
    la a1, trap_last_status
    lw a0, 0(a1)
    li a1, MSTATUS_MPRV
    and a0, a0, a1
    CHECK_EQ(a0, x0)
TEST_END
