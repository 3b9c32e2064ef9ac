#!/usr/bin/env python3
"""Print what an iCEBreaker build uses and how fast it runs, from nextpnr's
JSON report and log, and fail when it does not fit the limits.

usage: board-report.py REPORT.json NEXTPNR.log --freq MHZ [--lut-limit PCT]
Exit status 1 when the design overflows a resource, uses more than
--lut-limit percent of the logic cells, or its clock misses --freq MHz.
"""
import argparse, json, re, sys

ROWS = [('ICESTORM_LC', 'LUTs (logic cells)'), ('ICESTORM_RAM', 'EBRs'),
        ('ICESTORM_SPRAM', 'SPRAMs'), ('ICESTORM_DSP', 'DSPs'),
        ('ICESTORM_PLL', 'PLLs'), ('SB_IO', 'IOs'), ('SB_GB', 'global buffers')]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('report')
    ap.add_argument('log')
    ap.add_argument('--freq', type=float, required=True)
    ap.add_argument('--lut-limit', type=float, default=90)
    a = ap.parse_args()
    rep = json.load(open(a.report))
    log = open(a.log, errors='replace').read()
    util = rep.get('utilization', {})
    bad = []
    print("iCEBreaker (iCE40UP5K-SG48) build:")
    for key, what in ROWS:
        u = util.get(key)
        if not u:
            continue
        used, avail = u['used'], u['available']
        print(f"  {what:22s} {used:5d} / {avail:5d}  ({100.0 * used / avail:5.1f}%)")
        if used > avail:
            bad.append(f"{what}: {used} used, {avail} available")
    lc = util.get('ICESTORM_LC', {'used': 0, 'available': 1})
    if 100.0 * lc['used'] / lc['available'] > a.lut_limit:
        bad.append(f"logic cells at {100.0 * lc['used'] / lc['available']:.1f}% "
                   f"(limit {a.lut_limit:g}%)")
    # Flip-flops: nextpnr logs the packer's count of DFFs in logic cells.
    m = re.findall(r'(\d+) LCs used as DFF only|Packed (\d+) DFFs', log)
    dffs = re.findall(r'DFFs? packed into LCs?: *(\d+)|(\d+) DFFs? +used', log)
    ff = sum(int(x or 0) for t in m for x in t) if m else None
    if ff is not None:
        print(f"  flip-flops (DFF-only LCs + packed) {ff}")
    del dffs
    # The clock: the report's fmax, cross-checked with the log's last line
    # (nextpnr prints an estimate before routing and the final figure after).
    fmax = rep.get('fmax', {})
    if not fmax:
        bad.append("no clock in the report")
    for clk, f in fmax.items():
        ach = f.get('achieved', 0.0)
        print(f"  clock {clk}: {ach:.2f} MHz achieved, {a.freq:g} MHz wanted")
        if ach < a.freq:
            bad.append(f"clock {clk} reaches {ach:.2f} MHz, below {a.freq:g} MHz")
    lines = re.findall(r"Max frequency for clock +'([^']+)': ([\d.]+) MHz", log)
    if lines:
        print(f"  (nextpnr log, final: {lines[-1][0]} {float(lines[-1][1]):.2f} MHz)")
    if bad:
        print("board: FAILED: " + "; ".join(bad))
        return 1
    print("board: fits and meets the clock")
    return 0


if __name__ == '__main__':
    sys.exit(main())
