/*
 * The whole CSR map, in all three modes: every one of the 4096 CSR numbers
 * is read (csrrs rd, csr, x0) in M, S and U mode, and must trap with an
 * illegal instruction (mtval = the instruction) exactly when the number is
 * not implemented, needs more privilege than the mode has (csr[9:8]), or
 * is a counter that mcounteren (and, for U, scounteren) does not grant.
 * Where the read is allowed, writing the value back (csrrw x0, csr, rd)
 * must trap exactly when the CSR is read-only (csr[11:10] = 3).
 *
 * The table below is the list of implemented numbers, written from the
 * privileged spec's CSR listing and DESIGN's implementation choices (PMP:
 * all 16 pmpcfg and 64 pmpaddr registers exist and read zero; the counters
 * and their events up to 31 exist, as the spec requires; debug triggers
 * tselect-tdata3), not from rtl/core/csr.def. The sweep runs the CSR
 * instruction from a patched word in .data. Our own CSRs (0x5C0-0x5C6,
 * 0x7C0-0x7C2: the fast-path controls and the microcode load port) are
 * read but never written here: writes to them act.
 *
 * QEMU: no - QEMU 7.2 has CSRs this design leaves out (stimecmp, vstimecmp, mseccfg and others).
 * NEEDS: su
 */
#include "test.h"
#include "priv.h"

#define CSRRS_READ  ((2 << 12) | (11 << 7) | 0x73)     /* csrrs a1, csr, x0 */
#define CSRRW_BACK  ((11 << 15) | (1 << 12) | 0x73)    /* csrrw x0, csr, a1 */

/* Registers of the sweep (the handler below keeps clear of them):
 *   s0 CSR number, s1 mode (3, 1, 0), s2 mcounteren, s3 scounteren,
 *   s4 trapped, s5 the instruction, s6 case base, s7 mcause, s8 mtval */

TEST_BEGIN
    PMP_OPEN
    csrw CSR_MIE, zero
    la t0, map_trap
    csrw CSR_MTVEC, t0
    /* mcounteren and scounteren are WARL: expectations use what they hold. */
    li t0, 0xfffffff5           /* not TM: time traps below M */
    csrw CSR_MCOUNTEREN, t0
    csrr s2, CSR_MCOUNTEREN
    li t0, 0x0000000c           /* U: instret and hpmcounter3 only */
    csrw CSR_SCOUNTEREN, t0
    csrr s3, CSR_SCOUNTEREN

    li s1, 3
    li s6, 1
    call sweep
    li s1, 1
    li s6, 11
    ENTER_S(in_s)
in_s:
    call sweep
    ecall                       /* back to M at map_back */
in_s_back:
    li s1, 0
    li s6, 21
    ENTER_U(in_u)
in_u:
    call sweep
    ecall
in_u_back:
    la t0, trap_entry
    csrw CSR_MTVEC, t0
    csrw CSR_MCOUNTEREN, zero
    csrw CSR_SCOUNTEREN, zero
TEST_END

/* One pass over every CSR number in mode s1. */
sweep:
    mv s9, ra
    li s0, 0
1:  mv a0, s0
    call allowed                /* a0 = 1 when the read must succeed */
    mv s10, a0
    slli s5, s0, 20
    li t0, CSRRS_READ
    or s5, s5, t0
    call exec
    mv TESTNUM, s6
    xori t5, s4, 1              /* 1 = the read went through */
    mv t6, s10
    bne t5, t6, fail_csr
    beqz s4, 2f
    /* a refused read: illegal instruction, mtval = the bits */
    addi TESTNUM, s6, 1
    li t6, CAUSE_ILLEGAL_INSN
    mv t5, s7
    bne t5, t6, fail_csr
    mv t5, s8
    mv t6, s5
    bne t5, t6, fail_csr
    j 4f
2:  /* write the value back, but not to our own CSRs */
    li t0, 0x5c0
    bltu s0, t0, 3f
    li t0, 0x5c7
    bltu s0, t0, 4f
    li t0, 0x7c0
    bltu s0, t0, 3f
    li t0, 0x7c3
    bltu s0, t0, 4f
3:  slli s5, s0, 20
    li t0, CSRRW_BACK
    or s5, s5, t0
    call exec
    addi TESTNUM, s6, 2
    srli t6, s0, 10
    addi t6, t6, -3
    seqz t6, t6                 /* read-only: the write must trap */
    mv t5, s4
    bne t5, t6, fail_csr
4:  addi s0, s0, 1
    li t0, 0x1000
    bltu s0, t0, 1b
    mv ra, s9
    ret

/* a0 = CSR number -> a0 = 1 when mode s1 may read it. Clobbers t0-t3. */
allowed:
    la t0, implemented
5:  lhu t1, 0(t0)               /* lo */
    lhu t2, 2(t0)               /* hi; the list ends with lo = 0xffff */
    li t3, 0xffff
    beq t1, t3, 7f
    addi t0, t0, 4
    bltu a0, t1, 5b
    bltu t2, a0, 5b
    /* implemented: privilege level csr[9:8] */
    srli t1, a0, 8
    andi t1, t1, 3
    bltu s1, t1, 7f
    li t1, 3
    beq s1, t1, 6f              /* M reads everything there is */
    /* counters below M: cycle..hpmcounter31 and their high halves */
    srli t1, a0, 5
    li t2, 0xc00 >> 5
    beq t1, t2, 8f
    li t2, 0xc80 >> 5
    bne t1, t2, 6f
8:  andi t1, a0, 31
    srl t2, s2, t1
    andi t2, t2, 1
    beqz t2, 7f
    bnez s1, 6f
    srl t2, s3, t1
    andi t2, t2, 1
    beqz t2, 7f
6:  li a0, 1
    ret
7:  li a0, 0
    ret

/* Run the instruction in s5 from the patch slot: s4 = 1 when it trapped. */
exec:
    la t0, patch
    sw s5, 0(t0)
    fence.i
    li s4, 0
    jr t0

/* The sweep's own machine-mode handler: an illegal instruction is noted
 * and stepped over (back in the mode it came from); an ecall from S or U
 * ends that pass in machine mode. Anything else fails. */
    .align 2
map_trap:
    csrr s7, mcause
    csrr s8, mtval
    li t3, CAUSE_ECALL_S
    beq s7, t3, 1f
    li t3, CAUSE_ECALL_U
    beq s7, t3, 2f
    li t3, CAUSE_ILLEGAL_INSN
    bne s7, t3, 3f
    li s4, 1
    csrr t3, CSR_MEPC
    addi t3, t3, 4
    csrw CSR_MEPC, t3
    mret
1:  la t3, in_s_back
    j 4f
2:  la t3, in_u_back
4:  csrw CSR_MEPC, t3
    li t3, MSTATUS_MPP
    csrs CSR_MSTATUS, t3
    mret
3:  la t0, trap_entry           /* report it as the framework does */
    csrw CSR_MTVEC, t0
    li TESTNUM, 255
    mv t5, s7
    li t6, CAUSE_ILLEGAL_INSN
    j fail_csr

/* Name the CSR number, then report got (t5) / expected (t6) for the case. */
fail_csr:
    mv s10, t5
    mv s11, t6
    la a0, msg_csr
    call test_puts
    mv a0, s0
    call test_puthex
    li a0, ' '
    call test_putc
    mv t5, s10
    mv t6, s11
    j test_fail_value

    .section .rodata
msg_csr: .asciz "csr "
    .align 2
/* Implemented CSR numbers, as [lo, hi] ranges in ascending order. */
implemented:
    .half 0x100, 0x100          /* sstatus */
    .half 0x104, 0x106          /* sie, stvec, scounteren */
    .half 0x10a, 0x10a          /* senvcfg */
    .half 0x140, 0x144          /* sscratch, sepc, scause, stval, sip */
    .half 0x180, 0x180          /* satp */
    .half 0x300, 0x306          /* mstatus, misa, medeleg, mideleg, mie, mtvec, mcounteren */
    .half 0x30a, 0x30a          /* menvcfg */
    .half 0x310, 0x310          /* mstatush */
    .half 0x31a, 0x31a          /* menvcfgh */
    .half 0x320, 0x320          /* mcountinhibit */
    .half 0x323, 0x344          /* mhpmevent3-31, mscratch, mepc, mcause, mtval, mip */
    .half 0x3a0, 0x3ef          /* pmpcfg0-15, pmpaddr0-63 */
    .half 0x5c0, 0x5c6          /* ours: the fast-path controls */
    .half 0x7a0, 0x7a3          /* tselect, tdata1-3 */
    .half 0x7c0, 0x7c2          /* ours: the microcode load port */
    .half 0xb00, 0xb00          /* mcycle (no 0xb01) */
    .half 0xb02, 0xb1f          /* minstret, mhpmcounter3-31 */
    .half 0xb80, 0xb80          /* mcycleh */
    .half 0xb82, 0xb9f          /* minstreth, mhpmcounter3h-31h */
    .half 0xc00, 0xc1f          /* cycle, time, instret, hpmcounter3-31 */
    .half 0xc80, 0xc9f          /* and their high halves */
    .half 0xf11, 0xf15          /* mvendorid, marchid, mimpid, mhartid, mconfigptr */
    .half 0xffff, 0xffff

    .data
    .align 2
patch:
    .word 0
    ret
