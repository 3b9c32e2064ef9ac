/*
 * lr.w faults as a load: misaligned, load-address-misaligned (4) with
 * mtval = the address (never performed in hardware, unlike ordinary
 * misaligned loads on QEMU); unmapped, load access fault (5). The
 * destination register and memory do not change. (AMOs and sc.w fault as
 * stores: amo_store_fault.S.)
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
    addi a1, s0, 1
ARM(1, CAUSE_LOAD_MISALIGNED, a1)
    lr.w a0, (a1)
DONE
TEST_CASE(5, a0, 0x01020304, lw a0, 0(s0))          /* memory untouched */
TEST_CASE(6, a0, 0x05060708, lw a0, 4(s0))
    li a1, 0xf0000000
ARM(7, CAUSE_LOAD_ACCESS, a1)
    lr.w a0, (a1)
DONE
TEST_END

    .data
    .align 4
word: .word 0x01020304, 0x05060708
