/*
 * Supervisor mode never executes from a user page (U = 1), whatever
 * sstatus.SUM says: the fetch raises an instruction page fault (12) with
 * mepc = mtval = the target. Loads from the same page work with SUM = 1.
 *
 * QEMU: no - QEMU 7.2 lets S fetch from a U page when SUM = 1.
 *
 * NEEDS: su sv32
 */
#include "test.h"
#include "priv.h"

TEST_BEGIN
    PMP_OPEN
    csrw CSR_MIE, zero
    MAP_IDENTITY(root, 0)
    MAP_TABLE(root, VA_BASE, l0)
    MAP_PAGE(l0, VA_BASE, page0, PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D | PTE_U)
    SATP_ON(root)
    ENTER_S(in_s)
in_s:
    li a1, MSTATUS_SUM
    csrs CSR_SSTATUS, a1
TEST_CASE(1, a0, 0x00000002, li a1, VA_BASE; lw a0, 8(a1))
    SET_CASE(2)
    li a1, VA_BASE
    la a4, 1f
    TRAP_EXPECT_AT(CAUSE_FETCH_PAGE_FAULT, a1, a1, a4)
    jalr ra, 0(a1)
    TEST_FAIL
1:  TRAP_CHECK
    li a1, MSTATUS_SUM
    csrc CSR_SSTATUS, a1
    SET_CASE(3)
    li a1, VA_BASE
    la a4, 1f
    TRAP_EXPECT_AT(CAUSE_FETCH_PAGE_FAULT, a1, a1, a4)
    jalr ra, 0(a1)
    TEST_FAIL
1:  TRAP_CHECK
    SET_CASE(4)
    LEAVE_S
    csrw CSR_SATP, zero
TEST_END

#include "vm.h"
