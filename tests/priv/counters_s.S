/*
 * Counter access below M: mcounteren gates cycle (bit 0), time (1) and
 * instret (2) for S and U; scounteren gates them further for U. A cleared
 * bit makes the read an illegal instruction in that mode; the h halves
 * follow the same bits.
 *
 * NEEDS: su
 */
#include "test.h"
#include "priv.h"

#define RD_CYCLE    0xc0002573      /* csrr a0, cycle */
#define RD_TIME     0xc0102573
#define RD_INSTRET  0xc0202573
#define RD_CYCLEH   0xc8002573
#define RD_INSTRETH 0xc8202573

TEST_BEGIN
    PMP_OPEN
    csrw CSR_MIE, zero
    csrw CSR_MCOUNTEREN, zero
    csrw CSR_SCOUNTEREN, zero
    ENTER_S(s1)
s1:
ILLEGAL_HERE(1, RD_CYCLE)
ILLEGAL_HERE(2, RD_TIME)
ILLEGAL_HERE(3, RD_INSTRET)
ILLEGAL_HERE(4, RD_CYCLEH)
    SET_CASE(5)
    LEAVE_S
/* Only CY and IR enabled for S. */
    li a1, 5
    csrw CSR_MCOUNTEREN, a1
    ENTER_S(s2)
s2:
    SET_CASE(6)
    csrr a0, CSR_CYCLE
    csrr a0, CSR_CYCLEH
    csrr a0, CSR_INSTRET
    csrr a0, CSR_INSTRETH
ILLEGAL_HERE(7, RD_TIME)
    SET_CASE(8)
    /* S grants U only instret. */
    li a1, 4
    csrw CSR_SCOUNTEREN, a1
    LEAVE_S
    ENTER_U(u1)
u1:
    SET_CASE(9)
    csrr a0, CSR_INSTRET
ILLEGAL_HERE(10, RD_CYCLE)
ILLEGAL_HERE(11, RD_TIME)
ILLEGAL_HERE(12, RD_CYCLEH)
    SET_CASE(13)
    LEAVE_U
    csrw CSR_MCOUNTEREN, zero
    csrw CSR_SCOUNTEREN, zero
TEST_END
