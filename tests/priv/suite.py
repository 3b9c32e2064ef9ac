"""Suite 'priv': self-checking programs for the privileged architecture
beyond machine mode (tests/priv/*.S): S and U modes, trap delegation, the
supervisor CSRs, Sv32 translation and page faults, and the A extension. Each
runs on ctx.target and must exit with status 0 (a failure's status is the
failing case); files marked 'QEMU: no - reason' are skipped on QEMU only."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'common'))
import elfsuite


def prepare(ctx):
    elfsuite.prepare(ctx, 'priv')


def collect(ctx):
    return elfsuite.collect(ctx, 'priv')
