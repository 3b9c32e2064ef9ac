/*
 * Helpers for the privileged-architecture tests (include after test.h):
 * opening PMP for QEMU, entering S or U mode, returning to M through an
 * expected ecall, Sv32 page-table building, and an S-mode trap handler for
 * the delegation tests.
 *
 * Registers: s10 and s11 are used by LEAVE_TO_M; t0-t2 by the page-table
 * macros (set-up code only).
 */
#ifndef AV_PRIV_H
#define AV_PRIV_H

/* rd <- ((rs >> lsb) & mask) << pos: a field of a sweep's case number put
 * where a CSR wants it. */
#define FIELD_TO(rd, rs, lsb, mask, pos)                \
    srli rd, rs, lsb;                                   \
    andi rd, rd, mask;                                  \
    slli rd, rd, pos

/* For a sweep's mret into a case: mstatus.MPIE (which mret makes MIE), SIE
 * and MPP from the case number's bits (mode: two bits). Uses t0, t1. */
#define CASE_MSTATUS(rs, mie_lsb, sie_lsb, mode_lsb)    \
    FIELD_TO(t0, rs, mie_lsb, 1, 7);                    \
    FIELD_TO(t1, rs, sie_lsb, 1, 1);                    \
    or t0, t0, t1;                                      \
    FIELD_TO(t1, rs, mode_lsb, 3, 11);                  \
    or t0, t0, t1;                                      \
    csrs CSR_MSTATUS, t0

/* Step a case number past mode 2 (no H): its two mode bits at lsb. Uses
 * t0, t1. */
#define SKIP_MODE_2(rs, lsb)                            \
    srli t0, rs, lsb;                                   \
    andi t0, t0, 3;                                     \
    li t1, 2;                                           \
    bne t0, t1, 87f;                                    \
    addi rs, rs, 1 << (lsb);                            \
87:

/* QEMU implements PMP and denies S and U any access without a matching
 * entry: one NAPOT entry over everything, RWX. Our core has no PMP entries
 * and ignores these writes (DESIGN), so this is harmless there. */
#define PMP_OPEN                                        \
    li t0, -1;                                          \
    csrw CSR_PMPADDR0, t0;                              \
    li t0, 0x1f;                                        \
    csrw CSR_PMPCFG0, t0

/* mret into a mode at a label (MPIE cleared: no interrupts on the way). */
#define ENTER_MODE(mpp, label)                          \
    li t0, MSTATUS_MPP | MSTATUS_MPIE;                  \
    csrc CSR_MSTATUS, t0;                               \
    li t0, mpp;                                         \
    csrs CSR_MSTATUS, t0;                               \
    la t0, label;                                       \
    csrw CSR_MEPC, t0;                                  \
    mret
#define ENTER_S(label) ENTER_MODE(MSTATUS_MPP_S, label)
#define ENTER_U(label) ENTER_MODE(0, label)

/* From S (cause 9) or U (cause 8), unpaged: ecall back to machine mode,
 * continuing after the macro. */
#define LEAVE_TO_M(cause)                               \
    la s10, 86f;                                        \
    la s11, 85f;                                        \
    TRAP_EXPECT_FULL(cause, x0, s10, s11, TE_TO_M);     \
86: ecall;                                              \
    TEST_FAIL;                                          \
85:
#define LEAVE_S LEAVE_TO_M(CAUSE_ECALL_S)
#define LEAVE_U LEAVE_TO_M(CAUSE_ECALL_U)

/* The current privilege mode is not readable; this checks it is not M:
 * reading mscratch must raise illegal instruction. */
#define CHECK_NOT_M                                     \
    li a3, 0x34002573;    /* csrr a0, mscratch */       \
    TRAP_EXPECT(CAUSE_ILLEGAL_INSN, a3);                \
    .word 0x34002573;                                   \
    TRAP_CHECK

/* The next instruction (the word bits, with the current case n) must raise
 * an illegal-instruction exception with the instruction as tval. */
#define ILLEGAL_HERE(n, bits)                           \
    SET_CASE(n);                                        \
    li a3, bits;                                        \
    TRAP_EXPECT(CAUSE_ILLEGAL_INSN, a3);                \
    .word bits;                                         \
    TRAP_CHECK

/* Load the fast-path microcode (the kernel's packed image, linked in:
 * tests/tests.mk) through the M-mode load port, as the kernel's shim does:
 * each entry is {lo, flag << 31 | index << 16 | hi}. Uses t0-t4. */
#define LOAD_FASTPATHS                                  \
    la t0, av_ucode_fastpaths;                          \
    la t1, av_ucode_fastpaths_count;                    \
    lw t1, 0(t1);                                       \
81: beqz t1, 82f;                                       \
    lw t2, 4(t0);                                       \
    srli t3, t2, 16;                                    \
    li t4, 0x7fff;                                      \
    and t3, t3, t4;                                     \
    li t4, 0x80000000;                                  \
    and t4, t2, t4;                                     \
    or t3, t3, t4;                                      \
    csrw CSR_UCADDR, t3;                                \
    lw t3, 0(t0);                                       \
    csrw CSR_UCDATALO, t3;                              \
    slli t2, t2, 16;                                    \
    srli t2, t2, 16;                                    \
    csrw CSR_UCDATAHI, t2;                              \
    addi t0, t0, 8;                                     \
    addi t1, t1, -1;                                    \
    j 81b;                                              \
82:

/* The routine count_addr: a0 <- the address of the count of the frame at
 * a0 in the frame table at the label tab (base PPN 0x80000: RAM's first
 * frame, as the fast-path tests lay it out). Uses t0. */
#define COUNT_ADDR_FN(tab)                              \
count_addr:                                             \
    srli a0, a0, 12;                                    \
    li t0, 0x80000;                                     \
    sub a0, a0, t0;                                     \
    slli a0, a0, 2;                                     \
    la t0, tab;                                         \
    add a0, a0, t0;                                     \
    addi a0, a0, 8;                                     \
    ret

/* ---- Sv32 ---------------------------------------------------------------- */
#define PTE_V 0x01
#define PTE_R 0x02
#define PTE_W 0x04
#define PTE_X 0x08
#define PTE_U 0x10
#define PTE_G 0x20
#define PTE_A 0x40
#define PTE_D 0x80
#define SATP_SV32 0x80000000
/* Where the VM tests put their test mappings: VPN[1] = 0x3c0; nothing is
 * there physically on either machine (access_load.S). */
#define VA_BASE 0xf0000000

/* root[VPN[1] of va] = a megapage leaf for the constant physical pa. */
#define MAP_MEGA(root, va, pa, flags)                   \
    li t0, ((((pa) >> 12) << 10) | (flags));            \
    la t1, root;                                        \
    li t2, (((va) >> 22) * 4);                          \
    add t1, t1, t2;                                     \
    sw t0, 0(t1)

/* root[VPN[1] of va] = a pointer to the level-0 table l0 (with more PTE
 * bits: MAP_TABLE_BITS). */
#define MAP_TABLE_BITS(root, va, l0, bits)              \
    la t0, l0;                                          \
    srli t0, t0, 12;                                    \
    slli t0, t0, 10;                                    \
    ori t0, t0, PTE_V | (bits);                         \
    la t1, root;                                        \
    li t2, (((va) >> 22) * 4);                          \
    add t1, t1, t2;                                     \
    sw t0, 0(t1)
#define MAP_TABLE(root, va, l0) MAP_TABLE_BITS(root, va, l0, 0)

/* A code page (4 KiB aligned, in .text) at label: a0 <- value, return. */
#define CODE_PAGE(label, value)                         \
    .text;                                              \
    .align 12;                                          \
label:                                                  \
    li a0, value;                                       \
    ret;                                                \
    .align 12

/* l0[VPN[0] of va] = a 4 KiB leaf for the page at label. */
#define MAP_PAGE(l0, va, label, flags)                  \
    la t0, label;                                       \
    srli t0, t0, 12;                                    \
    slli t0, t0, 10;                                    \
    ori t0, t0, (flags);                                \
    la t1, l0;                                          \
    li t2, ((((va) >> 12) & 0x3ff) * 4);                \
    add t1, t1, t2;                                     \
    sw t0, 0(t1)

/* The PTE's address into reg (to read or change it). */
#define PTE_ADDR(reg, l0, va)                           \
    la reg, l0;                                         \
    addi reg, reg, ((((va) >> 12) & 0x3ff) * 4)

#define SATP_ON(root)                                   \
    la t0, root;                                        \
    srli t0, t0, 12;                                    \
    li t1, SATP_SV32;                                   \
    or t0, t0, t1;                                      \
    csrw CSR_SATP, t0;                                  \
    sfence.vma

/* The usual identity map for code and devices: RAM, the finisher's and the
 * CLINT's megapage 0, the UART's megapage, all with A and D set so no test
 * depends on hardware A/D updates unless it wants to. */
#define MAP_IDENTITY(root, uflag)                       \
    MAP_MEGA(root, 0x80000000, 0x80000000, PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D | (uflag)); \
    MAP_MEGA(root, 0x00000000, 0x00000000, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D | (uflag)); \
    MAP_MEGA(root, 0x10000000, 0x10000000, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D | (uflag))

/* ---- an S-mode trap handler for delegated traps ----------------------------
 * Records scause, sepc, stval and sstatus in s_last (4 words), counts in
 * s_count; returns past an exception (to ra for an instruction page fault,
 * whose sepc + 4 would fault again: jump with jalr ra), or to the
 * interrupted instruction after clearing sip.SSIP for a software
 * interrupt. Install with
 * csrw stvec, strap_entry (from M or S). */
#define S_HANDLER                                       \
    .text;                                              \
    .align 6;                                           \
strap_entry:                                            \
    csrw CSR_SSCRATCH, t0;                              \
    la t0, s_save;                                      \
    sw t1, 0(t0);                                       \
    la t1, s_last;                                      \
    csrr t0, CSR_SCAUSE;                                \
    sw t0, 0(t1);                                       \
    csrr t0, CSR_SEPC;                                  \
    sw t0, 4(t1);                                       \
    csrr t0, CSR_STVAL;                                 \
    sw t0, 8(t1);                                       \
    csrr t0, CSR_SSTATUS;                               \
    sw t0, 12(t1);                                      \
    lw t0, 16(t1);                                      \
    addi t0, t0, 1;                                     \
    sw t0, 16(t1);                                      \
    csrr t0, CSR_SCAUSE;                                \
    bltz t0, 1f;                                        \
    addi t0, t0, -CAUSE_FETCH_PAGE_FAULT;               \
    beqz t0, 3f;                                        \
    csrr t0, CSR_SEPC;                                  \
    addi t0, t0, 4;                                     \
    csrw CSR_SEPC, t0;                                  \
    j 2f;                                               \
3:  csrw CSR_SEPC, ra;      /* fetch fault: back to the caller */ \
    j 2f;                                               \
1:  csrci CSR_SIP, MIP_SSIP;                            \
2:  la t0, s_save;                                      \
    lw t1, 0(t0);                                       \
    csrr t0, CSR_SSCRATCH;                              \
    sret;                                               \
    .data;                                              \
    .align 2;                                           \
s_save: .word 0;                                        \
s_last: .word 0, 0, 0, 0;                               \
s_count: .word 0;                                       \
    .text

#endif
