"""Kernel behaviour tests: each tests/kernel/<t>.c is a user program run as
"init" in its own kernel image (build/fw/ktest/<t>.elf). The expected output
is in the file, in a comment block:

    /* expect:
    line that must appear
    another, later
    */

A differential twin says "/* expect-as: NAME */" instead and is held to
tests/kernel/NAME.c's block. Each line must appear, in order, as a substring
of some output line. The run
must also end with the kernel's audit "audit: ok" and the finisher's pass
(status 0), unless the file says "/* exit: N */". "/* not-on cosim: why */"
skips a test on the targets named.

Targets: every test runs in co-simulation (the RTL checked against the ISS,
named kernel/<t>) and on QEMU (kernel/qemu/<t>); AV_KERNEL_TARGET (a comma
list of cosim, rtl, iss, qemu) chooses others. The runner's --target is not
used for this suite.
"""
import os, re
from run import Test, Failure, Skip


def _targets():
    return os.environ.get('AV_KERNEL_TARGET', 'cosim,qemu').split(',')


def _target(ctx):
    return ctx.kernel_target


def prepare(ctx):
    # the simulators too: the RTL reads the control store's image at run time
    # but has the microcode's addresses compiled in, so a stale binary runs
    # new microcode wrongly
    sims = {'cosim': ['build/sim/accentv-sim', 'build/iss/accentv-iss'],
            'rtl': ['build/sim/accentv-sim'], 'iss': ['build/iss/accentv-iss']}
    ctx.make('kernel-tests', *sorted({b for t in _targets() for b in sims.get(t, [])}))


def _expect(src):
    """The expected lines of a test: its /* expect: ... */ block, or with
    /* expect-as: NAME */ the block of tests/kernel/NAME.c, so the twins of a
    differential test share one expectation."""
    text = open(src).read()
    same = re.search(r'/\*\s*expect-as:\s*(\w+)\s*\*/', text)
    if same:
        text = open(os.path.join(os.path.dirname(src), same.group(1) + '.c')).read()
    m = re.search(r'/\*\s*expect:\s*\n(.*?)\*/', text, re.S)
    lines = [l.strip() for l in m.group(1).splitlines() if l.strip()] if m else []
    e = re.search(r'/\*\s*exit:\s*(\d+)\s*\*/', text)
    return lines, int(e.group(1)) if e else 0


def _not_on(src, target):
    """/* not-on cosim: reason */ keeps a test off a target it cannot mean
    anything on (the reason is printed with the skip)."""
    m = re.search(r'not-on\s+([a-z ]+):\s*([^*]*?)\s*\*/', open(src).read())
    return m.group(2) if m and target in m.group(1).split() else None


def _on(src):
    """/* on: iss */ runs a test on those targets only, whatever
    AV_KERNEL_TARGET says: the round trip's microcode is modelled by the ISS
    before the RTL has it (docs/ipc-microcode.md), so its tests (boot option
    rtforce) mean something on the ISS alone."""
    m = re.search(r'/\*[^*]*?\bon:\s*([a-z ]+?)\s*\*/', open(src).read())
    return m.group(1).split() if m else None


def _variants(src):
    """Extra runs a test asks for: /* also: mem=128K */ runs it again with
    those boot options (QEMU passes them in the tree's /chosen/bootargs)."""
    return re.findall(r'\balso:\s*([^*\n]*?)\s*\*/', open(src).read())


DEMO_EXPECT = ['demo: buffer 0 came back correct', 'demo: 4 of 4 buffers correct',
               '--- statistics ---', 'audit: ok', 'init exited with status 0']


def _run(ctx, name, append=None, dtb=None):
    if name == 'demo':
        # the demo image (firmware/user/init.c), expectations kept here
        img, want, status = os.path.join(ctx.build, 'fw', 'kernel.elf'), DEMO_EXPECT, 0
        ctx.make('build/fw/kernel.elf')
    else:
        src = os.path.join(ctx.root, 'tests', 'kernel', name + '.c')
        img = os.path.join(ctx.build, 'fw', 'ktest', name + '.elf')
        want, status = _expect(src)
        why = _not_on(src, _target(ctx))
        if why:
            raise Skip(why)
    extra = []
    if append and _target(ctx) != 'qemu' and re.fullmatch(r'mem=\d+[KM]?', append):
        extra, append = ['--ram-size', append[4:]], None   # the simulators size RAM themselves
    cmd = ctx.elf_cmd(img, target=_target(ctx), args=extra)
    env_seed = os.environ.get('AV_FUZZ_SEED')
    opts = []
    if name.startswith('fuzz') and env_seed and _target(ctx) == 'qemu':
        opts.append(f'seed={env_seed}')
    if append:
        if _target(ctx) != 'qemu':
            raise Skip(f"boot options {append!r} need QEMU's -append")
        opts.append(append)
    if opts:
        cmd += ['-append', ' '.join(opts)]
    if dtb:
        if _target(ctx) != 'qemu':
            raise Skip("a replacement device tree needs QEMU's -dtb")
        ctx.make('gen')
        cmd += ['-dtb', os.path.join(ctx.build, 'gen', dtb)]
    rc, out = ctx.run(cmd, timeout=300)
    lines = out.splitlines()
    pos = 0
    for w in want:
        while pos < len(lines) and w not in lines[pos]:
            pos += 1
        if pos == len(lines):
            raise Failure(f"expected line not found (in order): {w!r}\n--- output ---\n{out[-3000:]}")
        pos += 1
    if 'audit: ok' not in out:
        raise Failure(f"kernel audit did not pass\n{out[-3000:]}")
    boot = re.search(r'(\d+) frames free,', out)
    end = re.search(r'audit: ok: \d+ frames, (\d+) free', out)
    if not boot or not end or boot.group(1) != end.group(1):
        raise Failure(f"free frames at boot and at the end differ\n{out[-3000:]}")
    qemu_rc = 0 if status == 0 else 1
    if (rc == 0) != (qemu_rc == 0):
        raise Failure(f"exit status {rc}, wanted {'pass' if status == 0 else 'fail'}\n{out[-3000:]}")
    if ctx.verbose:
        print(out)


def _size(ctx):
    """The kernel's own text, data and bss stay within 40 KiB (DESIGN, Sizes)."""
    elf = os.path.join(ctx.build, 'fw', 'kernel.elf')
    ctx.make('build/fw/kernel.elf')
    rc, out = ctx.run(['riscv64-unknown-elf-nm', elf])
    m = re.search(r'^([0-9a-f]+) \w _kernel_size_end$', out, re.M)
    if rc != 0 or not m:
        raise Failure("no _kernel_size_end symbol")
    size = int(m.group(1), 16) - 0x80000000
    if size > 40 * 1024:
        raise Failure(f"kernel is {size} bytes, over 40 KiB")


PROG_SRC = r'''/* a user's own program, kept outside the tree: spawns a packed one */
#include <stdio.h>
#include "av.h"
int main(void)
{
    int st = -1, c = av_spawn("hello");
    if (c >= 0)
        av_wait(c, &st);
    printf("own program: hello ran as %d, status %d\n", c, st);
    return st;
}
'''


def _run_prog(ctx):
    """`make run-prog PROG=file.c`: a program from outside the tree becomes
    init of a kernel image and runs on the simulated SoC; without PROG, or
    with a missing file, make says what is wrong."""
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, 'own_prog.c')
        with open(src, 'w') as f:
            f.write(PROG_SRC)
        rc, out = ctx.run(['make', '-s', '--no-print-directory', 'run-prog', f'PROG={src}', 'PACK=hello'])
        for w in ('hello from process', 'own program: hello ran as', 'status 0', 'audit: ok',
                  'init exited with status 0'):
            if w not in out:
                raise Failure(f"make run-prog: {w!r} not in the output\n{out[-3000:]}")
        if rc != 0:
            raise Failure(f"make run-prog: exit status {rc}\n{out[-3000:]}")
        for args, want in (([], 'name the program'), ([f'PROG={d}/none.c'], 'no such file')):
            rc, out = ctx.run(['make', '-s', '--no-print-directory', 'run-prog', *args])
            if rc == 0 or want not in out:
                raise Failure(f"make run-prog {' '.join(args)}: wanted a refusal with {want!r}\n{out[-2000:]}")


def _for_target(t, func):
    """Run func with ctx.kernel_target set to t (tests of several targets run
    side by side, so the target travels with a copy of the context)."""
    def run(ctx):
        import copy
        c = copy.copy(ctx)
        c.kernel_target = t
        return func(c)
    return run


def collect(ctx):
    d = os.path.join(ctx.root, 'tests', 'kernel')
    names = sorted(f[:-2] for f in os.listdir(d) if f.endswith('.c'))
    # the SoC's own device tree (RAM size and timebase as the simulators give them)
    base = [('size', _size), ('run_prog', _run_prog), ('hello[soc.dtb]', lambda c: _run(c, 'hello', dtb='soc.dtb')),
            ('demo', lambda c: _run(c, 'demo')),
            ('demo[mem=128K]', lambda c: _run(c, 'demo', 'mem=128K'))]
    for n in names:
        base.append((n, lambda c, n=n: _run(c, n)))
        for v in _variants(os.path.join(d, n + '.c')):
            base.append((f"{n}[{v}]", lambda c, n=n, v=v: _run(c, n, v)))
    tests = []
    own = {n: _on(os.path.join(d, n + '.c')) for n in names}
    for i, t in enumerate(_targets()):
        prefix = '' if i == 0 else f'{t}/'
        for name, func in base:
            if name in ('size', 'run_prog') and i:
                continue      # a property of the image, not of a target
            if own.get(name.split('[')[0]):
                continue      # below, on its own targets
            tests.append(Test(prefix + name, _for_target(t, func)))
    for name, func in base:
        for t in own.get(name.split('[')[0]) or []:
            tests.append(Test(f'{t}/{name}', _for_target(t, func)))
    return tests
