"""Suite 'priv': self-checking programs for the privileged architecture
beyond machine mode (tests/priv/*.S): S and U modes, trap delegation, the
supervisor CSRs, Sv32 translation and page faults, and the A extension. Each
runs on ctx.target and must exit with status 0 (a failure's status is the
failing case); files marked 'QEMU: no - reason' are skipped on QEMU only.

Also here: the bench-cpu workloads built to run in S mode under Sv32
(build/bench/NAME-sv32.elf), each checking its own result; and the sweep of
the Sv32 PTE space and of trap delegation compared with QEMU (t_pte_space,
t_trap_space), and of the interrupt space against the spec's rules
(t_irq_space)."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'common'))
import elfsuite
import re
from run import Test, Failure, Skip

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


def t_trap_space(ctx):
    """The trap-delegation sweep (tests/common/trap_space.S): who takes each
    exception, its cause, tval and epc, and the status bits it stacks must
    be the same here as on QEMU."""
    elfsuite.same_as_qemu(ctx, 'trap_space', "1 if S took it, cause, tval, epc less the"
                          " instruction's address, the stacked status bits")


# The interrupt the privileged spec (1.12, 3.1.6.1 and 3.1.9) has a hart take
# first: interrupts for M before those for S; within each, MEI, MSI, MTI, SEI,
# SSI, STI; one for M is taken below M, or in M with mstatus.MIE; one
# delegated to S is taken in U, or in S with mstatus.SIE, never in M. QEMU
# 7.2 is no reference here: it takes SSI before MSI, MTI and SEI.
IRQ_ORDER = (11, 3, 7, 9, 1, 5)
IRQ_MIE = (0xaaa, 0x222, 0x888, 0x282)     # irq_space.S's mie_patterns


def irq_expected(case):
    """(cause, 1 if S takes it) for an irq_space case number (its bits as
    the program lays them out); an ecall's cause when nothing is taken."""
    pend = sum(1 << irq for bit, irq in enumerate((1, 5, 9, 3, 7)) if case >> bit & 1)
    deleg = sum(1 << irq for bit, irq in enumerate((1, 5, 9)) if case >> (5 + bit) & 1)
    mode, mie_on, sie_on = case >> 8 & 3, case >> 10 & 1, case >> 11 & 1
    ready = pend & IRQ_MIE[case >> 12 & 3]
    to_m = [i for i in IRQ_ORDER if ready >> i & 1 and not deleg >> i & 1]
    to_s = [i for i in IRQ_ORDER if ready >> i & 1 and deleg >> i & 1]
    if to_m and (mode < 3 or mie_on):
        return 0x80000000 | to_m[0], 0
    if to_s and (mode == 0 or (mode == 1 and sie_on)):
        return 0x80000000 | to_s[0], 1
    return {0: 8, 1: 9, 3: 11}[mode], 0


def t_irq_space(ctx):
    """The interrupt sweep (tests/common/irq_space.S): in every case the
    first trap must be the one irq_expected names."""
    if ctx.target == 'qemu':
        raise Skip("QEMU 7.2 takes SSI before MSI, MTI and SEI (priv 3.1.9 has the reverse)")
    elf = os.path.join(ctx.build, 'tests', 'common', 'irq_space.elf')
    got = [tuple(int(f, 16) for f in l.split()) for l in elfsuite.run_elf(ctx, elf).splitlines()
           if elfsuite.SWEEP_LINE.fullmatch(l)]
    cases = [c for c in range(1 << 14) if c >> 8 & 3 != 2]
    if len(got) != len(cases):
        raise Failure(f"{len(got)} result lines, wanted {len(cases)}")
    for case, g in zip(cases, got):
        want = irq_expected(case)
        if g != want:
            raise Failure(f"case {case:#06x} (pending {case & 31:05b} as MTI MSI SEI STI SSI,"
                          f" mideleg {case >> 5 & 7:03b} as SEI STI SSI, mode {case >> 8 & 3},"
                          f" MIE {case >> 10 & 1}, SIE {case >> 11 & 1}, mie {IRQ_MIE[case >> 12 & 3]:#x}):"
                          f" took {g[0]:#010x} in {'MS'[g[1]]}, the spec says {want[0]:#010x} in {'MS'[want[1]]}")


def collect(ctx):
    extra = [bench_test(b) for b in BENCH]
    return (elfsuite.collect(ctx, 'priv') + extra +
            [Test('pte_space', t_pte_space), Test('irq_space', t_irq_space),
             Test('trap_space', t_trap_space)] +
            elfsuite.qemu_twins(ctx, extra))
