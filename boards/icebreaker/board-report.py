#!/usr/bin/env python3
"""Print what an iCEBreaker build uses and how fast it runs, from nextpnr's
JSON report (or, when place and route failed, its log) and Yosys's stat, and
fail when it does not fit the limits.

usage: board-report.py REPORT.json NEXTPNR.log --freq MHZ [--lut-limit PCT]
                       [--stat YOSYS_STAT]
       board-report.py --modules STAT_NOFLATTEN   (LUTs per module, largest first)
Exit status 1 when the design overflows a resource or does not place, uses
more than --lut-limit percent of the logic cells, or its clock misses --freq.
"""
import argparse, json, os, re, sys

ROWS = [('ICESTORM_LC', 'LUTs (logic cells)'), ('ICESTORM_RAM', 'EBRs'),
        ('ICESTORM_SPRAM', 'SPRAMs'), ('ICESTORM_DSP', 'DSPs'),
        ('ICESTORM_PLL', 'PLLs'), ('SB_IO', 'IOs'), ('SB_GB', 'global buffers')]


def util_from_log(log):
    """The last 'Device utilisation' table in a nextpnr log."""
    util = {}
    for key, used, avail in re.findall(r'Info:\s+(\w+):\s+(\d+)/\s*(\d+)\s+\d+%', log):
        util[key] = {'used': int(used), 'available': int(avail)}
    return util


def stat_cells(path):
    """Cell counts of the whole design from a Yosys stat: its "design
    hierarchy" totals where modules are kept apart (av_wcs is), otherwise
    the one module's counts (adding up every section would count the kept
    modules twice)."""
    text = open(path).read()
    if '=== design hierarchy ===' in text:
        text = text.split('=== design hierarchy ===', 1)[1]
    cells = {}
    for name, n in re.findall(r'^\s+(SB_\w+|\$\w+)\s+(\d+)\s*$', text, re.M):
        cells[name] = cells.get(name, 0) + int(n)
    return cells


def modules(path):
    """LUT4 and flip-flop counts per module from an unflattened Yosys stat."""
    text = open(path).read()
    rows = []
    for m in re.finditer(r"=== (\S+) ===(.*?)(?====|\Z)", text, re.S):
        body = m.group(2)
        luts = sum(int(n) for n in re.findall(r'SB_LUT4\s+(\d+)', body))
        ffs = sum(int(n) for n in re.findall(r'SB_DFF\w*\s+(\d+)', body))
        carry = sum(int(n) for n in re.findall(r'SB_CARRY\s+(\d+)', body))
        ram = sum(int(n) for n in re.findall(r'SB_RAM40_4K\s+(\d+)', body))
        rows.append((luts, ffs, carry, ram, m.group(1)))
    print(f"{'LUT4':>6} {'FF':>6} {'CARRY':>6} {'EBR':>4}  module (own cells, submodules apart)")
    for luts, ffs, carry, ram, name in sorted(rows, reverse=True):
        print(f"{luts:6d} {ffs:6d} {carry:6d} {ram:4d}  {name}")
    return 0


def packed(log, limit):
    """Size check after packing, before place and route."""
    lc = util_from_log(log).get('ICESTORM_LC')
    if not lc:
        print("board: FAILED: no utilisation in the packer's log")
        return 1
    pct = 100.0 * lc['used'] / lc['available']
    print(f"packed: {lc['used']} / {lc['available']} logic cells ({pct:.1f}%)")
    if pct > limit:
        print(f"board: FAILED: logic cells at {pct:.1f}% (limit {limit:g}%) "
              f"after packing; not placing and routing")
        return 1
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('report', nargs='?')
    ap.add_argument('log', nargs='?')
    ap.add_argument('--freq', type=float)
    ap.add_argument('--lut-limit', type=float, default=90)
    ap.add_argument('--stat')
    ap.add_argument('--modules')
    ap.add_argument('--packed', help='only check the size, from a nextpnr --pack-only log')
    a = ap.parse_args()
    if a.modules:
        return modules(a.modules)
    if a.packed:
        return packed(open(a.packed, errors='replace').read(), a.lut_limit)
    if not a.report or not a.log or a.freq is None:
        ap.error("REPORT, LOG and --freq are needed")
    log = open(a.log, errors='replace').read() if os.path.exists(a.log) else ''
    rep = json.load(open(a.report)) if os.path.exists(a.report) else None
    bad = []
    if rep is None:
        errs = re.findall(r'^ERROR: (.*)$', log, re.M)
        bad.append("place and route failed" + (f": {errs[-1]}" if errs else ""))
    util = (rep or {}).get('utilization') or util_from_log(log)
    print("iCEBreaker (iCE40UP5K-SG48) build:")
    for key, what in ROWS:
        u = util.get(key)
        if not u:
            continue
        used, avail = u['used'], u['available']
        print(f"  {what:20s} {used:5d} / {avail:5d}  ({100.0 * used / avail:5.1f}%)")
        if used > avail:
            bad.append(f"{what}: {used} used, {avail} available")
    if a.stat and os.path.exists(a.stat):
        cells = stat_cells(a.stat)
        ffs = sum(n for k, n in cells.items() if k.startswith('SB_DFF'))
        print(f"  {'flip-flops':20s} {ffs:5d}   (Yosys: SB_DFF*; "
              f"{cells.get('SB_LUT4', 0)} SB_LUT4, {cells.get('SB_CARRY', 0)} SB_CARRY)")
    lc = util.get('ICESTORM_LC')
    if lc and 100.0 * lc['used'] / lc['available'] > a.lut_limit:
        bad.append(f"logic cells at {100.0 * lc['used'] / lc['available']:.1f}% "
                   f"(limit {a.lut_limit:g}%)")
    # The clock: the report's fmax, cross-checked with the log's last line
    # (nextpnr prints an estimate before routing and the final figure after).
    if rep is not None:
        fmax = rep.get('fmax', {})
        if not fmax:
            bad.append("no clock in the report")
        for clk, f in fmax.items():
            if clk.startswith('$PACKER_GND'):
                continue  # a DSP's unused clock pin tied low: no real clock
            ach = f.get('achieved', 0.0)
            print(f"  clock {clk}: {ach:.2f} MHz achieved, {a.freq:g} MHz wanted")
            if ach < a.freq:
                bad.append(f"clock {clk} reaches {ach:.2f} MHz, below {a.freq:g} MHz")
    last = {}
    for clk, mhz in re.findall(r"Max frequency for clock +'([^']+)': ([\d.]+) MHz", log):
        last[clk] = float(mhz)   # the final (post-route) figure comes last
    for clk, mhz in last.items():
        if not clk.startswith('$PACKER_GND'):
            print(f"  (nextpnr log, final figure for {clk}: {mhz:.2f} MHz)")
    if bad:
        print("board: FAILED: " + "; ".join(bad))
        return 1
    print("board: fits and meets the clock")
    return 0


if __name__ == '__main__':
    sys.exit(main())
