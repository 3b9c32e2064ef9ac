/*
 * ebreak raises breakpoint (cause 3) with mepc = mtval = its own address
 * (DESIGN: tval on ebreak is its pc); the handler returns past it and no
 * register changes.
 *
 * QEMU: no - QEMU 7.2 writes 0 as the mtval of ebreak.
 */
#include "test.h"

TEST_BEGIN
    SET_CASE(1)
    la a3, 1f
    TRAP_EXPECT(CAUSE_BREAKPOINT, a3)
1:  ebreak
    TRAP_CHECK

    SET_CASE(2)                 /* a second time, elsewhere */
    li a0, 0x1234
    la a3, 1f
    TRAP_EXPECT(CAUSE_BREAKPOINT, a3)
1:  ebreak
    TRAP_CHECK
    li t6, 0x1234
    CHECK_EQ(a0, t6)
TEST_END
