"""Suite 'isa': one self-checking program per RV32IM(+Zicsr, Zifencei)
instruction and per machine-mode trap cause and CSR (tests/isa/*.S). Each runs
on ctx.target and must exit with status 0; a failure's status is the failing
case number. Files marked 'QEMU: no - reason' are skipped on QEMU only."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'common'))
import elfsuite


def prepare(ctx):
    elfsuite.prepare(ctx, 'isa')


def collect(ctx):
    return elfsuite.collect(ctx, 'isa')
