/*
 * sfence.vma orders earlier PTE stores before every implicit reference
 * after it, the next instruction's fetch included: code on a page stores
 * a new PTE for that same page, then sfence.vma, and the next instruction
 * is fetched through the new PTE (code6, which begins like code5 and
 * differs after the sfence).
 *
 * QEMU: no - QEMU 7.2 finishes the translation block after sfence.vma from the old mapping
 *
 * NEEDS: su sv32
 */
#include "test.h"
#include "priv.h"

#define RX (PTE_V | PTE_R | PTE_X | PTE_A)

TEST_BEGIN
    PMP_OPEN
    csrw CSR_MIE, zero
    MAP_IDENTITY(root, 0)
    MAP_TABLE(root, VA_BASE, l0)
    MAP_PAGE(l0, VA_BASE, code5, RX)
    SATP_ON(root)
    ENTER_S(in_s)
in_s:
    SET_CASE(1)
    PTE_ADDR(s7, l0, VA_BASE)
    la s6, code6
    srli s6, s6, 2
    ori s6, s6, RX              /* the PTE onto code6 */
    la s4, 1f
    li a0, 0
    li t0, VA_BASE
    jr t0
1:  li t6, 6
    CHECK_EQ(a0, t6)
    SET_CASE(2)
    LEAVE_S
    csrw CSR_SATP, zero
TEST_END

    .text
    .balign 4096
code5:
    sw s6, 0(s7)                /* VA_BASE -> code6 */
    sfence.vma
    li a0, 5
    jr s4
    .balign 4096
code6:
    sw s6, 0(s7)
    sfence.vma
    li a0, 6
    jr s4

#include "vm.h"
