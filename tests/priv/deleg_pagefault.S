/*
 * Page faults delegated to S (medeleg bits 12, 13, 15), as the kernel runs
 * them: a fault in U goes to the S handler with scause = the cause, sepc =
 * the instruction (the target for a fetch), stval = the virtual address,
 * SPP = U; mcause is untouched. The U program's pages are user pages, so
 * the S handler runs from a supervisor alias of RAM (VA 0xc000_0000).
 *
 * NEEDS: su sv32
 */
#include "test.h"
#include "priv.h"

#define ALIAS (0xc0000000 - 0x80000000)

/* s_last: scause, sepc, stval, sstatus, count */
#define S_CHECK(n, cause, epcreg, tvalreg)              \
    SET_CASE(n);                                        \
    la a5, s_last;                                      \
    lw a0, 0(a5);                                       \
    li t6, cause;                                       \
    CHECK_EQ(a0, t6);                                   \
    lw a0, 4(a5);                                       \
    CHECK_EQ(a0, epcreg);                               \
    lw a0, 8(a5);                                       \
    CHECK_EQ(a0, tvalreg);                              \
    lw a0, 12(a5);                                      \
    andi a0, a0, MSTATUS_SPP;                           \
    CHECK_EQ(a0, x0)

TEST_BEGIN
    PMP_OPEN
    csrw CSR_MIE, zero
    MAP_IDENTITY(root, PTE_U)
    MAP_MEGA(root, 0xc0000000, 0x80000000, PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D)
    MAP_TABLE(root, VA_BASE, l0)
    MAP_PAGE(l0, VA_BASE + 0x0000, page1, PTE_V | PTE_R | PTE_A | PTE_U)   /* read-only */
    MAP_PAGE(l0, VA_BASE + 0x2000, page2, PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D)  /* S only */
    /* VA_BASE + 0x1000: invalid */
    SATP_ON(root)
    la a1, strap_entry + ALIAS
    csrw CSR_STVEC, a1
    li a1, (1 << CAUSE_FETCH_PAGE_FAULT) | (1 << CAUSE_LOAD_PAGE_FAULT) | (1 << CAUSE_STORE_PAGE_FAULT)
    csrw CSR_MEDELEG, a1
    csrw CSR_MCAUSE, zero
    ENTER_U(in_u)
in_u:
    li a0, 0x5a
    li a1, VA_BASE + 0x1004
1:  lw a0, 0(a1)
    la a2, 1b
S_CHECK(1, CAUSE_LOAD_PAGE_FAULT, a2, a1)
    li a1, VA_BASE + 0x0008
1:  sw a0, 0(a1)
    la a2, 1b
S_CHECK(2, CAUSE_STORE_PAGE_FAULT, a2, a1)
    li a1, VA_BASE + 0x2010      /* supervisor page */
1:  lw a0, 0(a1)
    la a2, 1b
S_CHECK(3, CAUSE_LOAD_PAGE_FAULT, a2, a1)
    li a1, VA_BASE + 0x1000      /* fetch from an invalid page */
    jalr ra, 0(a1)
S_CHECK(4, CAUSE_FETCH_PAGE_FAULT, a1, a1)
    li a1, VA_BASE + 0x2000      /* fetch from a supervisor page */
    jalr ra, 0(a1)
S_CHECK(5, CAUSE_FETCH_PAGE_FAULT, a1, a1)
TEST_CASE(6, a0, 5, la a5, s_last; lw a0, 16(a5))
TEST_CASE(7, a0, 0x10000002, li a1, VA_BASE; lw a0, 8(a1))   /* readable page still reads */
    SET_CASE(8)
    LEAVE_U
TEST_CASE(9, a0, CAUSE_ECALL_U, csrr a0, CSR_MCAUSE)          /* M saw only the ecall */
    csrw CSR_MEDELEG, zero
    csrw CSR_SATP, zero
TEST_END

S_HANDLER
#include "vm.h"
