/*
 * The page-table walk sets the A and D bits in hardware (DESIGN): a load
 * or fetch through a leaf with A = 0 sets A; a store sets A and D; nothing
 * else in the PTE changes. The PTEs are read back physically from M after
 * each access (with an sfence.vma before the next, so no test relies on
 * what a TLB kept).
 *
 * NEEDS: su sv32
 */
#include "test.h"
#include "priv.h"

#define VRW (PTE_V | PTE_R | PTE_W)

/* a0 = the PTE of va & (A | D) as M reads it now. */
#define PTE_AD(va)                                      \
    PTE_ADDR(a2, l0, va);                               \
    lw a0, 0(a2);                                       \
    andi a0, a0, PTE_A | PTE_D

TEST_BEGIN
    PMP_OPEN
    csrw CSR_MIE, zero
    MAP_IDENTITY(root, 0)
    MAP_TABLE(root, VA_BASE, l0)
    MAP_PAGE(l0, VA_BASE + 0x0000, page1, VRW)
    MAP_PAGE(l0, VA_BASE + 0x1000, page2, VRW)
    MAP_PAGE(l0, VA_BASE + 0x2000, page3, VRW | PTE_A)
    MAP_PAGE(l0, VA_BASE + 0x3000, page0, PTE_V | PTE_R | PTE_W | PTE_X)
    SATP_ON(root)

/* Load: A only. */
    ENTER_S(s1)
s1: li a1, VA_BASE
    lw a0, 0(a1)
    LEAVE_S
TEST_CASE(1, a0, PTE_A, PTE_AD(VA_BASE))
/* Store to a fresh page: A and D. */
    sfence.vma
    ENTER_S(s2)
s2: li a1, VA_BASE + 0x1000
    li a2, 0x55
    sw a2, 0(a1)
    lw s2, 4(a1)
    LEAVE_S
TEST_CASE(3, a0, PTE_A | PTE_D, PTE_AD(VA_BASE + 0x1000))
TEST_CASE(4, a0, 0x20000001, mv a0, s2)
/* Store where A was already set: D added. */
    sfence.vma
    ENTER_S(s3)
s3: li a1, VA_BASE + 0x2000
    sb a1, 7(a1)
    LEAVE_S
TEST_CASE(5, a0, PTE_A | PTE_D, PTE_AD(VA_BASE + 0x2000))
/* Store after a load of the same page (the TLB may hold it clean): D. */
    sfence.vma
    ENTER_S(s4)
s4: li a1, VA_BASE
    lw a0, 0(a1)
    sw a0, 8(a1)
    LEAVE_S
TEST_CASE(6, a0, PTE_A | PTE_D, PTE_AD(VA_BASE))
/* The rest of the PTE is unchanged. */
TEST_CASE(7, a0, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D, PTE_ADDR(a2, l0, VA_BASE + 0x1000); lw a0, 0(a2); andi a0, a0, 0x3ff)
TEST_CASE(8, a0, 0, PTE_ADDR(a2, l0, VA_BASE + 0x1000); lw a0, 0(a2); srli a0, a0, 10; la a1, page2; srli a1, a1, 12; sub a0, a0, a1)
/* Fetch: A. Jump to the page (page0's first word is 0: illegal instruction,
 * which proves the fetch happened). */
    sfence.vma
    ENTER_S(s5)
s5: SET_CASE(9)
    li a1, VA_BASE + 0x3000
    li a3, 0
    la a4, 1f
    TRAP_EXPECT_AT(CAUSE_ILLEGAL_INSN, a3, a1, a4)
    jalr ra, 0(a1)
    TEST_FAIL
1:  TRAP_CHECK
    LEAVE_S
TEST_CASE(10, a0, PTE_A, PTE_AD(VA_BASE + 0x3000))
    csrw CSR_SATP, zero
TEST_END

#include "vm.h"
