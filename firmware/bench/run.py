#!/usr/bin/env python3
"""make bench-cpu: run the CPU workloads (firmware/bench/*.c, built into
build/bench/*.elf) on a target, collect the line each prints
    bench NAME: cycles C instret I cpi X.XXX check ok|FAILED
and print a table with the geometric-mean CPI; the same table goes to
build/bench/cpu.md (Markdown).

Cycle counts mean something only on the RTL (build/sim/accentv-sim, the
default target), whose RAM has the board's timing; on the ISS and QEMU only
the instruction counts do, and the table says so.

usage: firmware/bench/run.py [--target rtl|iss|qemu] [--out FILE] ELF...
Exit status 1 when a workload fails its check or does not run.
"""
import argparse, math, os, re, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LINE = re.compile(r'^bench (\S+): cycles (\d+) instret (\d+) cpi (\d+\.\d+) check (\S+)', re.M)
STATS = re.compile(r'(\d+) cycles, (\d+) instructions')


def command(target, elf):
    if target == 'rtl':
        return [os.path.join(ROOT, 'build/sim/accentv-sim'), '--stats', elf]
    if target == 'iss':
        return [os.path.join(ROOT, 'build/iss/accentv-iss'), elf]
    if target == 'qemu':
        # -icount: minstret then counts instructions, not host clock ticks.
        return ['qemu-system-riscv32', '-machine', 'virt', '-bios', 'none',
                '-cpu', 'rv32,c=off,f=off,d=off,h=off', '-icount', 'shift=0', '-nographic',
                '-monitor', 'none', '-serial', 'stdio', '-kernel', elf]
    raise SystemExit(f"unknown target {target}")


def git_head():
    try:
        return subprocess.run(['git', '-C', ROOT, 'rev-parse', '--short', 'HEAD'],
                              capture_output=True, text=True).stdout.strip()
    except OSError:
        return '?'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--target', default='rtl', choices=['rtl', 'iss', 'qemu'])
    ap.add_argument('--out', default=os.path.join(ROOT, 'build/bench/cpu.md'))
    ap.add_argument('elfs', nargs='+')
    args = ap.parse_args()

    rows, failed = [], False
    for elf in args.elfs:
        name = os.path.splitext(os.path.basename(elf))[0]
        t0 = time.time()
        try:
            r = subprocess.run(command(args.target, elf), capture_output=True, text=True,
                               errors='replace', timeout=1200)
            out, rc = r.stdout + r.stderr, r.returncode
        except subprocess.TimeoutExpired:
            out, rc = 'timed out', -1
        secs = time.time() - t0
        m = LINE.search(out)
        if not m:
            print(f"{name}: no result (exit status {rc})\n{out[-1500:]}", file=sys.stderr)
            rows.append((name, None, None, None, 'did not run', secs, None))
            failed = True
            continue
        cycles, instret = int(m.group(2)), int(m.group(3))
        check = m.group(5)
        if check != 'ok' or rc != 0:
            failed = True
            check = f"{check} (status {rc})"
        s = STATS.search(out)
        total = (int(s.group(1)), int(s.group(2))) if s else None
        rows.append((m.group(1), cycles, instret, cycles / instret if instret else None,
                     check, secs, total))

    cycles_mean = args.target == 'rtl'
    cpis = [r[3] for r in rows if r[3]]
    gmean = math.exp(sum(math.log(c) for c in cpis) / len(cpis)) if cpis else None

    head = ['workload', 'cycles', 'instructions', 'CPI', 'check', 'whole program (cycles / instr)']
    table = []
    for name, cyc, ins, cpi, check, secs, total in rows:
        table.append([name,
                      str(cyc) if cyc is not None and cycles_mean else ('-' if cyc is None else 'n/a'),
                      str(ins) if ins is not None else '-',
                      f"{cpi:.3f}" if cpi and cycles_mean else ('-' if cpi is None else 'n/a'),
                      check,
                      f"{total[0]} / {total[1]}" if total else '-'])
    widths = [max(len(h), *(len(r[i]) for r in table)) for i, h in enumerate(head)]

    def fmt(cells):
        return '| ' + ' | '.join(c.ljust(w) for c, w in zip(cells, widths)) + ' |'

    lines = [fmt(head), '|' + '|'.join('-' * (w + 2) for w in widths) + '|']
    lines += [fmt(r) for r in table]
    if cycles_mean:
        summary = (f"geometric-mean CPI: {gmean:.3f} over {len(cpis)} workloads"
                   if gmean else "geometric-mean CPI: n/a")
    else:
        summary = f"target {args.target}: cycle counts mean nothing here; instruction counts only"
    print('\n'.join(lines))
    print(summary)

    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, 'w') as f:
        f.write(f"# bench-cpu: cycles per instruction\n\n")
        f.write(f"Target `{args.target}`, commit `{git_head()}`, "
                f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}. Cycles and "
                f"instructions are counted by `mcycle`/`minstret` around each "
                f"workload's kernel only (firmware/bench/*.c); the last column is the "
                f"whole run as the harness counts it. Machine mode, no translation.\n\n")
        f.write('\n'.join(lines) + '\n\n' + summary + '\n')
    print(f"written {os.path.relpath(args.out, ROOT)}")
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
