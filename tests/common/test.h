/*
 * Macros for the self-checking assembly tests (tests/isa, tests/priv).
 * Include from a .S file; link with tests/common/start.S and link.ld.
 *
 * Conventions (the framework owns these registers):
 *   gp (x3)   the current case number, reported as the exit status on failure
 *   t5, t6    scratch of the macros and of the failure paths; test code must
 *             not keep values in them across a macro
 * Everything else is the test's. Case numbers run from 1 to 254, so the exit
 * status of a failing run (QEMU and our harness both exit with the finisher's
 * code) names the case; 255 means a failure outside any case.
 *
 * A test file is
 *     #include "test.h"
 *     TEST_BEGIN
 *     TEST_CASE(1, a0, 42, li a1, 40; addi a0, a1, 2)
 *     ...
 *     TEST_END
 * with any data in .data after it.
 *
 * Traps: by default any trap fails the test with its mcause/mepc/mtval printed
 * on the UART. To expect one, arm the handler right before the faulting
 * instruction:
 *     SET_CASE(7)
 *     la a1, buf + 1
 *     TRAP_EXPECT(CAUSE_LOAD_MISALIGNED, a1)   // cause, register with the tval
 *     lw a0, 0(a1)                             // must trap: mepc = this insn
 *     TRAP_CHECK                               // fails if no trap was taken
 * The handler compares mcause, mepc (the instruction right after TRAP_EXPECT)
 * and mtval with the expectation, records them (trap_last_*) and resumes at
 * mepc + 4. TRAP_EXPECT_AT names the expected mepc and the resume address
 * explicitly (fetch faults, where mepc + 4 is not code); TRAP_EXPECT_FLAGS
 * can leave mepc or mtval unchecked (interrupts, whose mepc is wherever they
 * arrived; for an interrupt the handler resumes at mepc itself).
 */
#ifndef AV_TEST_H
#define AV_TEST_H

#include "memmap.h"
#include "csr.h"

/* mcause values (privileged spec, table 3.6). */
#define CAUSE_MISALIGNED_FETCH    0
#define CAUSE_FETCH_ACCESS        1
#define CAUSE_ILLEGAL_INSN        2
#define CAUSE_BREAKPOINT          3
#define CAUSE_LOAD_MISALIGNED     4
#define CAUSE_LOAD_ACCESS         5
#define CAUSE_STORE_MISALIGNED    6
#define CAUSE_STORE_ACCESS        7
#define CAUSE_ECALL_U             8
#define CAUSE_ECALL_S             9
#define CAUSE_ECALL_M             11
#define CAUSE_FETCH_PAGE_FAULT    12
#define CAUSE_LOAD_PAGE_FAULT     13
#define CAUSE_STORE_PAGE_FAULT    15
#define CAUSE_INTR                0x80000000
#define CAUSE_SSI                 (CAUSE_INTR | 1)
#define CAUSE_MSI                 (CAUSE_INTR | 3)
#define CAUSE_STI                 (CAUSE_INTR | 5)
#define CAUSE_MTI                 (CAUSE_INTR | 7)
#define CAUSE_SEI                 (CAUSE_INTR | 9)
#define CAUSE_MEI                 (CAUSE_INTR | 11)

/* mstatus fields. */
#define MSTATUS_SIE   (1 << 1)
#define MSTATUS_MIE   (1 << 3)
#define MSTATUS_SPIE  (1 << 5)
#define MSTATUS_UBE   (1 << 6)
#define MSTATUS_MPIE  (1 << 7)
#define MSTATUS_SPP   (1 << 8)
#define MSTATUS_MPP   (3 << 11)
#define MSTATUS_MPP_S (1 << 11)
#define MSTATUS_MPP_M (3 << 11)
#define MSTATUS_FS    (3 << 13)
#define MSTATUS_XS    (3 << 15)
#define MSTATUS_MPRV  (1 << 17)
#define MSTATUS_SUM   (1 << 18)
#define MSTATUS_MXR   (1 << 19)
#define MSTATUS_TVM   (1 << 20)
#define MSTATUS_TW    (1 << 21)
#define MSTATUS_TSR   (1 << 22)
#define MSTATUS_SD    (1 << 31)

/* mie / mip bits. */
#define MIP_SSIP (1 << 1)
#define MIP_MSIP (1 << 3)
#define MIP_STIP (1 << 5)
#define MIP_MTIP (1 << 7)
#define MIP_SEIP (1 << 9)
#define MIP_MEIP (1 << 11)

/* Layout of trap_exp (the armed expectation) in start.S. */
#define TE_ARMED   0
#define TE_CAUSE   4
#define TE_EPC     8
#define TE_TVAL    12
#define TE_RESUME  16   /* 0: resume at mepc + 4 (exceptions) or mepc (interrupts) */
#define TE_FLAGS   20
#define TE_NO_EPC  1    /* TE_FLAGS: do not compare mepc */
#define TE_NO_TVAL 2    /* TE_FLAGS: do not compare mtval */
#define TE_TO_M    4    /* TE_FLAGS: return in machine mode (MPP = M) */

#define TESTNUM gp

#define TEST_BEGIN   .text; .globl test_main; .align 2; test_main:
#define TEST_END     j test_pass
#define SET_CASE(n)  li TESTNUM, n

/* Run code, then require reg == expected (a 32-bit constant). On a mismatch
 * the value is printed with the case number and the test fails. */
#define TEST_CASE(n, reg, expected, ...)                \
    SET_CASE(n);                                        \
    __VA_ARGS__;                                        \
    li t6, expected;                                    \
    beq reg, t6, 88f;                                   \
    mv t5, reg;                                         \
    j test_fail_value;                                  \
88:

/* Fail the current case unconditionally. */
#define TEST_FAIL    j test_fail

/* Compare two registers (after code has run), failing the current case. */
#define CHECK_EQ(reg, expreg)                           \
    beq reg, expreg, 88f;                               \
    mv t5, reg;                                         \
    mv t6, expreg;                                      \
    j test_fail_value;                                  \
88:

/* Arm the trap handler: the next instruction must trap with this cause and
 * this mtval (in a register other than t6). */
#define TRAP_EXPECT(cause, tvalreg)                     \
    TRAP_EXPECT_FLAGS(cause, tvalreg, 0)

#define TRAP_EXPECT_FLAGS(cause, tvalreg, flags)        \
    la t6, trap_exp;                                    \
    sw tvalreg, TE_TVAL(t6);                            \
    li t5, cause;                                       \
    sw t5, TE_CAUSE(t6);                                \
    la t5, 89f;                                         \
    sw t5, TE_EPC(t6);                                  \
    sw zero, TE_RESUME(t6);                             \
    li t5, flags;                                       \
    sw t5, TE_FLAGS(t6);                                \
    li t5, 1;                                           \
    sw t5, TE_ARMED(t6);                                \
89:

/* Arm with an explicit mepc and resume address (registers other than t5, t6;
 * resume 0 keeps the default). */
#define TRAP_EXPECT_AT(cause, tvalreg, epcreg, resumereg) \
    la t6, trap_exp;                                    \
    sw tvalreg, TE_TVAL(t6);                            \
    sw epcreg, TE_EPC(t6);                              \
    sw resumereg, TE_RESUME(t6);                        \
    li t5, cause;                                       \
    sw t5, TE_CAUSE(t6);                                \
    sw zero, TE_FLAGS(t6);                              \
    li t5, 1;                                           \
    sw t5, TE_ARMED(t6)

/* The general form: explicit mepc, resume address and flags (TE_*). Used to
 * leave S or U mode: expect the ecall, resume at an M-mode label with
 * TE_TO_M. Registers other than t5, t6. */
#define TRAP_EXPECT_FULL(cause, tvalreg, epcreg, resumereg, flags) \
    la t6, trap_exp;                                    \
    sw tvalreg, TE_TVAL(t6);                            \
    sw epcreg, TE_EPC(t6);                              \
    sw resumereg, TE_RESUME(t6);                        \
    li t5, cause;                                       \
    sw t5, TE_CAUSE(t6);                                \
    li t5, flags;                                       \
    sw t5, TE_FLAGS(t6);                                \
    li t5, 1;                                           \
    sw t5, TE_ARMED(t6)

/* The armed trap must have happened by now. */
#define TRAP_CHECK                                      \
    la t6, trap_exp;                                    \
    lw t5, TE_ARMED(t6);                                \
    beqz t5, 88f;                                       \
    j test_fail_notrap;                                 \
88:

/* Disarm without requiring a trap (after code that may or may not trap). */
#define TRAP_DISARM                                     \
    la t6, trap_exp;                                    \
    sw zero, TE_ARMED(t6)

/* Print a NUL-terminated string on the UART (clobbers ra, a0-a2, t5, t6). */
#define PRINT(str)                                      \
    .pushsection .rodata.str1.1, "aMS", @progbits, 1;   \
87: .asciz str;                                         \
    .popsection;                                        \
    la a0, 87b;                                         \
    call test_puts

/* Not-for-QEMU marker: the suite reads "QEMU: no (reason)" from a comment at
 * the top of the file; this macro exists so the reason is visible in the
 * source next to the code it concerns. */

#endif
