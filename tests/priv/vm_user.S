/*
 * Sv32 from U mode: user pages (U = 1) are reachable, supervisor pages are
 * not (load 13, store 15, fetch 12, mtval = the address); ecall from U
 * still reaches M with the virtual pc in mepc.
 *
 * NEEDS: su sv32
 */
#include "test.h"
#include "priv.h"

#define RW   (PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)

TEST_BEGIN
    PMP_OPEN
    csrw CSR_MIE, zero
    MAP_IDENTITY(root, PTE_U)   /* code, data and devices user-accessible */
    MAP_TABLE(root, VA_BASE, l0)
    MAP_PAGE(l0, VA_BASE + 0x0000, page1, RW | PTE_U)
    MAP_PAGE(l0, VA_BASE + 0x1000, page2, RW)                /* supervisor only */
    MAP_PAGE(l0, VA_BASE + 0x2000, page3, RW | PTE_X)        /* supervisor code page */
    SATP_ON(root)
    ENTER_U(in_u)
in_u:
TEST_CASE(1, a0, 0x10000001, li a1, VA_BASE; lw a0, 4(a1))
TEST_CASE(2, a0, 0x1234,     li a1, VA_BASE; li a2, 0x1234; sw a2, 64(a1); lw a0, 64(a1))
    SET_CASE(3)
    li a1, VA_BASE + 0x1000
    TRAP_EXPECT(CAUSE_LOAD_PAGE_FAULT, a1)
    lw a0, 0(a1)
    TRAP_CHECK
    SET_CASE(4)
    li a1, VA_BASE + 0x1010
    TRAP_EXPECT(CAUSE_STORE_PAGE_FAULT, a1)
    sw a0, 0(a1)
    TRAP_CHECK
    SET_CASE(5)
    li a1, VA_BASE + 0x2000
    la a4, 1f
    TRAP_EXPECT_AT(CAUSE_FETCH_PAGE_FAULT, a1, a1, a4)
    jalr ra, 0(a1)
    TEST_FAIL
1:  TRAP_CHECK
    SET_CASE(6)
    LEAVE_U
TEST_CASE(7, a0, 0x1234, la a1, page1; lw a0, 64(a1))     /* physically in page1 */
    csrw CSR_SATP, zero
TEST_END

#include "vm.h"
