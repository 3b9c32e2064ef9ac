/*
 * Kernel console: polled NS16550A output (the SoC has no UART interrupt
 * wiring we rely on) and a small printf. Before paging the UART is reached at
 * its physical address; kvm_init switches to the kernel's device alias.
 */
#include <stdarg.h>
#include <stdint.h>
#include "memmap.h"
#include "kernel.h"

static volatile uint8_t *uart = (volatile uint8_t *)MM_UART_BASE;
#define UART_THR 0
#define UART_LSR 5
#define LSR_THRE 0x20

void console_set_base(uint32_t va) { uart = (volatile uint8_t *)va; }

void console_putc(char c)
{
    if (c == '\n')
        console_putc('\r');
    while (!(uart[UART_LSR] & LSR_THRE))
        ;
    uart[UART_THR] = (uint8_t)c;
}

void console_write(const char *s, uint32_t n)
{
    while (n--)
        console_putc(*s++);
}

static void put_num(uint64_t v, unsigned base, int neg, int width, char pad)
{
    char buf[24];
    int i = 0;
    do {
        uint32_t digit;
        v = udiv64(v, base, &digit);
        buf[i++] = "0123456789abcdef"[digit];
    } while (v);
    if (neg)
        buf[i++] = '-';
    while (i < width--)
        console_putc(pad);
    while (i--)
        console_putc(buf[i]);
}

void kvprintf(const char *fmt, va_list ap)
{
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            console_putc(*fmt);
            continue;
        }
        fmt++;
        char pad = ' ';
        int width = 0, longs = 0;
        if (*fmt == '0')
            pad = '0';
        while (*fmt >= '0' && *fmt <= '9')
            width = width * 10 + (*fmt++ - '0');
        while (*fmt == 'l') {
            longs++;
            fmt++;
        }
        switch (*fmt) {
        case 'd': {
            int64_t v = longs >= 2 ? va_arg(ap, int64_t) : va_arg(ap, int);
            put_num(v < 0 ? -(uint64_t)v : (uint64_t)v, 10, v < 0, width, pad);
            break;
        }
        case 'u':
            put_num(longs >= 2 ? va_arg(ap, uint64_t) : va_arg(ap, unsigned), 10, 0, width, pad);
            break;
        case 'x':
            put_num(longs >= 2 ? va_arg(ap, uint64_t) : va_arg(ap, unsigned), 16, 0, width, pad);
            break;
        case 'p':
            console_putc('0');
            console_putc('x');
            put_num(va_arg(ap, unsigned), 16, 0, 8, '0');
            break;
        case 's': {
            const char *s = va_arg(ap, const char *);
            while (*s)
                console_putc(*s++);
            break;
        }
        case 'c':
            console_putc((char)va_arg(ap, int));
            break;
        case '%':
            console_putc('%');
            break;
        default:
            console_putc('%');
            console_putc(*fmt);
        }
    }
}

void kprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    kvprintf(fmt, ap);
    va_end(ap);
}

void panic(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    kprintf("\nkernel panic: ");
    kvprintf(fmt, ap);
    va_end(ap);
    kprintf("\n");
    machine_finish(0x7e);
}
