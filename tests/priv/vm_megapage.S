/*
 * A megapage seen through the core's page registers, which hold a
 * megapage's translation for all of its 4 KiB pieces: every piece reaches
 * its own physical page; after a PTE change and sfence.vma a piece never
 * touched before and the one last used both follow the new PTE; and a
 * write of sstatus (SUM, MXR) takes effect on the very next access to a
 * piece whose translation was just used.
 *
 * NEEDS: su sv32
 */
#include "test.h"
#include "priv.h"

#define VA_M  0xf0400000                /* the megapage: RAM's first 4 MiB */
#define DELTA (VA_M - 0x80000000)
#define RWAD  (PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)

/* reg <- the megapage's virtual address of the label */
#define VM_OF(reg, label)                               \
    la reg, label;                                      \
    li t0, DELTA;                                       \
    add reg, reg, t0

/* The load or store at reg must raise cause with tval reg, and not load. */
#define FAULT(n, cause, insn, reg)                      \
    SET_CASE(n);                                        \
    li a0, 0x5a5a5a5a;                                  \
    TRAP_EXPECT(cause, reg);                            \
    insn a0, 0(reg);                                    \
    TRAP_CHECK;                                         \
    li t6, 0x5a5a5a5a;                                  \
    CHECK_EQ(a0, t6)

TEST_BEGIN
    PMP_OPEN
    csrw CSR_MIE, zero
    MAP_IDENTITY(root, 0)
    MAP_MEGA(root, VA_M, 0x80000000, RWAD)
    SATP_ON(root)
    ENTER_S(in_s)
in_s:
    /* two pieces in turn, each its own physical page */
TEST_CASE(1, a0, 0x10000001, VM_OF(a1, page1); lw a0, 4(a1))
TEST_CASE(2, a0, 0x20000002, VM_OF(a1, page2); lw a0, 8(a1))
TEST_CASE(3, a0, 0x10000003, VM_OF(a1, page1); lw a0, 12(a1))
    /* a store through a third piece lands in that page */
    VM_OF(a1, page3)
    li a2, 0x3333abcd
    sw a2, 12(a1)
TEST_CASE(4, a0, 0x3333abcd, la a1, page3; lw a0, 12(a1))
    /* read-only now: the piece last written and another piece fault on a
     * store, loads still work */
    MAP_MEGA(root, VA_M, 0x80000000, PTE_V | PTE_R | PTE_A)
    sfence.vma
    VM_OF(a1, page3)
FAULT(5, CAUSE_STORE_PAGE_FAULT, sw, a1)
    VM_OF(a1, page0)
FAULT(6, CAUSE_STORE_PAGE_FAULT, sw, a1)
TEST_CASE(7, a0, 0x3333abcd, VM_OF(a1, page3); lw a0, 12(a1))
    /* a user megapage: S reads it only with SUM, from the next access on */
    MAP_MEGA(root, VA_M, 0x80000000, RWAD | PTE_U)
    sfence.vma
    li a2, MSTATUS_SUM
    csrs CSR_SSTATUS, a2
TEST_CASE(8, a0, 0x20000001, VM_OF(a1, page2); lw a0, 4(a1))
    csrc CSR_SSTATUS, a2
    VM_OF(a1, page2)
FAULT(9, CAUSE_LOAD_PAGE_FAULT, lw, a1)
    /* execute-only: a read needs MXR, again from the next access on */
    MAP_MEGA(root, VA_M, 0x80000000, PTE_V | PTE_X | PTE_A)
    sfence.vma
    li a2, MSTATUS_MXR
    csrs CSR_SSTATUS, a2
TEST_CASE(10, a0, 0x10000002, VM_OF(a1, page1); lw a0, 8(a1))
    csrc CSR_SSTATUS, a2
    VM_OF(a1, page1)
FAULT(11, CAUSE_LOAD_PAGE_FAULT, lw, a1)
    /* gone: both a used piece and a fresh one fault */
    MAP_MEGA(root, VA_M, 0x80000000, 0)
    sfence.vma
    VM_OF(a1, page1)
FAULT(12, CAUSE_LOAD_PAGE_FAULT, lw, a1)
    VM_OF(a1, page2)
    addi a1, a1, 16
FAULT(13, CAUSE_LOAD_PAGE_FAULT, lw, a1)
    SET_CASE(14)
    LEAVE_S
    csrw CSR_SATP, zero
TEST_END

#include "vm.h"
