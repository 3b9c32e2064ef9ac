/*
 * The read-only and WARL parts of mstatus on Accent-V (RV32IMA, no F, no V,
 * no H, little-endian): FS, VS, XS and SD read zero and UBE reads zero
 * whatever is written, so writing all ones reads back exactly the writable
 * fields (0x007e19aa); MPP never holds the reserved value 2 (a write of 2
 * leaves a legal mode: M, S or U); mstatush (MBE, SBE) reads zero
 * (DESIGN: Implementation choices).
 *
 * QEMU: no - QEMU 7.2 keeps mstatus.VS (and so SD) writable with V disabled, and MPP = 2.
 */
#include "test.h"

TEST_BEGIN
    csrw CSR_MIE, zero
TEST_CASE(1, a0, 0x007e19aa, li a1, -1; csrw CSR_MSTATUS, a1; csrr a0, CSR_MSTATUS)
TEST_CASE(2, a0, 0,          li a1, MSTATUS_FS | MSTATUS_XS | MSTATUS_SD | MSTATUS_UBE | (3 << 9); csrw CSR_MSTATUS, a1; csrr a0, CSR_MSTATUS)
TEST_CASE(3, a0, 0,          li a1, -1; csrw CSR_MSTATUSH, a1; csrr a0, CSR_MSTATUSH)
/* MPP = 2 is not kept. */
    SET_CASE(4)
    li a1, 2 << 11
    csrw CSR_MSTATUS, a1
    csrr a0, CSR_MSTATUS
    li t6, MSTATUS_MPP
    and a0, a0, t6
    li t6, 2 << 11
    bne a0, t6, 1f
    mv t5, a0
    j test_fail_value
1:  csrw CSR_MSTATUS, zero
TEST_END
