/*
 * mscratch: a 32-bit machine register for the trap handler's use; every bit
 * is writable and no trap changes it (the framework's handler restores it).
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0xffffffff, li a1, -1; csrw CSR_MSCRATCH, a1; csrr a0, CSR_MSCRATCH)
TEST_CASE(2, a0, 0x00000000, csrw CSR_MSCRATCH, zero; csrr a0, CSR_MSCRATCH)
TEST_CASE(3, a0, 0xa5a5a5a5, li a1, 0xa5a5a5a5; csrw CSR_MSCRATCH, a1; csrr a0, CSR_MSCRATCH)
TEST_CASE(4, a0, 0x5a5a5a5a, li a1, 0x5a5a5a5a; csrw CSR_MSCRATCH, a1; csrr a0, CSR_MSCRATCH)
TEST_CASE(5, a0, 0x80000001, li a1, 0x80000001; csrw CSR_MSCRATCH, a1; csrr a0, CSR_MSCRATCH)
TEST_END
