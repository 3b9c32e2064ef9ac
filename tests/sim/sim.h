/*
 * Macros for the harness's own test programs (tests/sim/*.S). They end
 * through `tohost` in the riscv-tests way (1 = pass, (n << 1) | 1 = fail n),
 * which is one of the things the suite checks, so they use no test library.
 * Link with tests/sim/link.ld; TOHOST_SECTION defines tohost and fromhost.
 */
#ifndef AV_SIM_TEST_H
#define AV_SIM_TEST_H
#include "memmap.h"

/* tohost := value (clobbers t0, t1), then spin: the harness ends the run. */
#define TOHOST(value)           \
    li t0, value;               \
    la t1, tohost;              \
    sw t0, 0(t1);               \
    sw zero, 4(t1);             \
1:  j 1b

#define PASS    TOHOST(1)
#define FAIL(n) TOHOST(((n) << 1) | 1)

/* Fail with case n unless reg == value (clobbers t0, t1). */
#define EXPECT(n, reg, value)   \
    li t0, value;               \
    beq reg, t0, 2f;            \
    FAIL(n);                    \
2:

#define TOHOST_SECTION          \
    .section .tohost, "aw";     \
    .align 3;                   \
    .globl tohost, fromhost;    \
tohost:   .dword 0;             \
fromhost: .dword 0

/* A trap handler that records mcause in s10 and mtval in s11 and resumes
 * after the trapping instruction (exceptions) or where it was (interrupts,
 * which it then disables in mie: the sources are level-triggered and still
 * pending). Install with INSTALL_TRAPS; s10/s11 are the handler's. */
#define TRAP_HANDLER                \
    .align 2;                       \
trap_handler:                       \
    csrr s10, mcause;               \
    csrr s11, mtval;                \
    bltz s10, 3f;                   \
    csrr t6, mepc;                  \
    addi t6, t6, 4;                 \
    csrw mepc, t6;                  \
    mret;                           \
3:  csrw mie, zero;                 \
    mret

#define INSTALL_TRAPS               \
    la t0, trap_handler;            \
    csrw mtvec, t0;                 \
    li s10, -1;                     \
    li s11, -1

/* The instruction just before must have trapped with cause and tval
 * (registers or constants through t2/t3); resets s10 for the next. */
#define EXPECT_TRAP(n, cause, tvalreg) \
    EXPECT(n, s10, cause);          \
    bne s11, tvalreg, 4f;           \
    li s10, -1;                     \
    j 5f;                           \
4:  FAIL(n);                        \
5:

#endif
