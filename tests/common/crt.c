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
__attribute__((constructor)) static void av_trap_init(void)
{
    csr_write(CSR_MTVEC, (uint32_t)(uintptr_t)av_trap_entry);
}
