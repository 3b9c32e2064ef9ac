"""Shared logic of the suites made of self-checking bare-metal programs
(tests/isa, tests/priv): one test per source file, built by tests/tests.mk into
build/tests/<suite>/<name>.elf and run on ctx.target; exit status 0 passes,
any other status is the number of the failing case (see tests/common/test.h).

A source file that does not suit a target says so in its header comment:
    QEMU: no - <reason>
and the test is skipped with that reason on that target only (QEMU differs
from our design in the ways DESIGN.md lists; the RTL and ISS run everything).
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


def prepare(ctx, suite):
    ctx.make(f'{suite}-tests')
    binary = SIM_BINARIES.get(ctx.target)
    if binary:
        ctx.make(binary)


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


def collect(ctx, suite):
    tests = []
    for src in sources(ctx, suite):
        name = os.path.splitext(os.path.basename(src))[0]
        elf = elf_path(ctx, suite, src)
        refused = refusals(src)

        def func(ctx, elf=elf, refused=refused):
            if ctx.target in refused:
                raise Skip(refused[ctx.target])
            run_elf(ctx, elf)
        tests.append(Test(name, func))
    return tests
