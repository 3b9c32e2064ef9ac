/*
 * AMOs and sc.w fault as stores: misaligned, store/AMO-address-misaligned
 * (6); unmapped, store/AMO access fault (7); mtval = the address (DESIGN:
 * misaligned LR/SC and AMOs checked before anything else). sc.w does so
 * whether or not it holds a reservation. rd and memory unchanged.
 *
 * QEMU: no - QEMU 7.2 reports AMO faults with the load causes (4, 5), and an sc.w without a reservation fails quietly without checking its address.
 *
 * NEEDS: amo
 */
#include "test.h"

#define ARM(n, cause, addrreg)                          \
    SET_CASE(n);                                        \
    li a0, 0x5a5a5a5a;                                  \
    li a2, 0x66;                                        \
    TRAP_EXPECT(cause, addrreg)
#define DONE                                            \
    TRAP_CHECK;                                         \
    li t6, 0x5a5a5a5a;                                  \
    CHECK_EQ(a0, t6)

TEST_BEGIN
    la s0, word
    addi a1, s0, 2
ARM(1, CAUSE_STORE_MISALIGNED, a1)        /* no reservation */
    sc.w a0, a2, (a1)
DONE
    lr.w a3, (s0)
    addi a1, s0, 1
ARM(2, CAUSE_STORE_MISALIGNED, a1)        /* a reservation on the aligned word */
    sc.w a0, a2, (a1)
DONE
    li a1, 0xf0000000
ARM(3, CAUSE_STORE_ACCESS, a1)
    sc.w a0, a2, (a1)
DONE
    addi a1, s0, 3
ARM(4, CAUSE_STORE_MISALIGNED, a1)
    amoadd.w a0, a2, (a1)
DONE
    addi a1, s0, 2
ARM(5, CAUSE_STORE_MISALIGNED, a1)
    amoswap.w a0, a2, (a1)
DONE
    li a1, 0xf0000000
ARM(8, CAUSE_STORE_ACCESS, a1)
    amoor.w a0, a2, (a1)
DONE
    li a1, 0x02010000
ARM(9, CAUSE_STORE_ACCESS, a1)
    amomaxu.w a0, a2, (a1)
DONE
TEST_CASE(6, a0, 0x01020304, lw a0, 0(s0))
TEST_CASE(7, a0, 0x05060708, lw a0, 4(s0))
TEST_END

    .data
    .align 4
word: .word 0x01020304, 0x05060708
