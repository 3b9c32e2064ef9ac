/*
 * misa reads MXL = 1 (32-bit) and the extensions A, I, M, S, U: 0x40141101.
 * Writes do not change it (the extensions cannot be turned off).
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0x40141101, csrr a0, CSR_MISA)
TEST_CASE(2, a0, 0x40000000, csrr a0, CSR_MISA; srli a0, a0, 30; slli a0, a0, 30)   /* MXL = 1 */
TEST_CASE(3, a0, 0x40141101, li a1, 0x40001101; csrw CSR_MISA, a1; csrr a0, CSR_MISA)
TEST_CASE(4, a0, 0x40141101, csrw CSR_MISA, zero; csrr a0, CSR_MISA)
TEST_END
