/*
 * csrrc rd, csr, rs1 (csrc): rd = old value, csr &= ~rs1. With rs1 = x0 there
 * is no write, so a read-only CSR may be read this way.
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0xffffffff, li a1, -1; csrw CSR_MSCRATCH, a1; li a1, 0x0f0f0f0f; csrrc a0, CSR_MSCRATCH, a1)
TEST_CASE(2, a0, 0xf0f0f0f0, csrr a0, CSR_MSCRATCH)
TEST_CASE(3, a0, 0xf0f0f0f0, li a1, 0x0000000f; csrrc a0, CSR_MSCRATCH, a1)   /* bits already clear */
TEST_CASE(4, a0, 0xf0f0f0f0, csrrc a0, CSR_MSCRATCH, x0)
TEST_CASE(5, a0, 0x70f0f0f0, li a1, 0x80000000; csrc CSR_MSCRATCH, a1; csrr a0, CSR_MSCRATCH)
TEST_CASE(6, a1, 0x70f0f0f0, li a1, 0x70000000; csrrc a1, CSR_MSCRATCH, a1)
TEST_CASE(7, a0, 0x00f0f0f0, csrr a0, CSR_MSCRATCH)
TEST_CASE(8, a0, 0,          li a0, 5; csrrc a0, CSR_MHARTID, x0)
TEST_END
