/*
 * The trap-delegation space, for a differential test against QEMU
 * (tests/priv suite.py, t_trap_space): six exceptions (illegal
 * instruction, ebreak, load and store access faults, ecall, instruction
 * access fault) x mode (U, S, M) x medeleg (none, or every bit but
 * ecall-from-S, which the S handler uses to reach M) x mstatus.MIE x
 * mstatus.SIE: 144 cases. A line says who took the trap (M or S), its
 * cause, tval (0 for ebreak: QEMU 7.2 writes 0 there, DESIGN), epc less the
 * faulting instruction's address, and the status bits the trap stacked
 * (mstatus MPP/MPIE/MIE/SPP/SPIE/SIE, or sstatus SPP/SPIE/SIE for S).
 * Not a self-checking test: it always passes; the suite compares outputs.
 */
#include "test.h"
#include "../priv/priv.h"

#define M_STACK (MSTATUS_MPP | MSTATUS_MPIE | MSTATUS_MIE | MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE)
#define S_STACK (MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE)

/* Case number s0: bits 0-2 the exception (the stub), 3-4 mode (0 U, 1 S,
 * 3 M; 2 skipped), 5 medeleg, 6 MIE, 7 SIE. The first trap's record:
 * s4 cause, s6 tval, s7 epc, s8 status, s5 1 when S took it. */

TEST_BEGIN
    PMP_OPEN
    la t0, trap_m
    csrw CSR_MTVEC, t0
    la t0, trap_s
    csrw CSR_STVEC, t0
    csrw CSR_MIE, zero          /* no interrupts: the enables only stack */
    li s0, 0
case_loop:
    srli t0, s0, 5
    andi t0, t0, 1
    neg t0, t0
    li t1, ~(1 << CAUSE_ECALL_S)
    and t0, t0, t1
    csrw CSR_MEDELEG, t0
    li t0, M_STACK | MSTATUS_MPRV
    csrc CSR_MSTATUS, t0
    CASE_MSTATUS(s0, 6, 7, 3)
    andi t0, s0, 7
    slli t0, t0, 3              /* 8 bytes a stub */
    la s9, stubs
    add s9, s9, t0              /* s9: the faulting instruction's address */
    csrw CSR_MEPC, s9
    andi t1, s0, 7
    li t0, 5                    /* but the fetch stub's fault is at 0 */
    bne t1, t0, 1f
    li s9, 0
1:  li s5, 0
    mret

    .align 3
stubs:
    .word 0xffffffff            /* 0 illegal */
    nop
    ebreak                      /* 1 */
    nop
    lw a0, 0(zero)              /* 2 load access fault */
    nop
    sw zero, 0(zero)            /* 3 store access fault */
    nop
    ecall                       /* 4 */
    nop
    jr zero                     /* 5 fetch access fault at 0 */
    nop

/* S took the trap: note it, then ecall to M (never delegated here). */
    .align 2
trap_s:
    csrr s4, CSR_SCAUSE
    csrr s6, CSR_STVAL
    csrr s7, CSR_SEPC
    csrr s8, CSR_SSTATUS
    li t0, S_STACK
    and s8, s8, t0
    li s5, 1
    ecall

    .align 2
trap_m:
    bnez s5, 1f
    csrr s4, CSR_MCAUSE
    csrr s6, CSR_MTVAL
    csrr s7, CSR_MEPC
    csrr s8, CSR_MSTATUS
    li t0, M_STACK
    and s8, s8, t0
1:  li t0, CAUSE_BREAKPOINT
    bne s4, t0, 2f
    li s6, 0
2:  mv a0, s5
    call test_puthex
    mv a0, s4
    call test_putfield
    mv a0, s6
    call test_putfield
    sub a0, s7, s9
    call test_putfield
    mv a0, s8
    call test_putfield
    li a0, '\n'
    call test_putc
    addi s0, s0, 1
    andi t0, s0, 7
    li t1, 6
    bltu t0, t1, 4f
    addi s0, s0, 8 - 6          /* only stubs 0-5 */
4:  SKIP_MODE_2(s0, 3)
    li t0, 1 << 8
    bltu s0, t0, case_loop
    csrw CSR_MEDELEG, zero
    la t0, trap_entry
    csrw CSR_MTVEC, t0
TEST_END
