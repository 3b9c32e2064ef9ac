/*
 * csrrci rd, csr, uimm: rd = old value, csr &= ~zero-extended uimm. uimm = 0
 * means no write.
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0xffffffff, li a1, -1; csrw CSR_MSCRATCH, a1; csrrci a0, CSR_MSCRATCH, 0x1f)
TEST_CASE(2, a0, 0xffffffe0, csrr a0, CSR_MSCRATCH)                      /* only the low 5 bits */
TEST_CASE(3, a0, 0xffffffe0, csrrci a0, CSR_MSCRATCH, 0)
TEST_CASE(4, a0, 0xffffffe0, csrr a0, CSR_MSCRATCH)
TEST_CASE(5, a0, 0,          li a1, 0x10; csrw CSR_MSCRATCH, a1; csrci CSR_MSCRATCH, 0x10; csrr a0, CSR_MSCRATCH)
TEST_CASE(6, a0, 0,          li a0, 5; csrrci a0, CSR_MHARTID, 0)
TEST_END
