/*
 * A trap from U into S whose stvec lies on a user page (U = 1): the first
 * supervisor fetch, at stvec, is of a user page and must raise an
 * instruction page fault (12; not delegated here, so it reaches M with
 * mepc = mtval = stvec), whatever U fetched there a moment before. Once
 * through a 4 KiB page, once through a megapage (which a translation
 * cached for U covers as a whole). Such a supervisor could never run its
 * handler: this checks that it does not run the handler's first
 * instruction either.
 *
 * NEEDS: su sv32
 */
#include "test.h"
#include "priv.h"

#define RXU     (PTE_V | PTE_R | PTE_X | PTE_A | PTE_U)
#define VA_MEGA (VA_BASE + 0x400000)     /* the next 4 MiB: a megapage onto RAM's first */

/* From M: stvec <- u_vec as seen from the address in reg (where ucode
 * runs), expect the fault there, then run ucode there in U. */
#define RUN_U_AT(reg)                                   \
    la t1, ucode;                                       \
    la t2, u_vec;                                       \
    sub a1, t2, t1;                                     \
    add a1, a1, reg;                                    \
    csrw CSR_STVEC, a1;                                 \
    la a2, 78f;                                         \
    TRAP_EXPECT_FULL(CAUSE_FETCH_PAGE_FAULT, a1, a1, a2, TE_TO_M); \
    li t1, MSTATUS_MPP | MSTATUS_MPIE;                  \
    csrc CSR_MSTATUS, t1;                               \
    csrw CSR_MEPC, reg;                                 \
    mret;                                               \
78: TRAP_CHECK

TEST_BEGIN
    PMP_OPEN
    csrw CSR_MIE, zero
    MAP_IDENTITY(root, 0)
    MAP_TABLE(root, VA_BASE, l0)
    MAP_PAGE(l0, VA_BASE, ucode, RXU)
    MAP_MEGA(root, VA_MEGA, 0x80000000, RXU)
    SATP_ON(root)
    li t0, 1 << CAUSE_ECALL_U   /* U's ecall goes to S; S's fetch fault to M */
    csrw CSR_MEDELEG, t0
    SET_CASE(1)
    li s1, VA_BASE
    RUN_U_AT(s1)
    SET_CASE(2)
    la t0, ucode                /* the image lies in RAM's first 4 MiB */
    li t1, 0x80000000
    sub t0, t0, t1
    li s1, VA_MEGA
    add s1, s1, t0              /* ucode as the megapage maps it */
    RUN_U_AT(s1)
    SET_CASE(3)
    csrw CSR_MEDELEG, zero
    csrw CSR_SATP, zero
TEST_END

/* The user code: an ecall, into S at u_vec on the same (user) page. */
    .text
    .balign 4096
ucode:
    ecall
    TEST_FAIL                   /* never returned to */
u_vec:
    TEST_FAIL                   /* never run in S: the fault comes first */

#include "vm.h"
