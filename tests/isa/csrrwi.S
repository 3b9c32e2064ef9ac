/*
 * csrrwi rd, csr, uimm: rd = old value, csr = zero-extended 5-bit uimm
 * (0..31). With uimm = 0 it still writes.
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 31,         csrwi CSR_MSCRATCH, 31; csrr a0, CSR_MSCRATCH)
TEST_CASE(2, a0, 31,         csrrwi a0, CSR_MSCRATCH, 16)
TEST_CASE(3, a0, 16,         csrr a0, CSR_MSCRATCH)                     /* zero-extended, not sign */
TEST_CASE(4, a0, 0,          li a1, -1; csrw CSR_MSCRATCH, a1; csrrwi x0, CSR_MSCRATCH, 0; csrr a0, CSR_MSCRATCH)
TEST_CASE(5, a0, 0,          csrrwi a0, CSR_MSCRATCH, 1)
TEST_CASE(6, a0, 1,          csrr a0, CSR_MSCRATCH)
TEST_END
