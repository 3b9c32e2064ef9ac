"""Generated sources of truth: the memory map and CSR headers build, agree with
the definition files, and the device tree compiles with dtc."""
import os, re
from run import Test, Failure


def prepare(ctx):
    ctx.make('gen')


def t_dtb(ctx):
    dtb = os.path.join(ctx.build, 'gen', 'soc.dtb')
    rc, out = ctx.run(['dtc', '-q', '-I', 'dtb', '-O', 'dts', dtb])
    if rc != 0:
        raise Failure(out)
    if not re.search(r'memory@80000000\s*{[^}]*reg = <0x80000000 0x1000000>', out):
        raise Failure("memory node missing or wrong size:\n" + out)
    if 'timebase-frequency = <0xf4240>' not in out:
        raise Failure("timebase-frequency is not 1 MHz")


def t_headers(ctx):
    h = open(os.path.join(ctx.build, 'gen', 'csr.h')).read()
    for name, num in (('MSTATUS', '0x300'), ('SATP', '0x180'), ('UCDATAHI', '0x7c2')):
        if not re.search(rf'#define CSR_{name}\s+{num}\b', h):
            raise Failure(f"CSR_{name} is not {num}")
    m = open(os.path.join(ctx.build, 'gen', 'memmap.h')).read()
    if not re.search(r'#define MM_UART_BASE 0x10000000\b', m):
        raise Failure("MM_UART_BASE wrong")


def collect(ctx):
    return [Test('dtb', t_dtb), Test('headers', t_headers)]
