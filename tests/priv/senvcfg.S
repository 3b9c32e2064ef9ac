/*
 * senvcfg, the supervisor environment configuration, has no implemented
 * fields on Accent-V (DESIGN): it reads zero whatever is written, from M
 * and from S.
 *
 * QEMU: no - QEMU 7.2 implements senvcfg's FIOM and cache-block fields.
 *
 * NEEDS: su
 */
#include "test.h"
#include "priv.h"

TEST_BEGIN
    PMP_OPEN
    csrw CSR_MIE, zero
TEST_CASE(1, a0, 0, li a1, -1; csrw CSR_SENVCFG, a1; li a0, 1; csrr a0, CSR_SENVCFG)
    ENTER_S(in_s)
in_s:
TEST_CASE(2, a0, 0, li a1, -1; csrw CSR_SENVCFG, a1; li a0, 1; csrr a0, CSR_SENVCFG)
    SET_CASE(3)
    LEAVE_S
TEST_END
