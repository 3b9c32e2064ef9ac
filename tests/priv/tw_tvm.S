/*
 * mstatus.TW and TVM trap supervisor operations to machine mode: with TW = 1
 * wfi in S is illegal; with TVM = 1 reading or writing satp and sfence.vma in
 * S are illegal. With both clear satp and sfence.vma execute in S (wfi is
 * not run there: with nothing pending it would wait).
 *
 * NEEDS: su
 */
#include "test.h"
#include "priv.h"

TEST_BEGIN
    PMP_OPEN
    csrw CSR_SATP, zero
    csrw CSR_MIE, zero           /* nothing may interrupt the S code */
    li a1, MSTATUS_TW | MSTATUS_TVM
    csrs CSR_MSTATUS, a1
    ENTER_S(in_s)
in_s:
ILLEGAL_HERE(1, 0x10500073)      /* wfi */
ILLEGAL_HERE(2, 0x18002573)      /* csrr a0, satp */
ILLEGAL_HERE(3, 0x18051073)      /* csrw satp, a0 */
ILLEGAL_HERE(4, 0x12000073)      /* sfence.vma */
    SET_CASE(5)
    LEAVE_S
    li a1, MSTATUS_TW | MSTATUS_TVM
    csrc CSR_MSTATUS, a1
    ENTER_S(in_s2)
in_s2:
TEST_CASE(6, a0, 0, csrw CSR_SATP, zero; csrr a0, CSR_SATP)
TEST_CASE(7, a0, 5, li a0, 5; sfence.vma)
    SET_CASE(8)
    LEAVE_S
TEST_END
