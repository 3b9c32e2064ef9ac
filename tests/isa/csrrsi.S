/*
 * csrrsi rd, csr, uimm: rd = old value, csr |= zero-extended uimm. uimm = 0
 * means no write (legal on read-only CSRs).
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0x100,      li a1, 0x100; csrw CSR_MSCRATCH, a1; csrrsi a0, CSR_MSCRATCH, 0x11)
TEST_CASE(2, a0, 0x111,      csrr a0, CSR_MSCRATCH)
TEST_CASE(3, a0, 0x111,      csrrsi a0, CSR_MSCRATCH, 0x1f)
TEST_CASE(4, a0, 0x11f,      csrr a0, CSR_MSCRATCH)
TEST_CASE(5, a0, 0x11f,      csrrsi a0, CSR_MSCRATCH, 0)
TEST_CASE(6, a0, 0,          li a0, 5; csrrsi a0, CSR_MVENDORID, 0)       /* no write: legal */
TEST_END
