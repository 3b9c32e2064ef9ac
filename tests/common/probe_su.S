/*
 * Capability probe (tests/common/elfsuite.py): does the core under test
 * have S and U modes? Enters S, uses sscratch and scounteren, comes back
 * with ecall (cause 9); enters U, comes back with ecall (cause 8). Exit 0
 * when all of that works; tests marked "NEEDS: su" wait for it.
 */
#include "test.h"
#include "../priv/priv.h"

TEST_BEGIN
    PMP_OPEN
    csrw CSR_MIE, zero
    csrw CSR_SCOUNTEREN, zero
    ENTER_S(in_s)
in_s:
TEST_CASE(1, a0, 0x55, li a1, 0x55; csrw CSR_SSCRATCH, a1; csrr a0, CSR_SSCRATCH)
    SET_CASE(2)
    LEAVE_S
    ENTER_U(in_u)
in_u:
    SET_CASE(3)
    LEAVE_U
TEST_END
