/*
 * When the page-table walk itself reads from an address where nothing is
 * mapped, the fault is an access fault of the original access's kind (fetch
 * 1, load 5, store 7) with mtval = the virtual address (DESIGN). Shown with a
 * level-1 PTE pointing at a level-0 table in unmapped physical space, and
 * with satp's root there. Also: a misaligned AMO is reported as misaligned
 * (6) before any translation, even on an unmapped virtual address.
 *
 * QEMU: no - QEMU 7.2 reports a failed walk as a page fault, and misaligned AMOs as cause 4.
 *
 * NEEDS: su sv32 amo
 */
#include "test.h"
#include "priv.h"

#define UNMAPPED_PPN (0xf0000000 >> 12)

TEST_BEGIN
    PMP_OPEN
    csrw CSR_MIE, zero
    MAP_IDENTITY(root, 0)
    /* root[VA_BASE] -> a "level-0 table" at physical 0xf000_0000. */
    li t0, (UNMAPPED_PPN << 10) | PTE_V
    la t1, root
    li t2, (VA_BASE >> 22) * 4
    add t1, t1, t2
    sw t0, 0(t1)
    SATP_ON(root)
    ENTER_S(in_s)
in_s:
    SET_CASE(1)
    li a1, VA_BASE + 0x124
    TRAP_EXPECT(CAUSE_LOAD_ACCESS, a1)
    lw a0, 0(a1)
    TRAP_CHECK
    SET_CASE(2)
    li a1, VA_BASE + 0x2008
    TRAP_EXPECT(CAUSE_STORE_ACCESS, a1)
    sw a0, 0(a1)
    TRAP_CHECK
    SET_CASE(3)
    li a1, VA_BASE + 0x3000
    la a4, 1f
    TRAP_EXPECT_AT(CAUSE_FETCH_ACCESS, a1, a1, a4)
    jalr ra, 0(a1)
    TEST_FAIL
1:  TRAP_CHECK
    SET_CASE(4)                 /* AMO: store/AMO access fault */
    li a1, VA_BASE + 0x10
    TRAP_EXPECT(CAUSE_STORE_ACCESS, a1)
    amoadd.w a0, a0, (a1)
    TRAP_CHECK
    SET_CASE(5)                 /* misaligned AMO: misaligned, before translation */
    li a1, VA_BASE + 0x12
    TRAP_EXPECT(CAUSE_STORE_MISALIGNED, a1)
    amoadd.w a0, a0, (a1)
    TRAP_CHECK
    SET_CASE(6)
    LEAVE_S

/* The root itself unmapped: the first walk step faults. */
    li t0, SATP_SV32 | UNMAPPED_PPN
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
    SET_CASE(7)
    mret                        /* S fetches in_s2 through the unmapped root */
in_s2:
    TEST_FAIL
after:
    TRAP_CHECK
    csrw CSR_SATP, zero
TEST_END

#include "vm.h"
