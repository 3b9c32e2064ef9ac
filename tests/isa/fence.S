/*
 * fence pred, succ: orders memory accesses; on a single in-order hart it has
 * no visible effect beyond completing: every variant (including fence.tso and
 * the pause hint, fence w,0) executes without trapping and changes no register,
 * and stores before it are seen by loads after it.
 */
#include "test.h"

TEST_BEGIN
TEST_CASE(1, a0, 0x1234, la a1, buf; li a2, 0x1234; sw a2, 0(a1); fence; lw a0, 0(a1))
TEST_CASE(2, a0, 0x5678, la a1, buf; li a2, 0x5678; sw a2, 0(a1); fence w, r; lw a0, 0(a1))
TEST_CASE(3, a0, 0x9abc, la a1, buf; li a2, 0x9abc; sw a2, 0(a1); fence rw, rw; lw a0, 0(a1))
TEST_CASE(4, a0, 0x55,   li a0, 0x55; fence iorw, iorw; fence i, o; fence r, w)
TEST_CASE(5, a0, 0x66,   li a0, 0x66; fence.tso)
TEST_CASE(6, a0, 0x77,   li a0, 0x77; .word 0x0100000f)   /* pause: fence w, 0 */
/* Base implementations ignore fence's rd and rs1 fields (reserved for
 * finer-grained fences): fence rw, rw with rd = x1, rs1 = x2 writes nothing. */
TEST_CASE(7, ra, 0x88,   li ra, 0x88; .word 0x0331008f)
TEST_END

    .data
    .align 2
buf: .word 0
