#!/usr/bin/env python3
"""QEMU as the independent reference (DESIGN: "Implementation choices"): the
one definition of the machine and CPU every QEMU run uses. QEMU 7.2's rv32
CPU has the bit-manipulation extensions Zba, Zbb, Zbc and Zbs on by default;
Accent-V is RV32IMA, so they are turned off with C, F, D and H, and QEMU
then refuses the same encodings (tests/isa t_encodings).

Python callers import qemu_cmd(); make reads the flags with
`python3 tools/qemu_ref.py`, which prints the command line before -kernel."""
import sys

QEMU_CPU = 'rv32,c=off,f=off,d=off,h=off,zba=false,zbb=false,zbc=false,zbs=false'


def qemu_cmd(*extra):
    """The QEMU command line without the program: extra options go in
    before the console's; callers append '-kernel', elf (and -append)."""
    return ['qemu-system-riscv32', '-machine', 'virt', '-bios', 'none', '-cpu', QEMU_CPU,
            *extra, '-nographic', '-monitor', 'none', '-serial', 'stdio']


if __name__ == '__main__':
    print(' '.join(qemu_cmd(*sys.argv[1:])))
