/*
 * csrrw rd, csr, rs1 (and csrw): rd = old value, csr = rs1, atomically;
 * with rd = x0 the CSR is still written (and not read). Uses mscratch, a
 * fully writable 32-bit machine CSR.
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0x12345678, li a1, 0x12345678; csrw CSR_MSCRATCH, a1; csrr a0, CSR_MSCRATCH)
TEST_CASE(2, a0, 0x12345678, li a1, 0xdeadbeef; csrrw a0, CSR_MSCRATCH, a1)     /* old value */
TEST_CASE(3, a0, 0xdeadbeef, csrr a0, CSR_MSCRATCH)                            /* new value */
TEST_CASE(4, a1, 0xdeadbeef, li a1, 0x55; csrrw a1, CSR_MSCRATCH, a1)          /* rd = rs1 */
TEST_CASE(5, a0, 0x55,       csrr a0, CSR_MSCRATCH)
TEST_CASE(6, a0, 0,          csrrw x0, CSR_MSCRATCH, x0; csrr a0, CSR_MSCRATCH) /* rd = x0 still writes */
TEST_CASE(7, a0, 0xffffffff, li a1, -1; csrw CSR_MSCRATCH, a1; csrr a0, CSR_MSCRATCH)
TEST_CASE(8, x0, 0,          csrrw x0, CSR_MSCRATCH, a1)
TEST_END
