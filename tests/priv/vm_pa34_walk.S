/*
 * Sv32 physical addresses are 34 bits: a table the walk would read past 32
 * bits (a level-1 pointer whose PPN has PTE bit 30 or 31 set, or satp's PPN
 * bit 20 or 21) is where nothing is, and the walk's read of it is an access
 * fault of the original access's kind, tval = the virtual address (DESIGN,
 * as for any PTE read outside RAM: vm_walkfault.S), not a read of the table
 * the low 32 bits name. Shown with a pointer to l0 plus bit 32 (l0 itself
 * maps the page), and with satp's root at root + bit 33.
 *
 * QEMU: no - QEMU 7.2 reports a failed walk as a page fault (vm_walkfault.S).
 *
 * NEEDS: su sv32
 */
#include "test.h"
#include "priv.h"

#define VA_PTR (VA_BASE + 0x800000)

TEST_BEGIN
    PMP_OPEN
    csrw CSR_MIE, zero
    MAP_IDENTITY(root, 0)
    /* root[VA_PTR] -> l0 + bit 32; l0 maps VA_PTR's page 3 onto page1 */
    MAP_TABLE(root, VA_PTR, l0)
    la t1, root
    li t2, (VA_PTR >> 22) * 4
    add t1, t1, t2
    lw t0, 0(t1)
    li t2, 1 << 30
    or t0, t0, t2
    sw t0, 0(t1)
    MAP_PAGE(l0, VA_PTR + 0x3000, page1, PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D)
    SATP_ON(root)
    ENTER_S(in_s)
in_s:
    SET_CASE(1)
    li a1, VA_PTR + 0x3004
    TRAP_EXPECT(CAUSE_LOAD_ACCESS, a1)
    lw a0, 0(a1)
    TRAP_CHECK
    SET_CASE(2)
    li a1, VA_PTR + 0x3008
    TRAP_EXPECT(CAUSE_STORE_ACCESS, a1)
    sw a1, 0(a1)
    TRAP_CHECK
    SET_CASE(3)
    li a1, VA_PTR + 0x3000
    la a4, 1f
    TRAP_EXPECT_AT(CAUSE_FETCH_ACCESS, a1, a1, a4)
    jalr ra, 0(a1)
    TEST_FAIL
1:  TRAP_CHECK
    SET_CASE(4)
    LEAVE_S
/* page1 is unchanged (the store went nowhere) */
TEST_CASE(5, a0, 0x10000002, la a1, page1; lw a0, 8(a1))

/* The root past 32 bits: the first walk step faults. */
    la t0, root
    srli t0, t0, 12
    li t1, SATP_SV32 | (1 << 21)
    or t0, t0, t1
    csrw CSR_SATP, t0
    sfence.vma
    la a1, in_s2
    li t0, MSTATUS_MPP
    csrc CSR_MSTATUS, t0
    li t0, MSTATUS_MPP_S
    csrs CSR_MSTATUS, t0
    csrw CSR_MEPC, a1
    la a4, after
    TRAP_EXPECT_FULL(CAUSE_FETCH_ACCESS, a1, a1, a4, TE_TO_M)
    SET_CASE(6)
    mret                        /* S fetches in_s2 through the root past 32 bits */
in_s2:
    TEST_FAIL
after:
    TRAP_CHECK
    csrw CSR_SATP, zero
TEST_END

#include "vm.h"
