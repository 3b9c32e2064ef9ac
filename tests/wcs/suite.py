"""The writable control store's run-time load port: tests/ucode/loadport.S
loads the routine of tests/ucode/loadport.uc (as the C array uasm --c-array
makes of it) through CSRs ucaddr/ucdatalo/ucdatahi, points the dispatch entry
of class CUSTOM0 at it and checks what custom-0 then does (and that it was
illegal before, and that U mode cannot reach the port). Exit status 0 passes;
otherwise it is the failing case (tests/common/test.h).

Runs on the RTL (co-simulation: the ISS takes custom-0's effects from the
retire record); the ISS alone and QEMU have no writable control store."""
import os
from run import Test, Failure, Skip

ELF = os.path.join('build', 'tests', 'wcs', 'loadport.elf')


def prepare(ctx):
    ctx.make('wcs-tests')
    if ctx.target in ('cosim', 'rtl'):
        ctx.make('build/sim/accentv-sim')


def t_loadport(ctx):
    if ctx.target not in ('cosim', 'rtl'):
        raise Skip(f"no writable control store on {ctx.target}")
    elf = os.path.join(ctx.root, ELF)
    rc, out = ctx.run(ctx.elf_cmd(elf, args=['--max-cycles', '2000000']), timeout=300)
    if rc != 0:
        what = f"case {rc}" if 0 < rc < 255 else f"status {rc}"
        raise Failure(f"loadport.elf failed on {ctx.target} ({what})\n{out[-3000:]}")


def collect(ctx):
    return [Test('loadport', t_loadport)]
