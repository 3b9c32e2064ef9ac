/*
 * Sv32 translation in S mode: with satp.MODE = 1, loads and stores from S go
 * through a two-level table: 4 KiB pages at VA_BASE map onto chosen
 * physical pages (the page offset passes through; two virtual pages may
 * alias one frame), and a 4 MiB megapage maps RAM identically so the code
 * keeps running. Machine mode is never translated. satp keeps MODE, a
 * 9-bit ASID and the PPN.
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
    MAP_PAGE(l0, VA_BASE + 0x0000, page1, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
    MAP_PAGE(l0, VA_BASE + 0x1000, page2, PTE_V | PTE_R | PTE_A)
    MAP_PAGE(l0, VA_BASE + 0x2000, page1, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)   /* alias */
    MAP_PAGE(l0, VA_BASE + 0x3000, page0, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)

/* satp: MODE, all nine ASID bits and the PPN read back. */
    SET_CASE(1)
    la a1, root
    srli a1, a1, 12
    li a2, SATP_SV32 | (0x1ff << 22)
    or a1, a1, a2
    csrw CSR_SATP, a1
    csrr a0, CSR_SATP
    CHECK_EQ(a0, a1)
    csrw CSR_SATP, zero
    SATP_ON(root)
/* M is not translated even with satp on: VA_BASE is unmapped physically. */
    SET_CASE(2)
    li a1, VA_BASE
    TRAP_EXPECT(CAUSE_LOAD_ACCESS, a1)
    lw a0, 0(a1)
    TRAP_CHECK

    ENTER_S(in_s)
in_s:
TEST_CASE(3, a0, 0x10000000, li a1, VA_BASE; lw a0, 0(a1))
TEST_CASE(4, a0, 0x10000003, li a1, VA_BASE; lw a0, 12(a1))
TEST_CASE(5, a0, 0x20000001, li a1, VA_BASE + 0x1000; lw a0, 4(a1))
TEST_CASE(6, a0, 0x00000002, li a1, VA_BASE + 0x3000; lw a0, 8(a1))
TEST_CASE(7, a0, 0,          li a1, VA_BASE + 0x1000; li a2, 0xffc; add a1, a1, a2; lw a0, 0(a1))     /* last word of the page */
/* A store through the alias is seen through the first mapping. */
TEST_CASE(8, a0, 0xcafe0001, li a1, VA_BASE + 0x2000; li a2, 0xcafe0001; sw a2, 16(a1); li a1, VA_BASE; lw a0, 16(a1))
/* Byte and halfword accesses translate the same way. */
TEST_CASE(9, a0, 0xfffffffe, li a1, VA_BASE; li a2, 0xfffe; sh a2, 20(a1); lh a0, 20(a1))
TEST_CASE(10, a0, 0x000000fe, li a1, VA_BASE + 0x2000; lbu a0, 20(a1))
    SET_CASE(11)
    LEAVE_S
/* In M, physically: the stores reached page1. */
TEST_CASE(12, a0, 0xcafe0001, la a1, page1; lw a0, 16(a1))
TEST_CASE(13, a0, 0x0000fffe, la a1, page1; lw a0, 20(a1))
    csrw CSR_SATP, zero
TEST_END

#include "vm.h"
