"""RTL lint: `make lint` (Verilator -Wall over rtl/ and the simulation top)
must finish with no warning at all; a waiver belongs in the source with its
reason, never here."""
from run import Test, Failure


def t_verilator(ctx):
    rc, out = ctx.run(['make', '-s', 'lint'], timeout=600)
    warnings = [l for l in out.splitlines() if l.startswith(('%Warning', '%Error'))]
    if rc != 0 or warnings:
        raise Failure(f"make lint: status {rc}\n" + '\n'.join(warnings[:40] or out.splitlines()[-40:]))


def collect(ctx):
    return [Test('verilator', t_verilator)]
