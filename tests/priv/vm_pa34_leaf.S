/*
 * Sv32 physical addresses are 34 bits: a leaf PTE whose PPN reaches past
 * 32 bits (PTE bits 31:30, PPN[1] bits 11:10) names a page where nothing
 * is, and the access through it is an access fault of its kind (load 5,
 * store 7, fetch 1) with the virtual address as tval, not an access to the
 * page the low 32 bits name. The walk has found a valid leaf: it sets A
 * (and D for a store) first, as it does for any leaf. Shown with 4 KiB
 * leaves whose low bits name page0 (a truncating walk reads 0 there) and a
 * megapage leaf with PTE bit 31 set over RAM.
 *
 * QEMU: no - QEMU 7.2 (RV32 virt) takes no trap on the load of case 1.
 *
 * NEEDS: su sv32
 */
#include "test.h"
#include "priv.h"

#define BIG20 (1 << 30)         /* PTE bit 30: PPN bit 20, physical address bit 32 */
#define BIG21 (1 << 31)         /* PTE bit 31: PPN bit 21, physical address bit 33 */
#define VA_MEGA (VA_BASE + 0x400000)

TEST_BEGIN
    PMP_OPEN
    csrw CSR_MIE, zero
    MAP_IDENTITY(root, 0)
    MAP_TABLE(root, VA_BASE, l0)
    /* l0[0]: page0 + bit 32, read/write, A and D set */
    MAP_PAGE(l0, VA_BASE + 0x0000, page0, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
    PTE_ADDR(t1, l0, VA_BASE + 0x0000)
    lw t0, 0(t1)
    li t2, BIG20
    or t0, t0, t2
    sw t0, 0(t1)
    /* l0[1]: page0 + bit 33, read/write, A and D clear */
    MAP_PAGE(l0, VA_BASE + 0x1000, page0, PTE_V | PTE_R | PTE_W)
    PTE_ADDR(t1, l0, VA_BASE + 0x1000)
    lw t0, 0(t1)
    li t2, BIG21
    or t0, t0, t2
    sw t0, 0(t1)
    /* l0[2]: page0 + bits 32 and 33, read/execute, A clear */
    MAP_PAGE(l0, VA_BASE + 0x2000, page0, PTE_V | PTE_R | PTE_X)
    PTE_ADDR(t1, l0, VA_BASE + 0x2000)
    lw t0, 0(t1)
    li t2, BIG20 | BIG21
    or t0, t0, t2
    sw t0, 0(t1)
    /* a megapage over RAM at 0x80000000 + bit 33 */
    MAP_MEGA(root, VA_MEGA, 0x80000000, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D | BIG21)
    SATP_ON(root)
    ENTER_S(in_s)
in_s:
    SET_CASE(1)                 /* load through l0[0] */
    li a1, VA_BASE + 0x24
    TRAP_EXPECT(CAUSE_LOAD_ACCESS, a1)
    lw a0, 0(a1)
    TRAP_CHECK
    SET_CASE(2)                 /* store through l0[1] */
    li a1, VA_BASE + 0x1008
    TRAP_EXPECT(CAUSE_STORE_ACCESS, a1)
    sw a1, 0(a1)
    TRAP_CHECK
    SET_CASE(3)                 /* AMO through l0[0]: a store/AMO access fault */
    li a1, VA_BASE + 0x10
    TRAP_EXPECT(CAUSE_STORE_ACCESS, a1)
    amoadd.w a0, a0, (a1)
    TRAP_CHECK
    SET_CASE(4)                 /* fetch through l0[2] */
    li a1, VA_BASE + 0x2000
    la a4, 1f
    TRAP_EXPECT_AT(CAUSE_FETCH_ACCESS, a1, a1, a4)
    jalr ra, 0(a1)
    TEST_FAIL
1:  TRAP_CHECK
    SET_CASE(5)                 /* load through the megapage */
    li a1, VA_MEGA + 0x1230
    TRAP_EXPECT(CAUSE_LOAD_ACCESS, a1)
    lw a0, 0(a1)
    TRAP_CHECK
    SET_CASE(6)
    LEAVE_S
    csrw CSR_SATP, zero
/* In M, physically: page0 is unchanged, and the walks set A (and D for
 * the store) in the leaves before the accesses faulted. */
TEST_CASE(7, a0, 0x00000002, la a1, page0; lw a0, 8(a1))
TEST_CASE(8, a0, PTE_A | PTE_D, PTE_ADDR(a1, l0, VA_BASE + 0x1000); lw a0, 0(a1); andi a0, a0, PTE_A | PTE_D)
TEST_CASE(9, a0, PTE_A, PTE_ADDR(a1, l0, VA_BASE + 0x2000); lw a0, 0(a1); andi a0, a0, PTE_A | PTE_D)
TEST_END

#include "vm.h"
