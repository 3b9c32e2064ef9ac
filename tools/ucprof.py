#!/usr/bin/env python3
"""Profile microcode word by word from `accentv-sim --uprof`.

The simulator counts the cycles spent at each microprogram counter value
over a whole run; this joins those counts with the words' source: the
run-time images' generated tables (`build/fw/kernel/fastpaths.c.triples.c`:
each word's address, its routine and offset, its source comment) and, for
the configuration image, the routine names the simulator already wrote.
Prints one routine's words in address order (--routine), or the busiest
words and the cycles by routine.

    build/sim/accentv-sim --uprof up.txt build/bench/kernel/kbench.elf
    python3 tools/ucprof.py up.txt --routine RT
"""
import argparse, os, re, sys
from collections import Counter

WORD = re.compile(r'\{0x([0-9a-f]+)u, 0x[0-9a-f]+u, 0x[0-9a-f]+u\}, /\* ([\w.]+)\+(\d+): (.*?) \*/')


def image_words(paths):
    """address -> (routine, offset, comment) for every control-store word of
    the run-time images (dispatch entries, bit 31, are not words)."""
    words = {}
    for path in paths:
        if not os.path.exists(path):
            sys.exit(f"{path}: no such image table (make build/fw/kernel.elf writes it)")
        for m in WORD.finditer(open(path).read()):
            target = int(m.group(1), 16)
            if not target >> 31:
                words[target] = (m.group(2), int(m.group(3)), m.group(4))
    return words


def read_uprof(path):
    """(address or None, cycles, name) per line; None for decode and dispatch."""
    rows, total = [], None
    for line in open(path):
        f = line.split()
        if line.startswith('#'):
            m = re.search(r'(\d+) cycles', line)
            total = int(m.group(1)) if m else None
        elif f[0] == 'decode':
            rows.append((None, int(f[1]), 'decode'))
        elif f[0] == 'dispatch':
            rows.append((None, int(f[2]), 'dispatch ' + f[1]))
        else:
            rows.append((int(f[0], 16), int(f[1]), f[2] if len(f) > 2 else '-'))
    if total is None:
        sys.exit(f"{path}: not an accentv-sim --uprof file")
    return rows, total


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('uprof')
    ap.add_argument('--image', action='append', default=None,
                    help='a run-time image table (default build/fw/kernel/fastpaths.c.triples.c)')
    ap.add_argument('--routine', help="one routine's words, in address order")
    ap.add_argument('--top', type=int, default=30)
    a = ap.parse_args()
    default = 'build/fw/kernel/fastpaths.c.triples.c'
    words = image_words(a.image if a.image is not None else [default] if os.path.exists(default) else [])
    rows, total = read_uprof(a.uprof)

    def where(addr, name):
        if addr is not None and addr in words:
            r, off, comment = words[addr]
            return r, f'{r}+{off}', comment
        return name, name if addr is None else f'{name} 0x{addr:03x}', ''

    if a.routine:
        sel = [(addr, n) + where(addr, name) for addr, n, name in rows
               if addr is not None and where(addr, name)[0] == a.routine]
        if not sel:
            sys.exit(f"no cycles in routine {a.routine}")
        for addr, n, _, label, comment in sorted(sel):
            print(f'0x{addr:03x} {n:12d}  {label:12s} {comment}')
        print(f'{sum(s[1] for s in sel):18d}  in {a.routine} ({len(sel)} words ran)')
        return
    by_routine = Counter()
    for addr, n, name in rows:
        by_routine[where(addr, name)[0]] += n
    print(f'{total} cycles; by routine:')
    for r, n in by_routine.most_common(a.top):
        print(f'{n:12d} {100.0 * n / total:5.1f}%  {r}')
    print('busiest words:')
    for addr, n, name in sorted(rows, key=lambda x: -x[1])[:a.top]:
        _, label, comment = where(addr, name)
        print(f'{n:12d} {100.0 * n / total:5.1f}%  {label:14s} {comment}')


if __name__ == '__main__':
    main()
