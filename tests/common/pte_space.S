/*
 * The Sv32 PTE space, for a differential test against QEMU (tests/priv
 * suite.py, t_pte_space). Phase 1: every leaf flags byte x RSW x access
 * (fetch, load, store) x mode (S, U) x SUM x MXR x level (a 4 KiB leaf in
 * the level-0 table, or a 4 MiB leaf in the root), 49 152 cases. Phase 2:
 * the level-1 pointer's flags byte x RSW x access x mode over a good leaf,
 * 6 144 cases. No trap is delegated: each case ends in the machine-mode
 * handler, with an ecall when the access went through, and prints the PTE
 * as it is after (the A and D bits the walk set), mcause and mtval. The
 * fast paths are off (fpen is 0 at reset), so every fault is the
 * specification's.
 * Not a self-checking test: it always passes; the suite compares outputs.
 */
#include "test.h"
#include "../priv/priv.h"

#define VA_TEST   0x40000000      /* root[0x100] -> l0; l0[0] -> target */
#define VA_MEGA   0x40400000      /* root[0x101]: a megapage onto RAM's first 4 MiB */
#define VA_STUBS  0x3fc01000      /* root[0xff] -> l0s; l0s[1]: the stubs, U=0 */
#define VA_STUBU  0x3fc02000      /* l0s[2]: the same stubs, U=1 */
#define PPN_PTE(reg) srli reg, reg, 12; slli reg, reg, 10     /* address -> PTE's PPN field */

/* Case number s0: bits 0-7 flags, 8-9 RSW, 10-11 access (0 fetch, 1 load,
 * 2 store; 3 is skipped), 12 U mode, 13 SUM, 14 MXR, 15 megapage;
 * 0x10000 and up: phase 2 (bits 0-12 as above). */

TEST_BEGIN
    PMP_OPEN
    la t0, pte_trap
    csrw CSR_MTVEC, t0
    la s11, root                /* (machine mode, which prints, is not translated) */
    /* root[0xff] -> l0s: the stub page, X R A, once U=0 and once U=1 */
    la t1, l0s
    PPN_PTE(t1)
    ori t1, t1, PTE_V
    sw t1, (0xff * 4)(s11)
    la t1, stubs
    PPN_PTE(t1)
    la t2, l0s
    ori t3, t1, PTE_A | PTE_X | PTE_R | PTE_V
    sw t3, 4(t2)
    ori t3, t1, PTE_A | PTE_U | PTE_X | PTE_R | PTE_V
    sw t3, 8(t2)
    SATP_ON(root)
    li s0, 0

case_loop:
    /* the good pointer root[0x100] -> l0, put back every case */
    la t1, l0
    PPN_PTE(t1)
    ori t1, t1, PTE_V
    sw t1, (0x100 * 4)(s11)
    li t0, 0x10000
    bgeu s0, t0, vary_pointer
    andi s1, s0, 0x3ff          /* flags | RSW << 8 */
    srli t0, s0, 15
    bnez t0, megapage
    la t1, target
    PPN_PTE(t1)
    or s1, s1, t1
    la s2, l0                   /* s2: where the PTE varied lives */
    li s3, VA_TEST              /* s3: the virtual address of target */
    j store_pte
megapage:
    li t1, (0x80000000 >> 12) << 10
    or s1, s1, t1
    addi s2, s11, 0x101 * 4
    la t1, target
    li t2, 0x003fffff
    and t1, t1, t2
    li s3, VA_MEGA
    or s3, s3, t1
    j store_pte
vary_pointer:
    andi s1, s0, 0x3ff
    la t1, l0
    PPN_PTE(t1)
    or s1, s1, t1
    la t1, target               /* the leaf: D A X W R V, U as the mode */
    PPN_PTE(t1)
    ori t1, t1, PTE_D | PTE_A | PTE_X | PTE_W | PTE_R | PTE_V
    srli t2, s0, 12
    andi t2, t2, 1
    slli t2, t2, 4
    or t1, t1, t2
    la t2, l0
    sw t1, 0(t2)
    addi s2, s11, 0x100 * 4
    li s3, VA_TEST
store_pte:
    sw s1, 0(s2)
    la t1, target               /* a fetch that goes through runs this ecall */
    li t2, 0x00000073
    sw t2, 0(t1)
    fence.i
    sfence.vma
    li t0, MSTATUS_MPP | MSTATUS_MPIE | MSTATUS_MPRV | MSTATUS_SUM | MSTATUS_MXR
    csrc CSR_MSTATUS, t0
    FIELD_TO(t0, s0, 13, 1, 18) /* SUM */
    csrs CSR_MSTATUS, t0
    FIELD_TO(t0, s0, 14, 1, 19) /* MXR */
    csrs CSR_MSTATUS, t0
    srli t0, s0, 12
    andi t0, t0, 1
    li t1, VA_STUBU
    bnez t0, 1f
    li t1, MSTATUS_MPP_S
    csrs CSR_MSTATUS, t1
    li t1, VA_STUBS
1:  srli t2, s0, 10
    andi t2, t2, 3
    slli t2, t2, 3              /* 8 bytes a stub */
    add t1, t1, t2
    csrw CSR_MEPC, t1
    mv t0, s3
    mret

/* Every case ends here: print the PTE, mcause and mtval; next case. */
    .align 2
pte_trap:
    csrr s4, CSR_MCAUSE
    csrr s5, CSR_MTVAL
    lw a0, 0(s2)
    call test_puthex
    mv a0, s4
    call test_putfield
    mv a0, s5
    call test_putfield
    li a0, '\n'
    call test_putc
    addi s0, s0, 1
    srli t0, s0, 10
    andi t0, t0, 3
    li t1, 3
    bne t0, t1, 1f
    addi s0, s0, 1 << 10        /* no access 3 */
1:  li t0, 0x10000 + (1 << 13)
    bltu s0, t0, case_loop
    csrw CSR_SATP, zero
    la t0, trap_entry
    csrw CSR_MTVEC, t0
TEST_END

/* The stubs, 8 bytes each, run in S or U at VA_STUBS / VA_STUBU with t0 =
 * the target's virtual address: fetch, load, store. */
    .section .text.stubs, "ax"
    .align 12
stubs:
    jr t0
    nop
    lw a0, 4(t0)
    ecall
    sw zero, 4(t0)
    ecall
    .align 12

    .data
    .align 12
root:   .space 4096
l0:     .space 4096
l0s:    .space 4096
target: .space 4096
