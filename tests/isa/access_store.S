/*
 * A store to an address where nothing is mapped raises store/AMO access
 * fault (cause 7) with mtval = the address and mepc = the store. The
 * addresses are unmapped on our SoC and on QEMU virt (see access_load.S).
 */
#include "test.h"

#define ACC_STORE(n, insn, addr)                        \
    SET_CASE(n);                                        \
    li a1, addr;                                        \
    mv a3, a1;                                          \
    TRAP_EXPECT(CAUSE_STORE_ACCESS, a3);                \
    insn a2, 0(a1);                                     \
    TRAP_CHECK

TEST_BEGIN
ACC_STORE(1, sw, 0x00000000)
ACC_STORE(2, sw, 0x02010000)
ACC_STORE(3, sw, 0x08000000)
ACC_STORE(4, sw, 0x10000800)
ACC_STORE(5, sw, 0xf0000000)
ACC_STORE(6, sb, 0xf0000001)
ACC_STORE(7, sh, 0x02010002)
    SET_CASE(8)
    li a1, 0xefffff00
    li a3, 0xf0000000
    TRAP_EXPECT(CAUSE_STORE_ACCESS, a3)
    sw a0, 256(a1)
    TRAP_CHECK
TEST_END
