/*
 * csrrs rd, csr, rs1 (csrr, csrs): rd = old value, csr |= rs1. With rs1 = x0
 * there is no write at all, so reading a read-only CSR this way is legal
 * (checked on mvendorid, which reads 0).
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0x0000f00f, li a1, 0x0000f00f; csrw CSR_MSCRATCH, a1; li a1, 0x00ff0000; csrrs a0, CSR_MSCRATCH, a1)
TEST_CASE(2, a0, 0x00fff00f, csrr a0, CSR_MSCRATCH)
TEST_CASE(3, a0, 0x00fff00f, li a1, 0x0000000f; csrrs a0, CSR_MSCRATCH, a1)   /* bits already set */
TEST_CASE(4, a0, 0x00fff00f, csrrs a0, CSR_MSCRATCH, x0)                      /* rs1 = x0: read only */
TEST_CASE(5, a0, 0x00fff00f, csrr a0, CSR_MSCRATCH)
TEST_CASE(6, a0, 0x80fff00f, li a1, 0x80000000; csrs CSR_MSCRATCH, a1; csrr a0, CSR_MSCRATCH)
TEST_CASE(7, a1, 0x80fff00f, li a1, 0x1; csrrs a1, CSR_MSCRATCH, a1)          /* rd = rs1 */
TEST_CASE(8, a0, 0x80fff00f, csrr a0, CSR_MSCRATCH)
TEST_CASE(9, a0, 0,          li a0, 5; csrrs a0, CSR_MVENDORID, x0)            /* read-only CSR, no write */
TEST_END
