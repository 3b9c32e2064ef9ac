"""Suite 'priv': self-checking programs for the privileged architecture
beyond machine mode (tests/priv/*.S): S and U modes, trap delegation, the
supervisor CSRs, Sv32 translation and page faults, and the A extension. Each
runs on ctx.target and must exit with status 0 (a failure's status is the
failing case); files marked 'QEMU: no - reason' are skipped on QEMU only.

Also here: the bench-cpu workloads built to run in S mode under Sv32
(build/bench/NAME-sv32.elf), each checking its own result; and the sweep of
the Sv32 PTE space compared with QEMU (t_pte_space)."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'common'))
import elfsuite
import re
from run import Test, Failure

BENCH = ['memcpy', 'crc32', 'sort', 'matmul', 'strsearch', 'interp']


def prepare(ctx):
    elfsuite.prepare(ctx, 'priv')
    ctx.make(*[f'build/bench/{b}-sv32.elf' for b in BENCH])
    if ctx.target in elfsuite.RTL_TARGETS:
        for cap in ('su', 'sv32'):
            elfsuite.probe(ctx, cap)


def bench_test(name):
    def func(ctx):
        elf = os.path.join(ctx.build, 'bench', f'{name}-sv32.elf')
        out = elfsuite.gated_run(ctx, elf, ['su', 'sv32'])
        if not re.search(rf'^bench {name}: cycles \d+ instret [1-9]\d* cpi \d+\.\d+ check ok$', out, re.M):
            raise Failure(f"no 'check ok' result line:\n{out[-2000:]}")
    return Test(f'bench_{name}_sv32', func)


def t_pte_space(ctx):
    """The Sv32 PTE sweep (tests/common/pte_space.S): every case's fault (or
    none) and A/D update must be the same here as on QEMU."""
    elfsuite.same_as_qemu(ctx, 'pte_space', "the PTE after, mcause, mtval")


def collect(ctx):
    extra = [bench_test(b) for b in BENCH]
    return (elfsuite.collect(ctx, 'priv') + extra + [Test('pte_space', t_pte_space)] +
            elfsuite.qemu_twins(ctx, extra))
