/*
 * The interrupt space, checked by tests/priv suite.py (t_irq_space) against
 * a model of the privileged spec's rules (irq_expected; QEMU 7.2 gets the
 * priority of SSI wrong, so it is no reference here): every set of pending interrupts among SSI, STI,
 * SEI (written in mip), MSI (the CLINT's msip) and MTI (mtimecmp = 0) x
 * mideleg's SSI/STI/SEI bits x mode (U, S, M) x mstatus.MIE x mstatus.SIE x
 * four mie patterns: 12 288 cases. Each case mrets into the mode, runs a
 * few nops and an ecall; the line says which trap came first (mcause or
 * scause, and whether M or S took it): the interrupt that priority,
 * delegation and the enables pick, or the ecall when none may be taken.
 * Not a self-checking test: it always passes; the suite checks its lines.
 */
#include "test.h"
#include "../priv/priv.h"

#define MSIP_ADDR     (MM_CLINT_BASE + MM_CLINT_MSIP)
#define MTIMECMP_ADDR (MM_CLINT_BASE + MM_CLINT_MTIMECMP)

/* Case number s0: bits 0-4 pending (SSI, STI, SEI, MSI, MTI), 5-7 mideleg
 * (SSI, STI, SEI), 8-9 mode (0 U, 1 S, 3 M; 2 is skipped), 10 mstatus.MIE,
 * 11 mstatus.SIE, 12-13 the mie pattern (mie_patterns). First trap: s4 the
 * cause, s5 1 when S took it. */

TEST_BEGIN
    PMP_OPEN
    la t0, irq_mtrap
    csrw CSR_MTVEC, t0
    la t0, irq_strap
    csrw CSR_STVEC, t0
    li s0, 0
    li s11, MTIMECMP_ADDR
    li s10, MSIP_ADDR

case_loop:
    call quiet
    li t0, MSTATUS_MIE | MSTATUS_SIE | MSTATUS_MPIE | MSTATUS_SPIE | MSTATUS_MPP | MSTATUS_SPP
    csrc CSR_MSTATUS, t0
    /* mideleg */
    srli t0, s0, 5
    andi t1, t0, 1
    slli t2, t1, 1              /* SSI: bit 1 */
    andi t1, t0, 2
    slli t1, t1, 4              /* STI: bit 5 */
    or t2, t2, t1
    andi t1, t0, 4
    slli t1, t1, 7              /* SEI: bit 9 */
    or t2, t2, t1
    csrw CSR_MIDELEG, t2
    /* pending */
    andi t0, s0, 1
    slli t2, t0, 1              /* SSIP */
    andi t0, s0, 2
    slli t0, t0, 4              /* STIP */
    or t2, t2, t0
    andi t0, s0, 4
    slli t0, t0, 7              /* SEIP */
    or t2, t2, t0
    csrs CSR_MIP, t2
    andi t0, s0, 8
    snez t0, t0
    sw t0, 0(s10)               /* MSIP */
    andi t0, s0, 16
    beqz t0, 1f
    sw zero, 0(s11)             /* MTIP: mtimecmp = 0, below mtime */
    sw zero, 4(s11)
1:  nop
    nop
    nop
    nop
    CASE_MSTATUS(s0, 10, 11, 8)
    /* mie, last */
    srli t0, s0, 12
    andi t0, t0, 3
    slli t0, t0, 2
    la t1, mie_patterns
    add t1, t1, t0
    lw t0, 0(t1)
    li s5, 0
    la t1, lower
    csrw CSR_MEPC, t1
    csrw CSR_MIE, t0
    mret

lower:
    nop
    nop
    nop
    nop
    ecall

/* S took the first trap: note it, then ecall to M (which ends the case). */
    .align 2
irq_strap:
    bnez s5, 1f
    csrr s4, CSR_SCAUSE
    li s5, 1
1:  ecall

    .align 2
irq_mtrap:
    bnez s5, 1f
    csrr s4, CSR_MCAUSE
1:  mv a0, s4
    call test_puthex
    mv a0, s5
    call test_putfield
    li a0, '\n'
    call test_putc
    addi s0, s0, 1
    SKIP_MODE_2(s0, 8)
    li t0, 1 << 14
    bltu s0, t0, case_loop
    call quiet
    csrw CSR_MIDELEG, zero
    la t0, trap_entry
    csrw CSR_MTVEC, t0
TEST_END

/* Nothing enabled, nothing pending (mtimecmp all ones, msip 0). */
quiet:
    csrw CSR_MIE, zero
    li t0, MIP_SSIP | MIP_STIP | MIP_SEIP
    csrc CSR_MIP, t0
    sw zero, 0(s10)
    li t0, -1
    sw t0, 4(s11)
    sw t0, 0(s11)
    ret

    .section .rodata
    .align 2
mie_patterns:
    .word MIP_SSIP | MIP_STIP | MIP_SEIP | MIP_MSIP | MIP_MTIP | MIP_MEIP    /* all */
    .word MIP_SSIP | MIP_STIP | MIP_SEIP                                    /* S level */
    .word MIP_MSIP | MIP_MTIP | MIP_MEIP                                    /* M level */
    .word MIP_SSIP | MIP_SEIP | MIP_MTIP                                    /* a mix */
