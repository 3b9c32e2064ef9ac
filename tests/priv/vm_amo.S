/*
 * The A extension through Sv32 in S mode: AMOs and LR/SC on a mapped page
 * work on the frame it maps (and an AMO sets A and D); on a read-only page
 * an AMO or sc.w raises a store/AMO page fault (15) and changes nothing;
 * lr.w on an invalid page raises a load page fault (13); mtval = the
 * virtual address.
 *
 * NEEDS: su sv32 amo
 */
#include "test.h"
#include "priv.h"

TEST_BEGIN
    PMP_OPEN
    csrw CSR_MIE, zero
    MAP_IDENTITY(root, 0)
    MAP_TABLE(root, VA_BASE, l0)
    MAP_PAGE(l0, VA_BASE + 0x0000, page1, PTE_V | PTE_R | PTE_W)            /* A = D = 0 */
    MAP_PAGE(l0, VA_BASE + 0x1000, page2, PTE_V | PTE_R | PTE_A)            /* read-only */
    /* VA_BASE + 0x2000: invalid */
    SATP_ON(root)
    ENTER_S(in_s)
in_s:
TEST_CASE(1, a0, 0x10000001, li a1, VA_BASE + 4; li a2, 0x10; amoadd.w a0, a2, (a1))
TEST_CASE(2, a0, 0x10000011, lw a0, 0(a1))
TEST_CASE(3, a3, 0,          li a1, VA_BASE + 8; lr.w a0, (a1); addi a0, a0, 1; sc.w a3, a0, (a1))
TEST_CASE(4, a0, 0x10000003, lw a0, 0(a1))
    SET_CASE(5)
    li a1, VA_BASE + 0x1004
    li a0, 0x5a
    TRAP_EXPECT(CAUSE_STORE_PAGE_FAULT, a1)
    amoswap.w a0, a2, (a1)
    TRAP_CHECK
    li t6, 0x5a
    CHECK_EQ(a0, t6)
    SET_CASE(6)
    lr.w a0, (a1)               /* readable: fine, and reserves */
    TRAP_EXPECT(CAUSE_STORE_PAGE_FAULT, a1)
    sc.w a3, a2, (a1)
    TRAP_CHECK
TEST_CASE(7, a0, 0x20000001, lw a0, 0(a1))
    SET_CASE(8)
    li a1, VA_BASE + 0x2000
    TRAP_EXPECT(CAUSE_LOAD_PAGE_FAULT, a1)
    lr.w a0, (a1)
    TRAP_CHECK
    SET_CASE(9)
    LEAVE_S
/* In M: the frames changed as expected, and the AMO set A and D. */
TEST_CASE(10, a0, 0x10000011, la a1, page1; lw a0, 4(a1))
TEST_CASE(11, a0, PTE_A | PTE_D, PTE_ADDR(a2, l0, VA_BASE); lw a0, 0(a2); andi a0, a0, PTE_A | PTE_D)
TEST_CASE(12, a0, 0x20000001, la a1, page2; lw a0, 4(a1))
    csrw CSR_SATP, zero
TEST_END

#include "vm.h"
