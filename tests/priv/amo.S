/*
 * The A extension's read-modify-write operations (amoswap, amoadd, amoxor,
 * amoand, amoor, amomin, amomax, amominu, amomaxu .w): rd = the old memory
 * word, memory = old op rs2 (min/max signed or unsigned); rd = x0 still
 * updates memory; rd = rs2 gets the old value while memory gets the old rs2;
 * the aq/rl bits change nothing on one hart.
 *
 * NEEDS: amo
 */
#include "test.h"

/* Store init at mem, run op rd=a0 rs2=a2, check a0 = old, then memory = new. */
#define AMO(n, op, init, src, newval)                   \
    TEST_CASE(n, a0, init, la a1, mem; li a3, init; sw a3, 0(a1); li a2, src; op a0, a2, (a1)) \
    lw a4, 0(a1);                                       \
    li t6, newval;                                      \
    CHECK_EQ(a4, t6)

TEST_BEGIN
AMO(1,  amoswap.w, 0x11111111, 0x22222222, 0x22222222)
AMO(2,  amoadd.w,  0x7fffffff, 0x00000001, 0x80000000)
AMO(3,  amoadd.w,  0xffffffff, 0xffffffff, 0xfffffffe)
AMO(4,  amoxor.w,  0xff00ff00, 0x0ff00ff0, 0xf0f0f0f0)
AMO(5,  amoand.w,  0xff00ff00, 0x0ff00ff0, 0x0f000f00)
AMO(6,  amoor.w,   0xff00ff00, 0x0ff00ff0, 0xfff0fff0)
AMO(7,  amomin.w,  0x00000001, 0xffffffff, 0xffffffff)   /* signed: -1 < 1 */
AMO(8,  amomin.w,  0x80000000, 0x7fffffff, 0x80000000)
AMO(9,  amomax.w,  0x00000001, 0xffffffff, 0x00000001)
AMO(10, amomax.w,  0x80000000, 0x7fffffff, 0x7fffffff)
AMO(11, amominu.w, 0x00000001, 0xffffffff, 0x00000001)   /* unsigned */
AMO(12, amominu.w, 0x80000000, 0x7fffffff, 0x7fffffff)
AMO(13, amomaxu.w, 0x00000001, 0xffffffff, 0xffffffff)
AMO(14, amomaxu.w, 0x80000000, 0x7fffffff, 0x80000000)
AMO(15, amoadd.w.aq,   5, 6, 11)
AMO(16, amoadd.w.rl,   5, 7, 12)
AMO(17, amoadd.w.aqrl, 5, 8, 13)
/* rd = x0: memory still updated. */
TEST_CASE(18, a4, 0x30, la a1, mem; li a3, 0x10; sw a3, 0(a1); li a2, 0x20; amoadd.w x0, a2, (a1); lw a4, 0(a1))
/* rd = rs2: rd = old memory, memory = old rs2. */
TEST_CASE(19, a2, 0x10, la a1, mem; li a3, 0x10; sw a3, 0(a1); li a2, 0x20; amoswap.w a2, a2, (a1))
TEST_CASE(20, a4, 0x20, lw a4, 0(a1))
/* Neighbouring words untouched. */
TEST_CASE(21, a4, 0x5a5a5a5a, la a1, mem; lw a4, 4(a1))
TEST_CASE(22, a4, 0xa5a5a5a5, la a1, mem; lw a4, -4(a1))
TEST_END

    .data
    .align 4
    .word 0xa5a5a5a5
mem: .word 0
    .word 0x5a5a5a5a
