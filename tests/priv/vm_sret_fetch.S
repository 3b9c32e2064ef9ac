/*
 * sret into U at an address on the page the supervisor code runs from
 * (U = 0): the first user fetch is of a supervisor page and must raise an
 * instruction page fault (12, mepc = mtval = the target), whatever S
 * fetched there a moment before. Once through a 4 KiB page, once through a
 * megapage (which a translation cached for S covers as a whole).
 *
 * NEEDS: su sv32
 */
#include "test.h"
#include "priv.h"

#define RX      (PTE_V | PTE_R | PTE_X | PTE_A)
#define VA_MEGA (VA_BASE + 0x400000)     /* the next 4 MiB: a megapage onto RAM's first */

/* From M: expect the fault at the supervisor code's s_tgt as seen from
 * the address in reg (where it runs scode), then run scode there in S. */
#define RUN_S_AT(reg)                                   \
    la t1, scode;                                       \
    la t2, s_tgt;                                       \
    sub a1, t2, t1;                                     \
    add a1, a1, reg;                                    \
    la a2, 78f;                                         \
    TRAP_EXPECT_FULL(CAUSE_FETCH_PAGE_FAULT, a1, a1, a2, TE_TO_M); \
    li t1, MSTATUS_MPP | MSTATUS_MPIE;                  \
    csrc CSR_MSTATUS, t1;                               \
    li t1, MSTATUS_MPP_S;                               \
    csrs CSR_MSTATUS, t1;                               \
    csrw CSR_MEPC, reg;                                 \
    mret;                                               \
78: TRAP_CHECK

TEST_BEGIN
    PMP_OPEN
    csrw CSR_MIE, zero
    MAP_IDENTITY(root, 0)
    MAP_TABLE(root, VA_BASE, l0)
    MAP_PAGE(l0, VA_BASE, scode, RX)
    MAP_MEGA(root, VA_MEGA, 0x80000000, RX)
    SATP_ON(root)
    SET_CASE(1)
    li s1, VA_BASE
    RUN_S_AT(s1)
    SET_CASE(2)
    la t0, scode                /* the image lies in RAM's first 4 MiB */
    li t1, 0x80000000
    sub t0, t0, t1
    li s1, VA_MEGA
    add s1, s1, t0              /* scode as the megapage maps it */
    RUN_S_AT(s1)
    SET_CASE(3)
    csrw CSR_SATP, zero
TEST_END

/* The supervisor code: sret to U at s_tgt, on the same (supervisor) page. */
    .text
    .balign 4096
scode:
    li t0, 0x100                /* sstatus.SPP: back to U */
    csrc CSR_SSTATUS, t0
    lla t1, s_tgt
    csrw CSR_SEPC, t1
    sret
s_tgt:
    nop                         /* never run in U: the fault comes first */
    TEST_FAIL

#include "vm.h"
