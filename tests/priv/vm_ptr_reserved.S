/*
 * A level-1 pointer (V set, R W X clear) with D, A or U set is a PTE with
 * reserved bits (priv 1.12 4.3.1: they are reserved in non-leaf PTEs), and
 * the walk raises the access's page fault there (4.3.2 step 3), tval = the
 * address: a load (13) through a pointer with A, a store (15) with D, a
 * fetch (12) with U. The same pointer without them works (case 4).
 *
 * NEEDS: su sv32
 */
#include "test.h"
#include "priv.h"

/* root's entry for VA_BASE <- a pointer to l0 with more bits */
#define POINT(bits)                                     \
    MAP_TABLE_BITS(root, VA_BASE, l0, bits);            \
    sfence.vma

TEST_BEGIN
    PMP_OPEN
    csrw CSR_MIE, zero
    MAP_IDENTITY(root, 0)
    MAP_PAGE(l0, VA_BASE + 0x0000, page1, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
    MAP_PAGE(l0, VA_BASE + 0x1000, xpage, PTE_V | PTE_X | PTE_A)
    POINT(PTE_A)
    SATP_ON(root)
    ENTER_S(in_s)
in_s:
    SET_CASE(1)
    li a1, VA_BASE + 8
    TRAP_EXPECT(CAUSE_LOAD_PAGE_FAULT, a1)
    lw a0, 0(a1)
    TRAP_CHECK
    POINT(PTE_D)
    SET_CASE(2)
    li a1, VA_BASE + 16
    TRAP_EXPECT(CAUSE_STORE_PAGE_FAULT, a1)
    sw a1, 0(a1)
    TRAP_CHECK
    POINT(PTE_U)
    SET_CASE(3)
    li a1, VA_BASE + 0x1000
    la a4, 1f
    TRAP_EXPECT_AT(CAUSE_FETCH_PAGE_FAULT, a1, a1, a4)
    jalr ra, 0(a1)
    TEST_FAIL
1:  TRAP_CHECK
    POINT(0)
TEST_CASE(4, a0, 0x10000002, li a1, VA_BASE; lw a0, 8(a1))
TEST_CASE(5, a0, 0x55, li a0, 0; li a1, VA_BASE + 0x1000; jalr ra, 0(a1))
    SET_CASE(6)
    LEAVE_S
    csrw CSR_SATP, zero
TEST_END

CODE_PAGE(xpage, 0x55)

#include "vm.h"
