/*
 * mepc holds any 4-byte-aligned address written to it, and a trap writes
 * the trapping instruction's address there (ecall) overwriting the old one.
 * (Low bits of a misaligned write: csr_mepc_align.S.)
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0x80001234, li a1, 0x80001234; csrw CSR_MEPC, a1; csrr a0, CSR_MEPC)
TEST_CASE(2, a0, 0xfffffffc, li a1, 0xfffffffc; csrw CSR_MEPC, a1; csrr a0, CSR_MEPC)
TEST_CASE(3, a0, 0x00000000, csrw CSR_MEPC, zero; csrr a0, CSR_MEPC)
TEST_CASE(4, a0, 0x7ffffff0, li a1, 0x7ffffff0; csrrw a0, CSR_MEPC, a1; csrr a0, CSR_MEPC)
/* A trap overwrites it with the pc of the ecall. */
    SET_CASE(5)
    li a1, 0x12345678 & ~3
    csrw CSR_MEPC, a1
    li a3, 0
    TRAP_EXPECT(CAUSE_ECALL_M, a3)
    ecall
    TRAP_CHECK
    la a1, trap_last_epc
    lw a0, 0(a1)
    la a1, 89b                 /* TRAP_EXPECT's label: the ecall */
    CHECK_EQ(a0, a1)
TEST_END
