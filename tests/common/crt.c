/*
 * C run-time for bare-metal picolibc programs (demo, benchmarks, C tests):
 * picolibc's own crt0 sets up the stack, data and bss and calls main, then
 * exit(); this file supplies what picolibc leaves to the platform:
 *   - stdin/stdout/stderr on the NS16550A UART at MM_UART_BASE;
 *   - _exit() through the test finisher at MM_FINISHER_BASE: status 0 is
 *     "pass" (0x5555), any other is (status << 16) | 0x3333, so the harness
 *     and QEMU exit with the program's status;
 *   - a machine trap handler, installed before main, that reports an
 *     unexpected trap (mcause, mepc, mtval) and exits with AV_EXIT_TRAP.
 * Built with -DAV_PAGED (crt-sv32.o) it also runs main in supervisor mode
 * under Sv32: program RAM identity-mapped with 4 KiB pages (so the
 * program's code and data pages go through the TLB as a user process's
 * would), the devices with megapages; bench-cpu uses it to measure what
 * translation costs.
 */
#include <stdio.h>
#include <stdlib.h>
#include "av.h"

#define UART_RBR 0
#define UART_THR 0
#define UART_LSR 5
#define LSR_DR   0x01   /* receive data ready */
#define LSR_THRE 0x20   /* transmit holding register empty */

static volatile uint8_t *const uart = (volatile uint8_t *)MM_UART_BASE;

static int uart_putc(char c, FILE *f)
{
    (void)f;
    while (!(uart[UART_LSR] & LSR_THRE))
        ;
    uart[UART_THR] = (uint8_t)c;
    return (unsigned char)c;
}

static int uart_getc(FILE *f)
{
    (void)f;
    while (!(uart[UART_LSR] & LSR_DR))
        ;
    return uart[UART_RBR];
}

static FILE uart_stream = FDEV_SETUP_STREAM(uart_putc, uart_getc, NULL, _FDEV_SETUP_RW);
FILE *const stdin = &uart_stream;
FILE *const stdout = &uart_stream;
FILE *const stderr = &uart_stream;

void _exit(int status)
{
    volatile uint32_t *fin = (volatile uint32_t *)MM_FINISHER_BASE;
    uint32_t code = status == 0 ? MM_FINISHER_PASS
                                : (((uint32_t)status & 0xffff) << 16) | MM_FINISHER_FAIL;
    for (;;)
        *fin = code;
}

/* Called from av_trap_entry with the trap CSRs; never returns. */
void av_trap_report(uint32_t cause, uint32_t epc, uint32_t tval);
void av_trap_report(uint32_t cause, uint32_t epc, uint32_t tval)
{
    /* Straight to the UART: stdio state may be what the trap interrupted. */
    static const char hex[] = "0123456789abcdef";
    const char *msg = "\nunexpected trap: mcause=";
    uint32_t vals[3] = {cause, epc, tval};
    const char *names[3] = {"", " mepc=", " mtval="};
    for (const char *p = msg; *p; p++)
        uart_putc(*p, NULL);
    for (int i = 0; i < 3; i++) {
        for (const char *p = names[i]; *p; p++)
            uart_putc(*p, NULL);
        for (int s = 28; s >= 0; s -= 4)
            uart_putc(hex[(vals[i] >> s) & 15], NULL);
    }
    uart_putc('\n', NULL);
    _exit(AV_EXIT_TRAP);
}

/* Entry: a fresh stack is not needed; the report never returns. */
__asm__(
    "    .text\n"
    "    .align 2\n"
    "    .globl av_trap_entry\n"
    "av_trap_entry:\n"
    "    csrr a0, " AV_STR(CSR_MCAUSE) "\n"
    "    csrr a1, " AV_STR(CSR_MEPC) "\n"
    "    csrr a2, " AV_STR(CSR_MTVAL) "\n"
    "    j av_trap_report\n");

extern char av_trap_entry[];

/* Runs from crt0's __libc_init_array, before main. */
__attribute__((constructor(101))) static void av_trap_init(void)
{
    csr_write(CSR_MTVEC, (uint32_t)(uintptr_t)av_trap_entry);
}

#ifdef AV_PAGED
#define PTE_V 0x01
#define PTE_RWX 0x0e
#define PTE_RW 0x06
#define PTE_AD 0xc0
#define MSTATUS_MPP (3u << 11)
#define MSTATUS_MPP_S (1u << 11)

extern char __stack[];
static uint32_t root[1024] __attribute__((aligned(4096)));
static uint32_t l0[1024] __attribute__((aligned(4096)));

static uint32_t leaf(uint32_t pa, uint32_t flags)
{
    return (pa >> 12) << 10 | flags | PTE_V | PTE_AD;
}

/* After the trap handler, before main: map and drop to S. */
__attribute__((constructor(102))) static void av_paged_init(void)
{
    uint32_t end = (uint32_t)(uintptr_t)__stack;
    /* RAM from its base to the top of the stack, 4 KiB pages (one level-0
     * table covers the 4 MiB the program may use). */
    for (uint32_t pa = MM_RAM_BASE; pa < end && pa < MM_RAM_BASE + (4u << 20); pa += 4096)
        l0[(pa >> 12) & 0x3ff] = leaf(pa, PTE_RWX);
    root[MM_RAM_BASE >> 22] = ((uint32_t)(uintptr_t)l0 >> 12) << 10 | PTE_V;
    /* Devices: the megapages holding the finisher and CLINT, and the UART. */
    root[MM_FINISHER_BASE >> 22] = leaf(MM_FINISHER_BASE & ~0x3fffffu, PTE_RW);
    root[MM_UART_BASE >> 22] = leaf(MM_UART_BASE & ~0x3fffffu, PTE_RW);

    /* QEMU needs a PMP entry for S (ours has none and ignores these). */
    csr_write(CSR_PMPADDR0, 0xffffffffu);
    csr_write(CSR_PMPCFG0, 0x1f);
    csr_write(CSR_MCOUNTEREN, 7);            /* cycle, time, instret from S */
    csr_write(CSR_SATP, 0x80000000u | ((uint32_t)(uintptr_t)root >> 12));
    __asm__ volatile("sfence.vma" ::: "memory");
    csr_clear(CSR_MSTATUS, MSTATUS_MPP);
    csr_set(CSR_MSTATUS, MSTATUS_MPP_S);
    /* mret to the next instruction: same registers, same stack, now in S. */
    __asm__ volatile("la t0, 1f\n"
                     "csrw " AV_STR(CSR_MEPC) ", t0\n"
                     "mret\n"
                     "1:\n" ::: "t0", "memory");
}
#endif
