#!/usr/bin/env python3
"""Profile the kernel by function from an instruction trace.

Reads the retire records of `accentv-iss --trace-insn` or `accentv-sim
--trace-insn` (index, mode, pc, ...) from a file or stdin and charges each
instruction to the function holding its pc, by the symbols of the kernel ELF
(riscv64-unknown-elf-nm). U-mode pcs are charged to "[user]" unless a user
ELF is given. Prints functions by instruction count, most first.

    build/iss/accentv-iss --trace-insn img.elf 2>trace.txt >/dev/null
    python3 tools/kprof.py build/fw/kernel.elf trace.txt [--user prog.elf] [--top 40]
"""
import argparse, bisect, subprocess, sys
from collections import Counter


def symbols(elf):
    out = subprocess.run(['riscv64-unknown-elf-nm', '-n', elf], capture_output=True,
                         text=True, check=True).stdout
    syms = []
    for line in out.splitlines():
        f = line.split()
        if len(f) == 3 and f[1] in 'tTwW':
            syms.append((int(f[0], 16), f[2]))
    syms.sort()
    return [a for a, _ in syms], [n for _, n in syms]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('kernel')
    ap.add_argument('trace', nargs='?', default='-')
    ap.add_argument('--user', help='user ELF for U-mode pcs')
    ap.add_argument('--top', type=int, default=40)
    ap.add_argument('--window', metavar='SYM',
                    help='count only from the first to the last instruction of function SYM')
    a = ap.parse_args()
    kaddr, kname = symbols(a.kernel)
    uaddr, uname = symbols(a.user) if a.user else ([], [])
    counts, modes, total = Counter(), Counter(), 0
    src = sys.stdin if a.trace == '-' else open(a.trace, errors='replace')
    lines = src.readlines() if a.window else src
    if a.window:
        k = kname.index(a.window)
        lo, hi = kaddr[k], kaddr[k + 1]
        hits = [i for i, l in enumerate(lines)
                if len(l.split(None, 3)) > 2 and lo <= int(l.split(None, 3)[2], 16) < hi]
        lines = lines[hits[0]:hits[-1] + 1] if hits else []
    for line in lines:
        f = line.split(None, 3)
        if len(f) < 3 or f[1] not in ('M', 'S', 'U'):
            continue
        try:
            pc = int(f[2], 16)
        except ValueError:
            continue
        total += 1
        modes[f[1]] += 1
        addr, name = (uaddr, uname) if f[1] == 'U' else (kaddr, kname)
        if f[1] == 'U' and not uaddr:
            counts['[user]'] += 1
            continue
        i = bisect.bisect_right(addr, pc) - 1
        counts[name[i] if i >= 0 else '?'] += 1
    print(f"{total} instructions: " + ', '.join(f"{m} {n}" for m, n in sorted(modes.items())))
    for name, n in counts.most_common(a.top):
        print(f"{n:10d} {100.0 * n / max(total, 1):5.1f}%  {name}")


if __name__ == '__main__':
    main()
