/*
 * add rd, rs1, rs2: rd = rs1 + rs2 modulo 2^32; no overflow trap;
 * rd = x0 discards the result; rd may equal a source.
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0,          li a1, 0; li a2, 0; add a0, a1, a2)
TEST_CASE(2, a0, 5,          li a1, 2; li a2, 3; add a0, a1, a2)
TEST_CASE(3, a0, 0xfffffffe, li a1, -1; li a2, -1; add a0, a1, a2)
TEST_CASE(4, a0, 0x80000000, li a1, 0x7fffffff; li a2, 1; add a0, a1, a2)   /* signed overflow wraps */
TEST_CASE(5, a0, 0,          li a1, 0x80000000; li a2, 0x80000000; add a0, a1, a2)
TEST_CASE(6, a0, 0x12345678, li a1, 0x12340000; li a2, 0x5678; add a0, a1, a2)
TEST_CASE(7, a1, 24,         li a1, 12; add a1, a1, a1)                     /* rd = rs1 = rs2 */
TEST_CASE(8, x0, 0,          li a1, 7; add x0, a1, a1)                      /* x0 stays 0 */
TEST_CASE(9, a0, 7,          li a1, 7; add a0, a1, x0)                      /* x0 reads 0 */
TEST_CASE(10, a0, 0xffffffff, li a1, 0; li a2, -1; add a0, a1, a2)
TEST_END
