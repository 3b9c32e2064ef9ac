/*
 * The boot contract and mhartid: the program is entered in machine mode
 * with a0 = the hart id, which equals mhartid (0: one hart), and a1 = the
 * address of a flattened device tree in RAM, which starts with the FDT
 * magic 0xd00dfeed (big-endian) and whose totalsize field is sane.
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0, csrr a0, CSR_MHARTID)
TEST_CASE(2, a0, 0, la a1, boot_hartid; lw a0, 0(a1))
TEST_CASE(3, a0, 0xedfe0dd0, la a1, boot_dtb; lw a1, 0(a1); lw a0, 0(a1))    /* magic, byte-swapped */
/* The tree is in RAM (0x8000_0000 and above) and word aligned. */
TEST_CASE(4, a0, 1, la a1, boot_dtb; lw a1, 0(a1); srli a0, a1, 31)
TEST_CASE(5, a0, 0, la a1, boot_dtb; lw a1, 0(a1); andi a0, a1, 3)
/* It lies above this program: past __stack. */
TEST_CASE(6, a0, 1, la a1, boot_dtb; lw a1, 0(a1); la a2, __stack; sltu a0, a1, a2; xori a0, a0, 1)
TEST_END
