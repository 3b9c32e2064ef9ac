"""CPU fuzzing (suite 'fuzz'): tools/rigen's random programs for a fixed set
of seeds, each checked in lock-step co-simulation on the RTL (target cosim or
rtl), on the reference ISS against QEMU as an independent reference, and a
check that co-simulation can fail: with one control-store bit of the load
routine flipped (--corrupt-ucode) the harness must report a divergence.
cosim-novm-* run the same seeds without Sv32 (rigen --without vm);
swrefill-* check on the ISS that software TLB refill (fpen bit 0 clear, the
program's own handler) gives the same results as hardware refill.
Also the ISS's own directed check of the VM fast paths and software refill
(iss_vm.S), which QEMU cannot run."""
import os, re, sys
from run import Test, Failure, Skip

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fuzz  # noqa: E402  (tests/fuzz/fuzz.py: generation and the checks)

SEEDS = [1, 2, 3, 4, 5, 6, 7, 8]
COUNT = 10000


def prepare(ctx):
    ctx.make('gen', 'build/rigen/rigen', 'build/iss/accentv-iss')
    if ctx.target in ('cosim', 'rtl'):
        try:
            ctx.make('build/sim/accentv-sim')
        except Exception:
            pass   # the cosim tests skip with the reason below


def have_sim(ctx):
    return ctx.target in ('cosim', 'rtl') and os.path.exists(fuzz.SIM)


def cosim_test(seed, without=''):
    def t(ctx):
        if not have_sim(ctx):
            raise Skip("no RTL simulator (or target is not cosim/rtl)")
        try:
            fuzz.check_cosim(seed, COUNT, without=without)
        except fuzz.FuzzError as e:
            raise Failure(str(e))
    return t


def qemu_test(seed):
    def t(ctx):
        try:
            fuzz.check_qemu(seed, COUNT)
        except fuzz.FuzzError as e:
            raise Failure(str(e))
    return t


def swr_test(seed):
    def t(ctx):
        try:
            fuzz.check_swr(seed, COUNT)
        except fuzz.FuzzError as e:
            raise Failure(str(e))
    return t


def load_word(ctx):
    """(control-store address, bit) that breaks every load: the RES field of
    the LOAD routine's word, turned from LOAD into another source."""
    sym = open(os.path.join(ctx.build, 'ucode', 'ucode.sym')).read()
    hdr = open(os.path.join(ctx.build, 'ucode', 'ucode.h')).read()
    m = re.search(r'^used (0x[0-9a-f]+) \d+ # LOAD$', sym, re.M)
    f = re.search(r'#define UF_RES_SHIFT (\d+)', hdr)
    if not m or not f:
        raise Skip("no LOAD routine or RES field in build/ucode (the microcode changed shape)")
    return int(m.group(1), 16), int(f.group(1)) + 1


def t_corrupt(ctx):
    if not have_sim(ctx):
        raise Skip("no RTL simulator (or target is not cosim/rtl)")
    addr, bit = load_word(ctx)
    # A program that co-simulates cleanly, so the divergence can only come
    # from the flipped bit: the add test (the boot ROM already loads).
    ctx.make('build/tests/isa/add.elf')
    elf = os.path.join(ctx.build, 'tests', 'isa', 'add.elf')
    rc, out = ctx.run([fuzz.SIM, '--cosim', '--max-cycles', '2000000', elf], timeout=600)
    if rc != 0:
        raise Failure(f"the uncorrupted run does not pass co-simulation (exit {rc}):\n{out[-1500:]}")
    rc, out = ctx.run([fuzz.SIM, '--cosim', '--corrupt-ucode', f'{addr}:{bit}',
                       '--max-cycles', '2000000', elf], timeout=600)
    if rc == 0:
        raise Failure(f"--corrupt-ucode {addr}:{bit} went unnoticed (exit 0)")
    if 'MISMATCH' not in out:
        raise Failure(f"exit {rc} but no co-simulation mismatch reported:\n{out[-2000:]}")


def t_iss_vm(ctx):
    os.makedirs(fuzz.BUILD, exist_ok=True)
    out_elf = os.path.join(fuzz.BUILD, 'iss_vm.elf')
    rc, out = ctx.run([fuzz.RV_CC, '-march=rv32ima_zicsr_zifencei', '-mabi=ilp32', '-nostdlib',
                       '-nostartfiles', '-T', os.path.join(ctx.root, 'tests/common/link.ld'),
                       '-Wl,--no-relax', '-I', os.path.join(ctx.root, 'build/gen'), '-o', out_elf,
                       os.path.join(ctx.root, 'tests/fuzz/iss_vm.S')])
    if rc:
        raise Failure(f"assembling iss_vm.S failed:\n{out}")
    rc, out = ctx.run([fuzz.ISS, '--max-cycles', '1000000', out_elf])
    if rc:
        raise Failure(f"exit {rc} (the finisher code names the check in iss_vm.S):\n{out[-1500:]}")


def t_iss_cli(ctx):
    """The standalone ISS keeps the harness's command line and statuses."""
    ctx.make('sim-tests')
    sim_elf = lambda n: os.path.join(ctx.build, 'tests', 'sim', n + '.elf')
    cases = [
        (['no-such-file.elf'], 2, r'No such file'),
        ([os.path.join(ctx.root, 'tests/fuzz/suite.py')], 2, r'not an ELF file'),
        ([sim_elf('rv64')], 2, r'not a 32-bit ELF'),
        ([sim_elf('outside')], 2, r'outside RAM'),
        (['--ram-size', '12Q', sim_elf('finisher_pass')], 2, r'--ram-size'),
        ([sim_elf('finisher_pass')], 0, None),
        ([sim_elf('finisher_fail')], 44, r'FAIL: test finisher code 300'),
        ([sim_elf('fail_tohost')], 21, r'tohost = 0x0000002b'),
        (['--max-cycles', '1000', sim_elf('spin')], 3, r'--max-cycles 1000 reached'),
        (['--ram-size', '128K', sim_elf('unmapped')], 0, None),
    ]
    for args, status, pattern in cases:
        rc, out = ctx.run([fuzz.ISS, *args])
        if rc != status or (pattern and not re.search(pattern, out)):
            raise Failure(f"accentv-iss {' '.join(args)}: status {rc} (expected {status}):\n{out[-800:]}")


def t_cosim_selftest(ctx):
    """cosim.c refuses a changed record and a disabled interrupt, accepts an
    identical stream (a second ISS plays the core: no RTL needed)."""
    ctx.make('build/iss/cosim_selftest', 'build/tests/isa/add.elf')
    rc, out = ctx.run([os.path.join(ctx.build, 'iss', 'cosim_selftest'),
                       os.path.join(ctx.build, 'tests', 'isa', 'add.elf')])
    if rc or 'cosim_selftest: ok' not in out:
        raise Failure(out[-2000:])


def collect(ctx):
    tests = [Test(f'cosim-seed{s}', cosim_test(s)) for s in SEEDS]
    # The same seeds without Sv32 (satp, paging, MPRV): guards everything
    # else while the core's MMU is being built.
    tests += [Test(f'cosim-novm-seed{s}', cosim_test(s, 'vm')) for s in SEEDS]
    tests += [Test(f'qemu-seed{s}', qemu_test(s)) for s in SEEDS]
    tests += [Test(f'swrefill-seed{s}', swr_test(s)) for s in SEEDS]
    tests.append(Test('cosim-detects-corrupt-ucode', t_corrupt))
    tests.append(Test('iss-vm-fastpaths', t_iss_vm))
    tests.append(Test('iss-cli', t_iss_cli))
    tests.append(Test('cosim-selftest', t_cosim_selftest))
    return tests
