/*
 * The PTE bits the spec reserves for supervisor software (RSW, bits 9:8)
 * mean nothing to the hardware walk on a standard Sv32 machine (fpen = 1,
 * the reset value: no zero-fill or copy-on-write fast path, which give bit
 * 8 a meaning only when enabled, VM contract). With both bits set: a
 * level-1 pointer is still followed, an execute-only page still runs, a
 * read-only page still reads and its store still faults (15), a megapage
 * and a read-write page work as without them.
 *
 * NEEDS: su sv32
 */
#include "test.h"
#include "priv.h"

#define PTE_RSW 0x300

TEST_BEGIN
    PMP_OPEN
    csrw CSR_MIE, zero
    MAP_IDENTITY(root, 0)
    MAP_TABLE_BITS(root, VA_BASE, l0, PTE_RSW)
    MAP_PAGE(l0, VA_BASE + 0x0000, page1, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D | PTE_RSW)
    MAP_PAGE(l0, VA_BASE + 0x1000, page2, PTE_V | PTE_R | PTE_A | PTE_RSW)
    MAP_PAGE(l0, VA_BASE + 0x2000, xpage, PTE_V | PTE_X | PTE_A | PTE_RSW)
    /* a megapage leaf with both RSW bits: RAM again, one megapage up */
    MAP_MEGA(root, VA_BASE + 0x400000, 0x80000000, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D | PTE_RSW)
    SATP_ON(root)
    ENTER_S(in_s)
in_s:
/* through the pointer: a read-write page */
TEST_CASE(1, a0, 0x10000002, li a1, VA_BASE; lw a0, 8(a1))
TEST_CASE(2, a0, 0x5a5a0001, li a1, VA_BASE; li a2, 0x5a5a0001; sw a2, 16(a1); lw a0, 16(a1))
/* a read-only page reads; its store faults as without the bits */
TEST_CASE(3, a0, 0x20000003, li a1, VA_BASE + 0x1000; lw a0, 12(a1))
    SET_CASE(4)
    li a1, VA_BASE + 0x1000
    TRAP_EXPECT(CAUSE_STORE_PAGE_FAULT, a1)
    sw a1, 0(a1)
    TRAP_CHECK
/* an execute-only page runs (xpage: a0 <- 0x77, return) */
TEST_CASE(5, a0, 0x77, li a0, 0; li a1, VA_BASE + 0x2000; jalr ra, 0(a1))
/* and reads with MXR */
    li a1, MSTATUS_MXR
    csrs CSR_SSTATUS, a1
TEST_CASE(6, a0, 0x07700513, li a1, VA_BASE + 0x2000; lw a0, 0(a1))
    li a1, MSTATUS_MXR
    csrc CSR_SSTATUS, a1
/* the megapage: page3's first word, one megapage above its address */
TEST_CASE(7, a0, 0x30000001, la a1, page3; li a2, VA_BASE + 0x400000 - 0x80000000; add a1, a1, a2; lw a0, 4(a1))
    SET_CASE(8)
    LEAVE_S
    csrw CSR_SATP, zero
TEST_END

CODE_PAGE(xpage, 0x77)

#include "vm.h"
