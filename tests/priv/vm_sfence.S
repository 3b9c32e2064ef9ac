/*
 * TLB maintenance as the kernel uses it: after a PTE changes, sfence.vma
 * (all, or just that address) makes the new mapping visible; address
 * spaces with different ASIDs each see their own mapping of the same
 * virtual address when satp switches between them (entries are tagged by
 * ASID, so no flush is needed). No test relies on seeing a stale entry.
 *
 * NEEDS: su sv32
 */
#include "test.h"
#include "priv.h"

#define RW   (PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)

TEST_BEGIN
    PMP_OPEN
    csrw CSR_MIE, zero
    MAP_IDENTITY(root, 0)
    MAP_TABLE(root, VA_BASE, l0)
    MAP_PAGE(l0, VA_BASE, page1, RW)
    SATP_ON(root)
    ENTER_S(in_s)
in_s:
TEST_CASE(1, a0, 0x10000000, li a1, VA_BASE; lw a0, 0(a1))
/* Remap to page2, sfence.vma everything. */
    SET_CASE(2)
    MAP_PAGE(l0, VA_BASE, page2, RW)
    sfence.vma
    li a1, VA_BASE
    lw a0, 0(a1)
    li t6, 0x20000000
    CHECK_EQ(a0, t6)
/* Remap to page3, sfence.vma for that address only. */
    SET_CASE(3)
    MAP_PAGE(l0, VA_BASE, page3, RW)
    li a1, VA_BASE
    sfence.vma a1, zero
    lw a0, 4(a1)
    li t6, 0x30000001
    CHECK_EQ(a0, t6)
/* Invalidate it: the next access faults. */
    SET_CASE(4)
    PTE_ADDR(a2, l0, VA_BASE)
    sw zero, 0(a2)
    li a1, VA_BASE
    sfence.vma a1, zero
    TRAP_EXPECT(CAUSE_LOAD_PAGE_FAULT, a1)
    lw a0, 0(a1)
    TRAP_CHECK
    SET_CASE(5)
    LEAVE_S

/* Two address spaces: ASID 1 maps VA_BASE to page1, ASID 2 to page2. */
    MAP_IDENTITY(root2, 0)
    MAP_TABLE(root2, VA_BASE, l0b)
    MAP_PAGE(l0b, VA_BASE, page2, RW)
    MAP_PAGE(l0, VA_BASE, page1, RW)
    sfence.vma
    la a1, root
    srli a1, a1, 12
    li a2, SATP_SV32 | (1 << 22)
    or s2, a1, a2               /* satp for ASID 1 */
    la a1, root2
    srli a1, a1, 12
    li a2, SATP_SV32 | (2 << 22)
    or s3, a1, a2               /* satp for ASID 2 */
    ENTER_S(in_s2)
in_s2:
    li a1, VA_BASE
TEST_CASE(6, a0, 0x10000000, csrw CSR_SATP, s2; lw a0, 0(a1))
TEST_CASE(7, a0, 0x20000000, csrw CSR_SATP, s3; lw a0, 0(a1))
TEST_CASE(8, a0, 0x10000000, csrw CSR_SATP, s2; lw a0, 0(a1))
TEST_CASE(9, a0, 0x20000000, csrw CSR_SATP, s3; lw a0, 0(a1))
    SET_CASE(10)
    LEAVE_S
    csrw CSR_SATP, zero
TEST_END

#include "vm.h"
    .data
    .align 12
l0b: .space 4096
