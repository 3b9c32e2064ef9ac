#!/usr/bin/env python3
"""make bench-cpu: run the CPU workloads (firmware/bench/*.c, built into
build/bench/NAME.elf, bare in machine mode, and NAME-sv32.elf, in S mode
under Sv32 with 4 KiB pages) on a target, collect the line each prints
    bench NAME: cycles C instret I cpi X.XXX check ok|FAILED
and print a table with the geometric-mean CPI of each variant and the
cycles translation adds, and, on the RTL, the reference ISS's speed on the
same programs (DESIGN: the ISS is measured on these workloads); the same
goes to build/bench/cpu.md.

Cycle counts mean something only on the RTL (build/sim/accentv-sim, the
default target), whose RAM has the board's timing; on the ISS and QEMU only
the instruction counts do, and the table says so.

With --tlb ELF (build/bench/tlb-sv32.elf, firmware/bench/tlb.c) it also
runs the TLB probe on the RTL and adds a line with what a page-register hit
and a block-RAM TLB hit add per load and what a TLB refill costs.

usage: firmware/bench/run.py [--target rtl|iss|qemu] [--out FILE] [--tlb ELF] ELF...
Exit status 1 when a workload fails its check or does not run.
"""
import argparse, math, os, re, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, 'tools'))
from qemu_ref import qemu_cmd  # noqa: E402  (the path above first)
LINE = re.compile(r'^bench (\S+): cycles (\d+) instret (\d+) cpi (\d+\.\d+) check (\S+)', re.M)
TLB = re.compile(r'^tlb: same (\d+) bare (\d+) paged (\d+) alt (\d+) bare (\d+) paged (\d+) '
                 r'refill (\d+) cold (\d+) warm (\d+) check (\S+)', re.M)
REFILL_GOAL = 10
STATS = re.compile(r'(\d+) cycles, (\d+) instructions')


def command(target, elf):
    if target == 'rtl':
        return [os.path.join(ROOT, 'build/sim/accentv-sim'), '--stats', elf]
    if target == 'iss':
        return [os.path.join(ROOT, 'build/iss/accentv-iss'), elf]
    if target == 'qemu':
        # -icount: minstret then counts instructions, not host clock ticks.
        return [*qemu_cmd('-icount', 'shift=0'), '-kernel', elf]
    raise SystemExit(f"unknown target {target}")


def git_head():
    try:
        return subprocess.run(['git', '-C', ROOT, 'rev-parse', '--short', 'HEAD'],
                              capture_output=True, text=True).stdout.strip()
    except OSError:
        return '?'


def run_one(target, elf):
    """Run one ELF; return (parsed result dict or None, why-not text)."""
    try:
        r = subprocess.run(command(target, elf), capture_output=True, text=True,
                           errors='replace', timeout=1200)
        out, rc = r.stdout + r.stderr, r.returncode
    except subprocess.TimeoutExpired:
        return None, 'timed out'
    m = LINE.search(out)
    if not m:
        lines = out.strip().splitlines()
        trap = [l for l in lines if 'unexpected trap' in l]
        return None, f"no result (exit status {rc}): {(trap or lines[-1:] or [''])[0].strip()}"
    res = {'name': m.group(1), 'cycles': int(m.group(2)), 'instret': int(m.group(3)),
           'check': m.group(5) if rc == 0 else f"{m.group(5)} (status {rc})"}
    s = STATS.search(out)
    res['total'] = (int(s.group(1)), int(s.group(2))) if s else None
    return res, ''


def iss_seconds(elf, tries=5):
    """Best wall time of the reference ISS running elf (None if it fails)."""
    iss = os.path.join(ROOT, 'build/iss/accentv-iss')
    if not os.path.exists(iss):
        return None
    best = None
    for _ in range(tries):
        t0 = time.perf_counter()
        r = subprocess.run([iss, elf], capture_output=True)
        dt = time.perf_counter() - t0
        if r.returncode != 0:
            return None
        best = dt if best is None else min(best, dt)
    return best


def tlb_line(target, elf):
    """Run the TLB probe; return (report line, ok)."""
    if target != 'rtl':
        return f"TLB: n/a (target {target} counts no cycles)", True
    if not elf or not os.path.exists(elf):
        return f"TLB: not measured ({elf or 'no probe'} not built)", False
    try:
        r = subprocess.run(command(target, elf), capture_output=True, text=True,
                           errors='replace', timeout=600)
        out, rc = r.stdout + r.stderr, r.returncode
    except subprocess.TimeoutExpired:
        return "TLB: probe timed out", False
    m = TLB.search(out)
    if not m:
        lines = out.strip().splitlines()
        return f"TLB: no result (exit status {rc}): {(lines[-1:] or [''])[0].strip()}", False
    n1, b1, p1, n2, b2, p2, n3, cold, warm = (int(x) for x in m.groups()[:9])
    ok = m.group(10) == 'ok' and rc == 0
    refill = (cold - warm) / n3
    line = (f"TLB: page-register hit {(p1 - b1) / n1:+.2f} cycles/access, "
            f"block-RAM TLB hit {(p2 - b2) / n2:+.2f}, refill {refill:.1f} cycles "
            f"(goal <= {REFILL_GOAL}{'' if refill <= REFILL_GOAL else ': MISSED'})")
    if not ok:
        line += f"; probe check {m.group(10)} (status {rc})"
    return line, ok


def gmean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--target', default='rtl', choices=['rtl', 'iss', 'qemu'])
    ap.add_argument('--out', default=os.path.join(ROOT, 'build/bench/cpu.md'))
    ap.add_argument('--tlb', help='the TLB probe ELF (firmware/bench/tlb.c, -sv32 build)')
    ap.add_argument('elfs', nargs='+', help='the bare ELFs; NAME-sv32.elf beside each is the paged variant')
    args = ap.parse_args()
    cyc_ok = args.target == 'rtl'

    head = ['workload', 'instructions', 'cycles', 'CPI', 'Sv32 instructions', 'Sv32 cycles',
            'Sv32 CPI', 'Sv32 cost', 'check']
    table, failed, cpis, cpis_vm, notes = [], False, [], [], []
    iss_instr, iss_secs = 0, 0.0
    for elf in args.elfs:
        name = os.path.splitext(os.path.basename(elf))[0]
        bare, why = run_one(args.target, elf)
        # The ISS's speed on the same program: the RTL's whole-run count of
        # instructions (the ISS retires the same ones) over the ISS's time.
        if bare and bare['total'] and args.target == 'rtl':
            secs = iss_seconds(elf)
            if secs:
                iss_instr += bare['total'][1]
                iss_secs += secs
        if not bare:
            failed = True
            notes.append(f"{name}: {why}")
        vm_elf = elf[:-4] + '-sv32.elf'
        vm, why_vm = run_one(args.target, vm_elf) if os.path.exists(vm_elf) else (None, 'not built')
        if not vm:
            notes.append(f"{name} (Sv32): {why_vm}")
        checks = []
        row = [name]
        for res, bag in ((bare, cpis), (vm, cpis_vm)):
            if res:
                cpi = res['cycles'] / res['instret']
                if cyc_ok:
                    bag.append(cpi)
                row += [str(res['instret']), str(res['cycles']) if cyc_ok else 'n/a',
                        f"{cpi:.3f}" if cyc_ok else 'n/a']
                checks.append(res['check'])
                if res['check'] != 'ok':
                    failed = True
            else:
                row += ['-', '-', '-']
                checks.append('did not run')
        if bare and vm and cyc_ok:
            row.append(f"{100.0 * (vm['cycles'] - bare['cycles']) / bare['cycles']:+.1f}% cycles")
        else:
            row.append('-')
        row.append(checks[0] if checks[0] == checks[1] else f"{checks[0]} / Sv32 {checks[1]}")
        # Columns: name, bare (instr, cycles, CPI), Sv32 (instr, cycles, CPI), cost, check.
        table.append(row)

    widths = [max(len(h), *(len(r[i]) for r in table)) for i, h in enumerate(head)]

    def fmt(cells):
        return '| ' + ' | '.join(c.ljust(w) for c, w in zip(cells, widths)) + ' |'

    lines = [fmt(head), '|' + '|'.join('-' * (w + 2) for w in widths) + '|']
    lines += [fmt(r) for r in table]
    if cyc_ok:
        g, gv = gmean(cpis), gmean(cpis_vm)
        summary = (f"geometric-mean CPI: {g:.3f} over {len(cpis)} workloads (machine mode, bare)"
                   if g else "geometric-mean CPI: n/a")
        summary += (f"; {gv:.3f} over {len(cpis_vm)} under Sv32 (S mode, 4 KiB pages)"
                    if gv else "; under Sv32: n/a")
    else:
        summary = (f"target {args.target}: cycle counts mean nothing here; instruction counts only")
    if iss_secs:
        summary += (f"\nreference ISS speed on these programs: {iss_instr / iss_secs / 1e6:.1f} MIPS "
                    f"({iss_instr} instructions in {iss_secs * 1000:.1f} ms, best of 5 runs each, "
                    f"start-up included)")
    tlb, tlb_ok = tlb_line(args.target, args.tlb)
    failed = failed or not tlb_ok
    summary += '\n' + tlb
    print('\n'.join(lines))
    print(summary)
    for n in notes:
        print(f"note: {n}")

    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, 'w') as f:
        f.write("# bench-cpu: cycles per instruction\n\n")
        f.write(f"Target `{args.target}`, commit `{git_head()}`, "
                f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}. Cycles and "
                f"instructions are counted by `cycle`/`instret` around each workload's "
                f"kernel only (firmware/bench/*.c). Each workload runs twice: bare, in "
                f"machine mode without translation, and Sv32, in supervisor mode with "
                f"the program's RAM mapped by 4 KiB pages (tests/common/crt.c, AV_PAGED), "
                f"so its code and data pages go through the TLB; the cost column is the "
                f"extra cycles that translation takes.\n\n")
        f.write("The TLB line comes from firmware/bench/tlb.c (S mode, Sv32): one loop "
                "of loads, timed with `cycle`, on one page (page-register hits) and "
                "alternating between two pages (read-page register misses, block-RAM "
                "TLB hits), each against the same call with satp Bare; the refill is "
                "one load on each of 64 pages right after sfence.vma (TLB misses, "
                "the microcoded walk) minus the same loop again (TLB hits), per "
                "page.\n\n")
        f.write('\n'.join(lines) + '\n\n' + summary + '\n')
        if notes:
            f.write('\n' + '\n'.join(f"- {n}" for n in notes) + '\n')
    print(f"written {os.path.relpath(args.out, ROOT)}")
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
