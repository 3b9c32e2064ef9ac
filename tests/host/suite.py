"""The kernel's pure logic on the host: frame table and free stack, region
lists, name tables and port queues, compiled with the kernel's own sources
and -fsanitize=address,undefined. One program per tests/host/test_*.c; each
exits 0 when every check passed."""
import os, glob
from run import Test, Failure, SuiteError

CFLAGS = ['-std=gnu11', '-g', '-O1', '-Wall', '-Wextra', '-Werror', '-fsanitize=address,undefined',
          '-fno-omit-frame-pointer', '-fno-sanitize-recover=all']
# kernel sources each test links (beside tests/host/host_stubs.c)
SOURCES = {
    'test_frame': ['frame.c'],
    'test_region': ['region.c'],
    'test_ports': ['names.c', 'port.c'],
    'test_runq': ['runq.c'],
}


def _build(ctx, name):
    root = ctx.root
    out = os.path.join(ctx.build, 'host', name)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    srcs = [os.path.join(root, 'tests', 'host', name + '.c'), os.path.join(root, 'tests', 'host', 'host_stubs.c')]
    srcs += [os.path.join(root, 'firmware', 'kernel', s) for s in SOURCES.get(name, [])]
    inc = ['-I' + os.path.join(root, d) for d in ('build/gen', 'firmware/include', 'firmware/kernel', 'tests/host')]
    rc, text = ctx.run(['cc', *CFLAGS, *inc, *srcs, '-o', out])
    if rc != 0:
        raise Failure(f"build failed:\n{text[-3000:]}")
    return out


def prepare(ctx):
    ctx.make('gen', 'build/gen/vm_contract.h')


def _run(ctx, name):
    exe = _build(ctx, name)
    rc, out = ctx.run([exe], timeout=300)
    if rc != 0:
        raise Failure(out[-3000:])
    if ctx.verbose:
        print(out)


def collect(ctx):
    names = sorted(os.path.basename(p)[:-2] for p in glob.glob(os.path.join(ctx.root, 'tests', 'host', 'test_*.c')))
    return [Test(n, lambda c, n=n: _run(c, n)) for n in names]
