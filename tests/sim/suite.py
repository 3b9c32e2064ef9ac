"""Suite 'sim': the Verilator harness and the SoC it simulates.

Harness behaviour (exit statuses and messages are part of its contract):
refusing bad input (missing file, non-ELF, x86-64 and RV64 ELFs, the wrong
machine type, a program outside RAM or over the device tree, bad options),
the tohost and finisher verdicts, the tohost syscall proxy, --max-cycles,
+signature, --ram-size (checked through the device tree the program sees),
--uart-in, --trace-insn, --trace, --uprof, and the cycles/second figure on a long run
(written to build/tests/sim/speed.txt), --corrupt-ucode caught by
co-simulation. SoC behaviour: UART registers and interrupts, CLINT, access
faults for unmapped addresses, wfi not taken for a hang, and wfi with
nothing that can wake the hart reported at once (here and by the ISS).
The programs are tests/sim/*.S, built by sim/sim.mk into build/tests/sim.
"""
import os, re, shutil, subprocess, sys, tempfile
from run import Test, Failure, Skip

SIM = 'build/sim/accentv-sim'
ISS = 'build/iss/accentv-iss'


def prepare(ctx):
    ctx.make('sim-tests', SIM, ISS)


def elf(ctx, name):
    return os.path.join(ctx.build, 'tests', 'sim', name + '.elf')


def sim(ctx, *args, cosim=False, timeout=300, cwd=None):
    """Run the harness; return (status, stdout, stderr)."""
    cmd = [os.path.join(ctx.root, SIM)] + (['--cosim'] if cosim else []) + list(args)
    try:
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout, cwd=cwd or ctx.root, errors='replace', text=True)
    except subprocess.TimeoutExpired:
        raise Failure(f"timed out: {' '.join(cmd)}")
    return r.returncode, r.stdout, r.stderr


def expect(ctx, args, status, err_pattern=None, out_pattern=None, cosim=False):
    rc, out, err = sim(ctx, *args, cosim=cosim)
    where = f"accentv-sim {' '.join(args)}"
    if rc != status:
        raise Failure(f"{where}: status {rc}, expected {status}\nstdout: {out[-1500:]}\nstderr: {err[-1500:]}")
    if err_pattern and not re.search(err_pattern, err, re.M):
        raise Failure(f"{where}: stderr does not match /{err_pattern}/:\n{err[-1500:]}")
    if out_pattern is not None and not re.search(out_pattern, out):
        raise Failure(f"{where}: stdout does not match /{out_pattern}/:\n{out[-1500:]}")
    return out, err


def device_cosim(ctx):
    """SoC tests run in co-simulation when that is the target."""
    return ctx.target == 'cosim'


# ---- refusing bad input: status 2 and one line naming the problem ----------
def one_line(err):
    lines = [l for l in err.splitlines() if l.strip()]
    if len(lines) != 1:
        raise Failure(f"expected one line on stderr, got:\n{err}")


def t_missing(ctx):
    _, err = expect(ctx, ['build/tests/sim/no-such-file.elf'], 2, r'no-such-file\.elf: No such file')
    one_line(err)


def t_not_elf(ctx):
    _, err = expect(ctx, ['tests/sim/sim.h'], 2, r'sim\.h: not an ELF file')
    one_line(err)


def t_truncated_elf(ctx):
    data = open(elf(ctx, 'pass_tohost'), 'rb').read()
    d = os.path.join(ctx.build, 'tests', 'sim')
    for n, why in ((100, r'malformed program header'), (4200, r'segment outside the file'),
                   (0, r'not an ELF file')):
        path = os.path.join(d, f'truncated{n}.elf')
        open(path, 'wb').write(data[:n])
        _, err = expect(ctx, [path], 2, rf'truncated{n}\.elf: {why}')
        one_line(err)


def t_x86_elf(ctx):
    prog = shutil.which('true') or '/bin/true'
    _, err = expect(ctx, [prog], 2, r'not a 32-bit ELF')
    one_line(err)


def t_rv64_elf(ctx):
    _, err = expect(ctx, [elf(ctx, 'rv64')], 2, r'not a 32-bit ELF')
    one_line(err)


def t_wrong_machine(ctx):
    data = bytearray(open(elf(ctx, 'pass_tohost'), 'rb').read())
    data[18:20] = (3).to_bytes(2, 'little')      # e_machine = EM_386
    with tempfile.NamedTemporaryFile(suffix='.elf', dir=os.path.join(ctx.build, 'tests', 'sim'),
                                     delete=False) as f:
        f.write(data)
    try:
        _, err = expect(ctx, [f.name], 2, r'wrong machine type')
        one_line(err)
    finally:
        os.unlink(f.name)


def t_outside_ram(ctx):
    _, err = expect(ctx, [elf(ctx, 'outside')], 2, r'0x40000000.*outside RAM')
    one_line(err)


def t_dtb_overlap(ctx):
    _, err = expect(ctx, ['--ram-size', '128K', elf(ctx, 'bigbss')], 2, r'overlaps the device tree')
    one_line(err)
    expect(ctx, [elf(ctx, 'bigbss')], 0)     # fits the default RAM


def t_bad_options(ctx):
    p = elf(ctx, 'pass_tohost')
    expect(ctx, ['--frobnicate', p], 2, r"unknown option '--frobnicate'")
    expect(ctx, ['--max-cycles', 'lots', p], 2, r'bad --max-cycles')
    expect(ctx, [], 2, r'no program')
    expect(ctx, [p, p], 2, r'more than one program')
    expect(ctx, ['--ram-size'], 2, r'--ram-size needs a value')
    expect(ctx, ['--corrupt-ucode', '12', p], 2, r'want ADDR:BIT')
    rc, out, _ = sim(ctx, '--help')
    if rc != 0 or '--max-cycles' not in out or '+signature' not in out:
        raise Failure(f"--help: status {rc}\n{out}")


def t_ram_size_parse(ctx):
    p = elf(ctx, 'pass_tohost')
    for bad in ('12Q', '0', 'K', '-4K', '1000001', '4G', '0x1000', '16MB', ''):
        expect(ctx, ['--ram-size', bad, p], 2, r'bad --ram-size')
    expect(ctx, ['--ram-size', '32M', p], 2, r'exceeds the model')
    for good in ('16M', '128K', '128k', '131072', '1m', '4096K'):
        expect(ctx, ['--ram-size', good, p], 0)


# ---- the boot contract and --ram-size, seen from the program ------------------
def t_ram_size_dtb(ctx):
    dtc = shutil.which('dtc')
    if not dtc:
        raise Skip('dtc not installed')
    outdir = os.path.join(ctx.build, 'tests', 'sim')
    for text, size in (('128K', 128 << 10), ('1M', 1 << 20), ('196608', 196608), (None, 16 << 20)):
        sig = os.path.join(outdir, 'dtb.sig')
        args = (['--ram-size', text] if text else []) + [f'+signature={sig}', elf(ctx, 'dtb')]
        expect(ctx, args, 0)
        words = [int(l, 16) for l in open(sig).read().split()]
        hart, addr, total = words[0], words[1], words[2]
        top = 0x80000000 + size
        if hart != 0:
            raise Failure(f"a0 (hart id) = {hart}")
        if addr % 8 or not (top - total - 8 < addr <= top - total):
            raise Failure(f"--ram-size {text}: tree at {addr:#x}, size {total}, RAM top {top:#x}")
        blob = b''.join(w.to_bytes(4, 'little') for w in words[3:])[:total]
        if blob[:4] != bytes.fromhex('d00dfeed'):
            raise Failure(f"--ram-size {text}: no device tree magic at a1")
        dtb = os.path.join(outdir, 'dtb.dtb')
        open(dtb, 'wb').write(blob)
        r = subprocess.run([dtc, '-q', '-I', 'dtb', '-O', 'dts', dtb], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
        if r.returncode != 0:
            raise Failure(f"--ram-size {text}: the tree does not decompile:\n{r.stdout}")
        m = re.search(r'memory@80000000\s*{[^}]*reg = <0x80000000 (0x[0-9a-f]+)>', r.stdout)
        if not m or int(m.group(1), 16) != size:
            raise Failure(f"--ram-size {text}: memory node wrong:\n{r.stdout}")
        if 'timebase-frequency = <0xf4240>' not in r.stdout:
            raise Failure("timebase-frequency missing from the tree")


def t_any_directory(ctx):
    # The microcode image and everything else the model reads are found by
    # absolute path: the harness runs from any directory.
    with tempfile.TemporaryDirectory() as d:
        rc, out, err = sim(ctx, '--max-cycles', '100000', elf(ctx, 'syscall'), cwd=d)
    if rc != 0 or out != 'hello from tohost\n':
        raise Failure(f"run from {d}: status {rc}\nstdout: {out}\nstderr: {err[-1500:]}")


# ---- verdicts ------------------------------------------------------------------
def t_tohost_pass(ctx):
    expect(ctx, [elf(ctx, 'pass_tohost')], 0)


def t_tohost_fail(ctx):
    expect(ctx, [elf(ctx, 'fail_tohost')], 21, r'FAIL: tohost = 0x0000002b: test 21 failed')


def t_tohost_syscall(ctx):
    out, err = expect(ctx, [elf(ctx, 'syscall')], 0)
    if out != 'hello from tohost\n':
        raise Failure(f"stdout {out!r}")
    if 'to stderr\n' not in err or 'hello' in err:
        raise Failure(f"stderr {err!r}")


def t_finisher_pass(ctx):
    expect(ctx, [elf(ctx, 'finisher_pass')], 0)


def t_finisher_fail(ctx):
    expect(ctx, [elf(ctx, 'finisher_fail')], 300 & 0xff, r'finisher code 300')


def t_finisher_lanes(ctx):
    expect(ctx, [elf(ctx, 'finisher_lanes')], 3, r'finisher code 3$')


def t_max_cycles(ctx):
    expect(ctx, ['--max-cycles', '5000', elf(ctx, 'spin')], 3, r'--max-cycles 5000 reached')


def t_signature(ctx):
    sig = os.path.join(ctx.build, 'tests', 'sim', 'signature.sig')
    if os.path.exists(sig):
        os.unlink(sig)
    expect(ctx, [f'+signature={sig}', elf(ctx, 'signature')], 0)
    text = open(sig).read()
    if text != 'deadbeef\n00000001\n0badcafe\nffffffff\n':
        raise Failure(f"signature file:\n{text}")
    expect(ctx, [f'+signature={sig}', elf(ctx, 'pass_tohost')], 2, r'begin_signature')


# ---- UART, tracing, speed -------------------------------------------------------
def t_uart_in(ctx):
    path = os.path.join(ctx.build, 'tests', 'sim', 'uart_in.txt')
    open(path, 'w').write('hello uart\n!rest')
    out, _ = expect(ctx, DEV_LIMIT + ['--uart-in', path, elf(ctx, 'uart_echo')], 0,
                    cosim=device_cosim(ctx))
    if out != 'ready\nhello uart\n':
        raise Failure(f"stdout {out!r}")
    expect(ctx, ['--uart-in', path + '.missing', elf(ctx, 'uart_echo')], 2, r'uart_in\.txt\.missing')


def t_trace_insn(ctx):
    _, err = expect(ctx, ['--trace-insn', elf(ctx, 'pass_tohost')], 0)
    lines = err.splitlines()
    # The boot ROM's five instructions, then the program's first at 0x80000000.
    if len(lines) < 6 or not re.match(r'\s*0 M 00001000 00000297 ', lines[0]):
        raise Failure("retire log:\n" + err[:2000])
    if not any(re.search(r' M 80000000 ', l) for l in lines):
        raise Failure("no retire at the entry point:\n" + err[:2000])
    if not re.search(r'store\[80001000/f\]=00000001', err):
        raise Failure("the store to tohost is not in the log:\n" + err[-2000:])


def t_trace_fst(ctx):
    fst = os.path.join(ctx.build, 'tests', 'sim', 'trace.fst')
    if os.path.exists(fst):
        os.unlink(fst)
    expect(ctx, ['--trace', fst, elf(ctx, 'pass_tohost')], 0)
    if not os.path.exists(fst) or os.path.getsize(fst) < 200:
        raise Failure("no FST written")
    expect(ctx, ['--trace', '/nonexistent-dir/x.fst', elf(ctx, 'pass_tohost')], 2, r'cannot open')


def t_uprof(ctx):
    path = os.path.join(ctx.build, 'tests', 'sim', 'uprof.txt')
    if os.path.exists(path):
        os.unlink(path)
    expect(ctx, ['--uprof', path, elf(ctx, 'pass_tohost')], 0)
    lines = open(path).read().splitlines()
    m = re.match(r'# accentv-sim --uprof: (\d+) cycles', lines[0]) if lines else None
    if not m:
        raise Failure(f"no header: {lines[:1]}")
    # every cycle counted once: the counts add up to the run's cycles
    total = 0
    for l in lines[1:]:
        f = l.split()
        total += int(f[2] if f[0] == 'dispatch' else f[1])
    if total != int(m.group(1)):
        raise Failure(f"counts add up to {total}, the run took {m.group(1)} cycles")
    if not any(l.startswith('decode ') for l in lines) or \
       not any(re.match(r'0x[0-9a-f]{3} \d+ STORE$', l) for l in lines):
        raise Failure("no decode cycles or no STORE word (pass_tohost's store):\n" + '\n'.join(lines[:40]))
    expect(ctx, ['--uprof', '/nonexistent-dir/u.txt', elf(ctx, 'pass_tohost')], 2, r'--uprof')
    # tools/ucprof.py reads it: one routine's words, and their sum
    r = subprocess.run([sys.executable, 'tools/ucprof.py', path, '--routine', 'STORE'],
                       capture_output=True, text=True)
    store = sum(int(l.split()[1]) for l in lines[1:] if l.endswith(' STORE'))
    if r.returncode or not re.search(rf'^\s*{store}\s+in STORE ', r.stdout, re.M):
        raise Failure(f"tools/ucprof.py --routine STORE (want {store} cycles):\n{r.stdout}{r.stderr}")


def t_speed(ctx):
    _, err = expect(ctx, ['--stats', elf(ctx, 'loop')], 0)
    m = re.search(r'(\d+) cycles, (\d+) instructions \(CPI ([\d.]+)\) in ([\d.]+) s: (\d+) cycles/s', err)
    if not m:
        raise Failure("no statistics line:\n" + err)
    if int(m.group(2)) < 4000000:
        raise Failure(f"only {m.group(2)} instructions retired for the 4M-instruction loop")
    with open(os.path.join(ctx.build, 'tests', 'sim', 'speed.txt'), 'w') as f:
        f.write(m.group(0) + '\n')


# ---- co-simulation catches a corrupted control store ------------------------------
def t_corrupt_ucode(ctx):
    """Flip one bit of the LOAD routine's control-store word (its write-back
    field): the same program passes in co-simulation before and fails after."""
    hdr = os.path.join(ctx.build, 'ucode', 'ucode.h')
    if not os.path.exists(hdr):
        raise Skip('no microcode image')
    text = open(hdr).read()
    m = re.search(r'\{(0x[0-9a-f]+), (\d+), "LOAD"\}', text)
    w = re.search(r'#define UF_WB_SHIFT (\d+)', text)
    if not m or not w:
        raise Failure("ucode.h names no LOAD routine or WB field")
    word = int(m.group(1), 16)
    prog = elf(ctx, 'syscall')              # loads in the boot ROM and in the program
    expect(ctx, ['--max-cycles', '200000', prog], 0, cosim=True)
    expect(ctx, ['--max-cycles', '200000', '--corrupt-ucode', f'{word}:{w.group(1)}', prog], 5,
           r'co-simulation diverged', cosim=True)
    # Out of range: refused before the run.
    expect(ctx, ['--corrupt-ucode', '100000:0', prog], 2, r'bad --corrupt-ucode|control store')


def t_hang(ctx):
    """A core that stops retiring ends the run with status 4. Made by turning
    BTAKEN's NEXT=ENDJ into ENDC (flip NEXT bit 0): with COND=EQ and UADDR=0,
    a taken bne then jumps to itself forever without ending its instruction."""
    hdr = os.path.join(ctx.build, 'ucode', 'ucode.h')
    hexf = os.path.join(ctx.build, 'ucode', 'cs.hex')
    if not os.path.exists(hdr) or not os.path.exists(hexf):
        raise Skip('no microcode image')
    text = open(hdr).read()
    def const(name):
        m = re.search(rf'#define {name} (0x[0-9a-f]+|\d+)', text)
        return int(m.group(1), 0) if m else None
    m = re.search(r'\{(0x[0-9a-f]+), (\d+), "BTAKEN"\}', text)
    if not m or None in (const('UF_NEXT_SHIFT'), const('UF_COND_SHIFT'), const('UF_UADDR_SHIFT')):
        raise Skip('the microcode has no BTAKEN routine or fields of the expected names')
    addr = int(m.group(1), 16)
    word = int(open(hexf).read().split()[addr], 16)
    field = lambda f: (word >> const(f'UF_{f}_SHIFT')) & const(f'UF_{f}_MASK')
    if (field('NEXT') != const('U_NEXT_ENDJ') or field('COND') != const('U_COND_EQ')
            or field('UADDR') != addr or const('U_NEXT_ENDC') != const('U_NEXT_ENDJ') | 1):
        raise Skip(f'BTAKEN (word {word:#x}) no longer has the shape this test corrupts')
    bit = const('UF_NEXT_SHIFT')
    _, err = expect(ctx, ['--corrupt-ucode', f'{addr}:{bit}', elf(ctx, 'loop')], 4,
                    r'core hung: nothing retired for 1000000 cycles')
    if 'last ' not in err:
        raise Failure("no retire records in the hang report:\n" + err)


# ---- SoC devices ------------------------------------------------------------------
# A bound well above what each needs, so a broken device fails quickly.
DEV_LIMIT = ['--max-cycles', '2000000']


def t_uart_regs(ctx):
    # With DLAB set, offset 0 is the divisor latch: nothing may be transmitted.
    out, _ = expect(ctx, DEV_LIMIT + [elf(ctx, 'uart_regs')], 0, cosim=device_cosim(ctx))
    if out:
        raise Failure(f"unexpected UART output {out!r}")


def t_uart_irq(ctx):
    path = os.path.join(ctx.build, 'tests', 'sim', 'uart_x.txt')
    open(path, 'w').write('x')
    expect(ctx, DEV_LIMIT + ['--uart-in', path, elf(ctx, 'uart_irq')], 0, cosim=device_cosim(ctx))


def t_clint(ctx):
    expect(ctx, DEV_LIMIT + [elf(ctx, 'clint')], 0, cosim=device_cosim(ctx))


def t_access_faults(ctx):
    expect(ctx, DEV_LIMIT + ['--ram-size', '128K', elf(ctx, 'unmapped')], 0, cosim=device_cosim(ctx))


def t_wfi_not_hung(ctx):
    # 1.5 M cycles: past the 1 M-cycle hang limit, asleep all the time (the
    # timer it waits for is 2^32 ticks away).
    expect(ctx, ['--max-cycles', '1500000', elf(ctx, 'wfi_sleep')], 3, r'--max-cycles 1500000 reached')


FOREVER = r'the hart sleeps forever: wfi at pc 0x8[0-9a-f]{7}, and no interrupt that mie enables'


def t_wfi_forever(ctx):
    """wfi with nothing that can wake the hart ends the run at once with
    status 4, in the harness (co-simulated) and in the ISS alike."""
    prog = elf(ctx, 'wfi_forever')
    expect(ctx, ['--max-cycles', '100000', prog], 4, FOREVER, cosim=True)
    iss = subprocess.run([os.path.join(ctx.root, ISS), '--max-cycles', '100000', prog],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=60)
    if iss.returncode != 4 or not re.search(FOREVER, iss.stderr):
        raise Failure(f"accentv-iss: status {iss.returncode}, expected 4 and /{FOREVER}/:\n{iss.stderr}")


def collect(ctx):
    return [Test(n[2:], f) for n, f in sorted(globals().items())
            if n.startswith('t_') and callable(f)]
