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

/* One conversion, fmt just after its '%': where the format goes on. One
 * path for the numbers: %p is %08x after "0x", %x is %u in base 16, %d is
 * %u of the magnitude with its sign (size: this is cold code). */
static const char *convert(const char *fmt, va_list *ap)
{
    char c = *fmt, pad = c == '0' ? '0' : ' ';
    int width = 0, longs = 0, i = 0;
    for (; c >= '0' && c <= '9'; c = *++fmt)
        width = width * 10 + (c - '0');
    for (; c == 'l'; c = *++fmt)
        longs++;
    if (c == 's') {
        for (const char *s = va_arg(*ap, const char *); *s; s++)
            console_putc(*s);
    } else if (c == 'c') {
        console_putc((char)va_arg(*ap, int));
    } else if (c == 'd' || c == 'u' || c == 'x' || c == 'p') {
        char buf[24];
        unsigned base = c == 'x' || c == 'p' ? 16 : 10;
        if (c == 'p') {
            console_putc('0');
            console_putc('x');
            width = 8;
            pad = '0';
            longs = 0;
        }
        uint64_t v = longs >= 2 ? va_arg(*ap, uint64_t) : va_arg(*ap, unsigned);
        int neg = 0;
        if (c == 'd') {
            if (longs < 2)
                v = (uint64_t)(int64_t)(int32_t)v;
            if ((int64_t)v < 0) {
                neg = 1;
                v = -v;
            }
        }
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
    } else {
        if (c != '%')
            console_putc('%');
        console_putc(c);
    }
    return fmt;
}

void kvprintf(const char *fmt, va_list ap)
{
    va_list aq;                        /* (a parameter's va_list may be an array's pointer) */
    va_copy(aq, ap);
    for (; *fmt; fmt++)
        if (*fmt != '%')
            console_putc(*fmt);
        else
            fmt = convert(fmt + 1, &aq);
    va_end(aq);
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

/* KASSERT's failure (kassert.h) */
void kassert_failed(const char *file, int line)
{
    panic("assert at %s:%d", file, line);
}

/* SYS_CONSOLE_WRITE: len bytes from user buf in m, through a bounce buffer */
int32_t console_user(struct vmmap *m, uint32_t buf, uint32_t len)
{
    char tmp[128];
    if (!vm_range_ok(buf, len))
        return -AV_EFAULT;
    for (uint32_t off = 0; off < len; off += sizeof tmp) {
        uint32_t n = len - off < sizeof tmp ? len - off : sizeof tmp;
        if (copyin(m, tmp, buf + off, n) < 0)
            return -AV_EFAULT;
        console_write(tmp, n);
    }
    return (int32_t)len;
}
