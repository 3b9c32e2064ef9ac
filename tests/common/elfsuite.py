"""Shared logic of the suites made of self-checking bare-metal programs
(tests/isa, tests/priv): one test per source file, built by tests/tests.mk into
build/tests/<suite>/<name>.elf and run on ctx.target; exit status 0 passes,
any other status is the number of the failing case (see tests/common/test.h).

A source file that does not suit a target says so in its header comment:
    QEMU: no - <reason>
and the test is skipped with that reason on that target only (QEMU differs
from our design in the ways DESIGN.md lists; the RTL and ISS run everything).

Tests join co-simulation as the RTL gains what they need (DESIGN: Tests). A
file says what it needs beyond machine-mode RV32IM:
    NEEDS: su sv32 amo
and on the rtl/cosim targets the suite first runs a small probe for each
(tests/common/probe_<cap>.S) on the core. While a probe fails, the test runs
on the ISS instead: it fails if it fails there, and otherwise is reported
as skipped, naming the missing capability and what the probe saw.

`make test` runs the default target (cosim); DESIGN wants the tests that suit
QEMU run on QEMU there too, so with --target cosim each test also appears as
qemu/<name>, run on QEMU (set AV_NO_QEMU=1 to leave those out; --target qemu
runs QEMU alone, as `make test-qemu` does).
"""
import glob, os, re
from run import Test, Failure, Skip, SuiteError

# Targets whose simulator binary this suite builds before running.
SIM_BINARIES = {
    'cosim': 'build/sim/accentv-sim',
    'rtl': 'build/sim/accentv-sim',
    'iss': 'build/iss/accentv-iss',
}
TIMEOUT = {'qemu': 30, 'iss': 60, 'rtl': 300, 'cosim': 300}
NOT_FOR = re.compile(r'^\s*(?:\*|#|//)?\s*(QEMU|ISS|RTL|COSIM):\s*no\b\W*(.*)$', re.M | re.I)
NEEDS = re.compile(r'^\s*(?:\*|#|//)?\s*NEEDS:\s*(.+)$', re.M)
RTL_TARGETS = ('cosim', 'rtl')
_caps = {}      # (target, capability) -> (present, what the probe printed last)


def sources(ctx, suite):
    return sorted(glob.glob(os.path.join(ctx.root, 'tests', suite, '*.S')))


def elf_path(ctx, suite, src):
    name = os.path.splitext(os.path.basename(src))[0]
    return os.path.join(ctx.build, 'tests', suite, name + '.elf')


def refusals(src):
    """{target: reason} from the file's 'TARGET: no - reason' lines."""
    head = open(src, errors='replace').read(4000)
    out = {}
    for m in NOT_FOR.finditer(head):
        out[m.group(1).lower()] = m.group(2).strip() or 'not for this target'
    return out


def needs(src):
    head = open(src, errors='replace').read(4000)
    return sorted({c for m in NEEDS.finditer(head) for c in m.group(1).split()})


def probe(ctx, cap):
    """Run the capability probe on ctx.target once; (present, reason)."""
    key = (ctx.target, cap)
    if key not in _caps:
        elf = os.path.join(ctx.build, 'tests', 'common', f'probe_{cap}.elf')
        if not os.path.exists(elf):
            raise SuiteError(f"no probe for capability '{cap}' ({elf})")
        rc, out = ctx.run(ctx.elf_cmd(elf), timeout=TIMEOUT.get(ctx.target, 300))
        lines = [' '.join(l.split()) for l in out.strip().splitlines() if l.strip()]
        why = f'exit status {rc}'
        for mark in ('trap cause=', 'unexpected trap', 'FAIL', 'diverged'):
            hits = [l for l in lines if mark in l]
            if hits:
                why = hits[-1]      # the last retire record with a trap: the culprit
                break
        _caps[key] = (rc == 0, why)
    return _caps[key]


def prepare(ctx, suite):
    ctx.make(f'{suite}-tests')
    binary = SIM_BINARIES.get(ctx.target)
    if binary:
        ctx.make(binary)
    if ctx.target in RTL_TARGETS:
        wanted = {c for src in sources(ctx, suite) for c in needs(src)}
        if wanted:
            ctx.make(SIM_BINARIES['iss'])       # where waiting tests run meanwhile
        for cap in sorted(wanted):
            probe(ctx, cap)


def run_elf(ctx, elf, args=(), expect_status=0):
    """Run one ELF on ctx.target; return its output, or raise Failure. The
    summary names the failing case from the program's own "FAIL: case N"
    line, since the harness's statuses 2-5 (bad input, cycle limit, hang,
    co-simulation divergence) overlap small case numbers."""
    rc, out = ctx.run(ctx.elf_cmd(elf, args=args), timeout=TIMEOUT.get(ctx.target, 300))
    if rc != expect_status:
        m = re.search(r'^FAIL: case (\d+)', out, re.M)
        if m:
            what = f"case {m.group(1)}"
        elif 'co-simulation diverged' in out:
            what = "co-simulation divergence"
        else:
            what = f"exit status {rc}"
        raise Failure(f"{os.path.basename(elf)} failed on {ctx.target} ({what})\n{out[-3000:]}")
    return out


SWEEP_LINE = re.compile(r'[0-9a-f]+( [0-9a-f]+)*')


def same_as_qemu(ctx, name, what):
    """A sweep (build/tests/common/NAME.elf) must print the same lines on
    ctx.target as on QEMU, the reference; what names a line's fields."""
    if ctx.target == 'qemu':
        raise Skip("the reference itself")
    if os.environ.get('AV_NO_QEMU'):
        raise Skip("AV_NO_QEMU: QEMU runs left out")
    elf = os.path.join(ctx.build, 'tests', 'common', name + '.elf')
    # the sweep's lines are hex fields; the harness may add its own (cycles/s)
    def lines(out):
        return [l for l in out.splitlines() if SWEEP_LINE.fullmatch(l)]
    ours = lines(run_elf(ctx, elf))
    rc, ref = ctx.run(ctx.elf_cmd(elf, target='qemu'), timeout=TIMEOUT['qemu'])
    ref = lines(ref)
    if not ours:
        raise Failure(f"{name} printed no sweep lines on {ctx.target}")
    if rc != 0 or len(ref) != len(ours):
        raise Failure(f"QEMU: exit status {rc}, {len(ref)} lines against our {len(ours)}")
    for n, (a, b) in enumerate(zip(ours, ref)):
        if a != b:
            raise Failure(f"line {n + 1} differs from QEMU ({what}):\n  ours {a}\n  QEMU {b}")


def gated_run(ctx, elf, caps):
    """run_elf, unless the RTL under test lacks one of caps: then run on the
    ISS and report a skip (or the ISS's failure). Returns the output."""
    if ctx.target in RTL_TARGETS:
        missing = [(c, probe(ctx, c)[1]) for c in caps if not probe(ctx, c)[0]]
        if missing:
            rc, out = ctx.run(ctx.elf_cmd(elf, target='iss'), timeout=TIMEOUT['iss'])
            names = ', '.join(c for c, _ in missing)
            if rc != 0:
                raise Failure(f"the RTL has no {names} yet, and on the ISS the test "
                              f"fails (status {rc}):\n{out[-3000:]}")
            raise Skip(f"waits for {names} in the RTL (probe: {missing[0][1]}); "
                       f"passes on the ISS")
    return run_elf(ctx, elf)


def also_qemu(ctx):
    """Whether to add qemu/<name> twins (see the module text)."""
    return ctx.target == 'cosim' and not os.environ.get('AV_NO_QEMU')


def qemu_twins(ctx, tests):
    """qemu/<name> copies of tests, running with ctx's target set to qemu."""
    if not also_qemu(ctx):
        return []

    class QemuCtx:
        def __init__(self, ctx):
            self.__dict__.update(ctx.__dict__)
            self._ctx = ctx
            self.target = 'qemu'

        def __getattr__(self, name):
            return getattr(self._ctx, name)

        def elf_cmd(self, elf, target=None, args=()):
            return self._ctx.elf_cmd(elf, target=target or 'qemu', args=args)

    return [Test(f'qemu/{t.name}', lambda ctx, f=t.func: f(QemuCtx(ctx))) for t in tests]


def collect(ctx, suite):
    tests = []
    for src in sources(ctx, suite):
        name = os.path.splitext(os.path.basename(src))[0]
        elf = elf_path(ctx, suite, src)
        refused = refusals(src)
        caps = needs(src)

        def func(ctx, elf=elf, refused=refused, caps=caps):
            if ctx.target in refused:
                raise Skip(refused[ctx.target])
            gated_run(ctx, elf, caps)
        tests.append(Test(name, func))
    return tests + qemu_twins(ctx, tests)
