/*
 * Sv32 page faults in S mode (cause 12 fetch, 13 load, 15 store; mtval =
 * the faulting virtual address; mepc = the instruction, or the target for a
 * fetch; the destination register is not written): no valid PTE; store to
 * a read-only page; load from an execute-only page unless mstatus.MXR; a
 * user page from S unless sstatus.SUM (fetch: vm_uexec.S); the
 * reserved W-without-R encoding; a level-0 PTE that is not a leaf; a
 * misaligned megapage (PPN[0] != 0); fetch from a page without X.
 *
 * NEEDS: su sv32
 */
#include "test.h"
#include "priv.h"

#define RW   (PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)

#define PF(n, cause, insn, va)                          \
    SET_CASE(n);                                        \
    li a1, va;                                          \
    li a0, 0x5a5a5a5a;                                  \
    TRAP_EXPECT(cause, a1);                             \
    insn a0, 0(a1);                                     \
    TRAP_CHECK;                                         \
    li t6, 0x5a5a5a5a;                                  \
    CHECK_EQ(a0, t6)

/* Fetch: jump to va; mepc = mtval = va; resume after the jump. */
#define PF_FETCH(n, va)                                 \
    SET_CASE(n);                                        \
    li a1, va;                                          \
    la a4, 1f;                                          \
    TRAP_EXPECT_AT(CAUSE_FETCH_PAGE_FAULT, a1, a1, a4); \
    jalr ra, 0(a1);                                     \
    TEST_FAIL;                                          \
1:  TRAP_CHECK

TEST_BEGIN
    PMP_OPEN
    csrw CSR_MIE, zero
    MAP_IDENTITY(root, 0)
    MAP_TABLE(root, VA_BASE, l0)
    MAP_PAGE(l0, VA_BASE + 0x0000, page1, RW)
    MAP_PAGE(l0, VA_BASE + 0x1000, page2, PTE_V | PTE_R | PTE_A)
    MAP_PAGE(l0, VA_BASE + 0x2000, page3, PTE_V | PTE_X | PTE_A)
    MAP_PAGE(l0, VA_BASE + 0x3000, page0, RW | PTE_X | PTE_U)
    MAP_PAGE(l0, VA_BASE + 0x4000, page0, PTE_V | PTE_W | PTE_A | PTE_D)   /* reserved: W without R */
    /* VA_BASE + 0x5000: left zero, invalid */
    MAP_PAGE(l0, VA_BASE + 0x6000, page0, PTE_V)                        /* pointer at level 0 */
    /* A megapage at VA_BASE + 4 MiB whose PPN[0] is not zero. */
    MAP_MEGA(root, VA_BASE + 0x400000, 0x80001000, RW)
    SATP_ON(root)
    ENTER_S(in_s)
in_s:
PF(1,  CAUSE_LOAD_PAGE_FAULT,  lw, VA_BASE + 0x5000)
PF(2,  CAUSE_STORE_PAGE_FAULT, sw, VA_BASE + 0x5004)
PF(3,  CAUSE_STORE_PAGE_FAULT, sw, VA_BASE + 0x1008)     /* read-only */
TEST_CASE(4, a0, 0x20000002, li a1, VA_BASE + 0x1000; lw a0, 8(a1))
PF(5,  CAUSE_LOAD_PAGE_FAULT,  lw, VA_BASE + 0x2000)     /* execute-only */
TEST_CASE(6, a0, 0x30000001, li a1, MSTATUS_MXR; csrs CSR_SSTATUS, a1; li a1, VA_BASE + 0x2000; lw a0, 4(a1); li a1, MSTATUS_MXR; csrc CSR_SSTATUS, a1)
PF(7,  CAUSE_LOAD_PAGE_FAULT,  lw, VA_BASE + 0x3004)     /* user page, SUM = 0 */
PF(8,  CAUSE_STORE_PAGE_FAULT, sw, VA_BASE + 0x3004)
TEST_CASE(9, a0, 0x00000001, li a1, MSTATUS_SUM; csrs CSR_SSTATUS, a1; li a1, VA_BASE + 0x3000; lw a0, 4(a1))
TEST_CASE(10, a0, 0x77, li a1, VA_BASE + 0x3000; li a2, 0x77; sw a2, 32(a1); lw a0, 32(a1))
    li a1, MSTATUS_SUM
    csrc CSR_SSTATUS, a1
PF(12, CAUSE_LOAD_PAGE_FAULT,  lw, VA_BASE + 0x4000)     /* W without R */
PF(13, CAUSE_STORE_PAGE_FAULT, sw, VA_BASE + 0x4000)
PF(14, CAUSE_LOAD_PAGE_FAULT,  lw, VA_BASE + 0x6000)     /* non-leaf at level 0 */
PF(15, CAUSE_LOAD_PAGE_FAULT,  lw, VA_BASE + 0x400000)   /* misaligned megapage */
PF(16, CAUSE_STORE_PAGE_FAULT, sb, VA_BASE + 0x400003)
PF_FETCH(17, VA_BASE + 0x0000)                           /* no X */
PF_FETCH(18, VA_BASE + 0x5000)                           /* invalid */
PF(19, CAUSE_LOAD_PAGE_FAULT,  lbu, VA_BASE + 0x5fff)
    SET_CASE(20)
    LEAVE_S
    csrw CSR_SATP, zero
TEST_END

#include "vm.h"
