/*
 * The machine information registers of Accent-V read zero: mvendorid
 * (non-commercial), marchid, mimpid (DESIGN), and mconfigptr (no
 * configuration structure).
 *
 * QEMU: no - QEMU 7.2 reports its own version in marchid and mimpid.
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0, li a0, 1; csrr a0, CSR_MVENDORID)
TEST_CASE(2, a0, 0, li a0, 1; csrr a0, CSR_MARCHID)
TEST_CASE(3, a0, 0, li a0, 1; csrr a0, CSR_MIMPID)
TEST_CASE(4, a0, 0, li a0, 1; csrr a0, CSR_MCONFIGPTR)
TEST_END
