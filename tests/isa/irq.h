/*
 * Shared by the machine-interrupt tests (include after test.h): a handler
 * that records each interrupt's mcause and mepc in order (up to 8), silences
 * its source (CLINT msip = 0, mtimecmp = max) and returns to the interrupted
 * instruction. Any exception fails the test. Install with IRQ_INSTALL.
 */
#define MSIP_REG     (MM_CLINT_BASE + MM_CLINT_MSIP)
#define MTIMECMP_REG (MM_CLINT_BASE + MM_CLINT_MTIMECMP)
#define MTIME_REG    (MM_CLINT_BASE + MM_CLINT_MTIME)

#define IRQ_INSTALL                                     \
    la a1, irq_handler;                                 \
    csrw CSR_MTVEC, a1;                                 \
    la a1, irq_count;                                   \
    sw zero, 0(a1)

/* Wait until irq_count reaches n, polling at most 100000 times. */
#define IRQ_WAIT(n)                                     \
    la a1, irq_count;                                   \
    li a2, 100000;                                      \
    li a3, n;                                           \
1:  lw a0, 0(a1);                                       \
    bge a0, a3, 2f;                                     \
    addi a2, a2, -1;                                    \
    bnez a2, 1b;                                        \
2:

    .text
    .align 2
irq_handler:
    csrw CSR_MSCRATCH, t0
    la t0, irq_save
    sw t1, 0(t0)
    sw t2, 4(t0)
    csrr t1, CSR_MCAUSE
    bgez t1, irq_exception
    lw t2, 8(t0)                /* irq_count */
    slli t2, t2, 3
    add t2, t2, t0
    sw t1, 12(t2)               /* irq_log[count].cause */
    csrr t1, CSR_MEPC
    sw t1, 16(t2)               /* irq_log[count].epc */
    csrr t1, CSR_MSTATUS
    sw t1, 12 + 64(t0)          /* irq_status: mstatus inside the handler */
    lw t2, 8(t0)
    addi t2, t2, 1
    andi t2, t2, 7
    sw t2, 8(t0)
    csrr t1, CSR_MCAUSE
    slli t1, t1, 1
    srli t1, t1, 1
    li t2, 3
    bne t1, t2, 1f
    li t1, MSIP_REG
    sw zero, 0(t1)
    j 2f
1:  li t2, 7
    bne t1, t2, 2f
    li t1, MTIMECMP_REG
    li t2, -1
    sw t2, 4(t1)
    sw t2, 0(t1)
2:  lw t1, 0(t0)
    lw t2, 4(t0)
    csrr t0, CSR_MSCRATCH
    mret
irq_exception:
    j trap_entry                /* the framework reports it */

    .data
    .align 2
irq_save:   .word 0, 0
    .globl irq_count, irq_log, irq_status
irq_count:  .word 0
irq_log:    .space 64
irq_status: .word 0
    .text
