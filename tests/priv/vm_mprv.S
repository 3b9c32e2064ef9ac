/*
 * mstatus.MPRV: in M mode with MPRV = 1, loads and stores are translated
 * and checked as if in the mode in MPP (fetches are not); MPP = M means
 * no translation. A fault under MPRV is taken in M with the virtual address
 * in mtval. (mret clearing MPRV: vm_mprv_mret.S.)
 *
 * NEEDS: su sv32
 */
#include "test.h"
#include "priv.h"

#define RW   (PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)

TEST_BEGIN
    PMP_OPEN
    csrw CSR_MIE, zero
    MAP_IDENTITY(root, 0)       /* supervisor pages: U may not touch them */
    MAP_TABLE(root, VA_BASE, l0)
    MAP_PAGE(l0, VA_BASE, page1, RW)
    MAP_PAGE(l0, VA_BASE + 0x1000, page2, RW | PTE_U)
    SATP_ON(root)

/* MPP = S: translated with S permissions. */
    SET_CASE(1)
    li a1, MSTATUS_MPP
    csrc CSR_MSTATUS, a1
    li a1, MSTATUS_MPP_S | MSTATUS_MPRV
    csrs CSR_MSTATUS, a1
    li a1, VA_BASE
    lw a0, 4(a1)
    li a2, 0x99
    sw a2, 32(a1)
    li a1, MSTATUS_MPRV
    csrc CSR_MSTATUS, a1
    li t6, 0x10000001
    CHECK_EQ(a0, t6)
TEST_CASE(2, a0, 0x99, la a1, page1; lw a0, 32(a1))
/* MPP = U: the supervisor page faults (armed before MPRV is set, since the
 * expectation is itself a store). */
    SET_CASE(3)
    li a1, MSTATUS_MPP
    csrc CSR_MSTATUS, a1        /* MPP = U */
    li a1, VA_BASE
    la s10, 1f
    TRAP_EXPECT_FULL(CAUSE_LOAD_PAGE_FAULT, a1, s10, x0, 0)
    li a2, MSTATUS_MPRV
    csrs CSR_MSTATUS, a2
1:  lw a0, 0(a1)
    csrc CSR_MSTATUS, a2
    TRAP_CHECK
/* MPP = U on the user page: fine. (The trap above set MPP = M: reset it.) */
    SET_CASE(4)
    li a1, MSTATUS_MPP
    csrc CSR_MSTATUS, a1
    li a2, MSTATUS_MPRV
    csrs CSR_MSTATUS, a2
    li a1, VA_BASE + 0x1000
    lw a0, 8(a1)
    csrc CSR_MSTATUS, a2
    li t6, 0x20000002
    CHECK_EQ(a0, t6)
/* MPP = M: no translation, VA_BASE is unmapped physically. */
    SET_CASE(5)
    li a1, MSTATUS_MPP
    csrs CSR_MSTATUS, a1
    li a1, VA_BASE
    la s10, 1f
    TRAP_EXPECT_FULL(CAUSE_LOAD_ACCESS, a1, s10, x0, 0)
    li a2, MSTATUS_MPRV
    csrs CSR_MSTATUS, a2
1:  lw a0, 0(a1)
    csrc CSR_MSTATUS, a2
    TRAP_CHECK
    csrw CSR_SATP, zero
TEST_END

#include "vm.h"
