/*
 * Start-up and run-time of the self-checking assembly tests (see test.h).
 *
 * _start: clears the registers, keeps the boot arguments (a0 = hart id,
 * a1 = device tree) in boot_hartid / boot_dtb, points sp at the top of the
 * program's RAM and mtvec at trap_entry, and jumps to the test's test_main.
 * Ends through the test finisher (MM_FINISHER_BASE): 0x5555 on pass,
 * (case << 16) | 0x3333 on failure, so the exit status is the failing case.
 * tohost is written as well, in case a harness watches it instead.
 *
 * trap_entry: checks a trap against the expectation armed by TRAP_EXPECT,
 * records mcause/mepc/mtval/mstatus in trap_last_*, and resumes (in the
 * mode the trap came from, or in M with TE_TO_M); any trap
 * that was not expected, or differs from the expectation, prints what it saw
 * and fails the current case.
 */
#include "test.h"

    .section .text.init.enter, "ax"
    .globl _start
_start:
    /* Keep the boot arguments: the tests of the boot contract look at them. */
    la t0, boot_hartid
    sw a0, 0(t0)
    sw a1, 4(t0)
    li x1, 0
    li x3, 0
    li x4, 0
    li x5, 0
    li x6, 0
    li x7, 0
    li x8, 0
    li x9, 0
    li x10, 0
    li x11, 0
    li x12, 0
    li x13, 0
    li x14, 0
    li x15, 0
    li x16, 0
    li x17, 0
    li x18, 0
    li x19, 0
    li x20, 0
    li x21, 0
    li x22, 0
    li x23, 0
    li x24, 0
    li x25, 0
    li x26, 0
    li x27, 0
    li x28, 0
    li x29, 0
    li x30, 0
    li x31, 0
    la sp, __stack
    la t0, trap_entry
    csrw CSR_MTVEC, t0
    j test_main

    .text
/* ---- ending --------------------------------------------------------------- */
    .globl test_pass
test_pass:
    li t0, MM_FINISHER_PASS
    li t1, MM_FINISHER_BASE
    sw t0, 0(t1)
    li t0, 1
    la t1, tohost
    sw t0, 0(t1)
1:  j 1b

/* Fail with the case number in gp (0 or >= 256 become 255, never a pass). */
    .globl test_fail
test_fail:
    li t0, 256
    bltu gp, t0, 1f
    li gp, 255
1:  bnez gp, 2f
    li gp, 255
2:  la a0, msg_fail
    call test_puts
    mv a0, gp
    call test_putdec
    li a0, '\n'
    call test_putc
    slli t0, gp, 16
    li t1, MM_FINISHER_FAIL
    or t0, t0, t1
    li t1, MM_FINISHER_BASE
    sw t0, 0(t1)
    slli t0, gp, 1
    ori t0, t0, 1
    la t1, tohost
    sw t0, 0(t1)
3:  j 3b

/* TEST_CASE / CHECK_EQ mismatch: t5 = value seen, t6 = value expected. */
    .globl test_fail_value
test_fail_value:
    mv s10, t5
    mv s11, t6
    la a0, msg_got
    call test_puts
    mv a0, s10
    call test_puthex
    la a0, msg_want
    call test_puts
    mv a0, s11
    call test_puthex
    li a0, '\n'
    call test_putc
    j test_fail

    .globl test_fail_notrap
test_fail_notrap:
    la t6, trap_exp
    sw zero, TE_ARMED(t6)
    la a0, msg_notrap
    call test_puts
    j test_fail

/* ---- trap handler --------------------------------------------------------- */
    .align 6
    .globl trap_entry
trap_entry:
    csrw CSR_MSCRATCH, t0
    la t0, trap_save
    sw t1, 0(t0)
    sw t2, 4(t0)
    sw t3, 8(t0)
    sw t4, 12(t0)
    /* Record what happened, whatever it was. */
    la t1, trap_last_cause
    csrr t2, CSR_MCAUSE
    sw t2, 0(t1)
    csrr t2, CSR_MEPC
    sw t2, 4(t1)
    csrr t2, CSR_MTVAL
    sw t2, 8(t1)
    csrr t2, CSR_MSTATUS
    sw t2, 12(t1)
    la t1, trap_exp
    lw t2, TE_ARMED(t1)
    beqz t2, trap_unexpected
    csrr t2, CSR_MCAUSE
    lw t3, TE_CAUSE(t1)
    bne t2, t3, trap_mismatch
    lw t4, TE_FLAGS(t1)
    andi t2, t4, TE_NO_EPC
    bnez t2, 1f
    csrr t2, CSR_MEPC
    lw t3, TE_EPC(t1)
    bne t2, t3, trap_mismatch
1:  andi t2, t4, TE_NO_TVAL
    bnez t2, 2f
    csrr t2, CSR_MTVAL
    lw t3, TE_TVAL(t1)
    bne t2, t3, trap_mismatch
2:  sw zero, TE_ARMED(t1)
    lw t3, TE_RESUME(t1)
    bnez t3, 4f
    csrr t3, CSR_MEPC
    csrr t2, CSR_MCAUSE
    bltz t2, 4f                 /* interrupt: resume where it arrived */
    addi t3, t3, 4
4:  csrw CSR_MEPC, t3
    andi t2, t4, TE_TO_M
    beqz t2, 5f
    li t2, MSTATUS_MPP
    csrs CSR_MSTATUS, t2
5:  lw t1, 0(t0)
    lw t2, 4(t0)
    lw t3, 8(t0)
    lw t4, 12(t0)
    csrr t0, CSR_MSCRATCH
    mret

trap_unexpected:
    la a0, msg_unexpected
    call test_puts
    call print_trap
    j test_fail

trap_mismatch:
    la a0, msg_mismatch
    call test_puts
    call print_trap
    la a0, msg_expected
    call test_puts
    la s0, trap_exp
    lw a0, TE_CAUSE(s0)
    call test_puthex
    la a0, msg_mepc
    call test_puts
    lw a0, TE_EPC(s0)
    call test_puthex
    la a0, msg_mtval
    call test_puts
    lw a0, TE_TVAL(s0)
    call test_puthex
    li a0, '\n'
    call test_putc
    sw zero, TE_ARMED(s0)
    j test_fail

/* Print " mcause=... mepc=... mtval=...\n" from the recorded values. */
print_trap:
    mv s9, ra
    la s0, trap_last_cause
    la a0, msg_mcause
    call test_puts
    lw a0, 0(s0)
    call test_puthex
    la a0, msg_mepc
    call test_puts
    lw a0, 4(s0)
    call test_puthex
    la a0, msg_mtval
    call test_puts
    lw a0, 8(s0)
    call test_puthex
    li a0, '\n'
    call test_putc
    mv ra, s9
    ret

/* ---- UART output (NS16550A: THR at +0, LSR at +5, THRE = bit 5) ----------- */
    .globl test_putc
test_putc:
    li t5, MM_UART_BASE
1:  lbu t6, 5(t5)
    andi t6, t6, 0x20
    beqz t6, 1b
    sb a0, 0(t5)
    ret

    .globl test_puts
test_puts:                      /* a0 = string; clobbers a0, a1, a2, t5, t6 */
    mv a1, a0
    mv a2, ra
1:  lbu a0, 0(a1)
    beqz a0, 2f
    call test_putc
    addi a1, a1, 1
    j 1b
2:  mv ra, a2
    ret

    .globl test_puthex
test_puthex:                    /* a0 = value, 8 hex digits; clobbers a0-a4 */
    mv a1, a0
    mv a2, ra
    li a3, 28
1:  srl a0, a1, a3
    andi a0, a0, 15
    li a4, 10
    blt a0, a4, 2f
    addi a0, a0, 'a' - '0' - 10
2:  addi a0, a0, '0'
    call test_putc
    addi a3, a3, -4
    bgez a3, 1b
    mv ra, a2
    ret

    .globl test_putfield
test_putfield:                  /* ' ', then a0 in 8 hex digits; clobbers a0-a6 */
    mv a5, a0
    mv a6, ra
    li a0, ' '
    call test_putc
    mv a0, a5
    call test_puthex
    jr a6

    .globl test_putdec
test_putdec:                    /* a0 = value < 1000; clobbers a0-a4 */
    mv a1, a0
    mv a2, ra
    li a3, 100
    li a4, 10
    divu a0, a1, a3
    beqz a0, 1f
    addi a0, a0, '0'
    call test_putc
1:  divu a0, a1, a4
    beqz a0, 2f
    remu a0, a0, a4
    addi a0, a0, '0'
    call test_putc
2:  remu a0, a1, a4
    addi a0, a0, '0'
    call test_putc
    mv ra, a2
    ret

    .section .rodata.str1.1, "aMS", @progbits, 1
msg_fail:       .asciz "FAIL: case "
msg_got:        .asciz "got "
msg_want:       .asciz " expected "
msg_notrap:     .asciz "expected trap was not taken\n"
msg_unexpected: .asciz "unexpected trap:"
msg_mismatch:   .asciz "trap differs:"
msg_expected:   .asciz " expected mcause="
msg_mcause:     .asciz " mcause="
msg_mepc:       .asciz " mepc="
msg_mtval:      .asciz " mtval="

    .section .tohost, "aw", @progbits
    .align 6
    .globl tohost
tohost:   .word 0, 0
    .align 6
    .globl fromhost
fromhost: .word 0, 0

    .data
    .align 2
    .globl boot_hartid, boot_dtb
boot_hartid: .word 0
boot_dtb:    .word 0
    .globl trap_exp
trap_exp:    .word 0, 0, 0, 0, 0, 0
trap_save:   .word 0, 0, 0, 0
    .globl trap_last_cause, trap_last_epc, trap_last_tval, trap_last_status
trap_last_cause:  .word 0
trap_last_epc:    .word 0
trap_last_tval:   .word 0
trap_last_status: .word 0
