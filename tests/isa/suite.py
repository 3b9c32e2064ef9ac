"""Suite 'isa': one self-checking program per RV32IM(+Zicsr, Zifencei)
instruction and per machine-mode trap cause and CSR (tests/isa/*.S). Each runs
on ctx.target and must exit with status 0; a failure's status is the failing
case number. Files marked 'QEMU: no - reason' are skipped on QEMU only.

Also here, because they exercise the same machine-mode C run-time
(tests/common/crt.c): the `make run` demo (firmware/demo/hello.c), whose
output is checked line by line, and the bench-cpu workloads
(firmware/bench/*.c), each of which checks its own result; and the sweep of
the encoding space compared with QEMU (t_encodings)."""
import os, re, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'common'))
import elfsuite
from run import Test, Failure, Skip

DEMO = 'build/demo/hello.elf'

# What the demo must print, in order (the values are computed, not printed
# from constants: see hello.c).
DEMO_LINES = [
    r'Hello from Accent-V!',
    r'hart 0, misa 40141101',
    r'fib\(40\) = 102334155',
    r'primes below 1000: 168',
    r'crc32\("The quick brown fox jumps over the lazy dog"\) = 414fa339',
    r'-1000000007 / 37 = -27027027 rem -8',
    r'cycles [1-9]\d*, instructions [1-9]\d*, CPI \d+\.\d{3}',
    r'demo: all results correct',
]


BENCH = ['memcpy', 'crc32', 'sort', 'matmul', 'strsearch', 'interp']


def prepare(ctx):
    elfsuite.prepare(ctx, 'isa')
    ctx.make(DEMO, *[f'build/bench/{b}.elf' for b in BENCH])


def t_demo(ctx, args=()):
    out = elfsuite.run_elf(ctx, os.path.join(ctx.root, DEMO), args=args)
    lines = [l.rstrip('\r') for l in out.splitlines()]
    pos = 0
    for pat in DEMO_LINES:
        while pos < len(lines) and not re.fullmatch(pat, lines[pos]):
            pos += 1
        if pos == len(lines):
            raise Failure(f"demo output lacks a line matching {pat!r} (in order):\n{out[-2000:]}")
        pos += 1


def t_demo_128k(ctx):
    """The demo in the board's 128 KiB (the device tree at its top)."""
    if ctx.target == 'qemu':
        raise Skip("QEMU runs keep its default RAM (DESIGN: its tree needs a few MiB)")
    t_demo(ctx, args=('--ram-size', '128K'))


def bench_test(name):
    def func(ctx):
        out = elfsuite.run_elf(ctx, os.path.join(ctx.build, 'bench', name + '.elf'))
        if not re.search(rf'^bench {name}: cycles \d+ instret [1-9]\d* cpi \d+\.\d+ check ok$', out, re.M):
            raise Failure(f"no 'check ok' result line:\n{out[-2000:]}")
    return Test(f'bench_{name}', func)


def t_encodings(ctx):
    """The encoding sweep (tests/common/encodings.S): which words trap, with
    which mcause and mtval, must be the same here as on QEMU."""
    elfsuite.same_as_qemu(ctx, 'encodings', "bitmap of the words that did not trap, hash of"
                          " the traps' mcause and mtval, opcode, funct3")


def collect(ctx):
    extra = [Test('demo_hello', t_demo)] + [bench_test(b) for b in BENCH]
    return (elfsuite.collect(ctx, 'isa') + extra + [Test('demo_hello_128k', t_demo_128k),
                                                     Test('encodings', t_encodings)] +
            elfsuite.qemu_twins(ctx, extra))
