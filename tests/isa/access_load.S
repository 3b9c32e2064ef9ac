/*
 * A load from an address where nothing is mapped raises load access fault
 * (cause 5) with mtval = the address and mepc = the load; the destination
 * keeps its value. The addresses are unmapped on our SoC and on QEMU virt:
 * 0x0 (below the boot ROM), 0x0201_0000 (just past the CLINT), 0x0800_0000,
 * 0x1000_0800 (past the UART's registers), 0xf000_0000 (far above RAM).
 */
#include "test.h"

#define ACC_LOAD(n, insn, addr)                         \
    SET_CASE(n);                                        \
    li a1, addr;                                        \
    mv a3, a1;                                          \
    li a0, 0x5a5a5a5a;                                  \
    TRAP_EXPECT(CAUSE_LOAD_ACCESS, a3);                 \
    insn a0, 0(a1);                                     \
    TRAP_CHECK;                                         \
    li t6, 0x5a5a5a5a;                                  \
    CHECK_EQ(a0, t6)

TEST_BEGIN
ACC_LOAD(1, lw, 0x00000000)
ACC_LOAD(2, lw, 0x02010000)
ACC_LOAD(3, lw, 0x08000000)
ACC_LOAD(4, lw, 0x10000800)
ACC_LOAD(5, lw, 0xf0000000)
ACC_LOAD(6, lb, 0xf0000003)
ACC_LOAD(7, lhu, 0x02010002)
ACC_LOAD(8, lbu, 0x00000001)
/* Offset applied before the check: tval is rs1 + offset. */
    SET_CASE(9)
    li a1, 0xf0000100
    li a3, 0xf0000000
    TRAP_EXPECT(CAUSE_LOAD_ACCESS, a3)
    lw a0, -256(a1)
    TRAP_CHECK
TEST_END
