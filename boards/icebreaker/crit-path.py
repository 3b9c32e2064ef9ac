#!/usr/bin/env python3
"""The clock and the critical path of a nextpnr-ice40 run, short: the last
"Max frequency" of each clock in the log (nextpnr 0.4 prints it after
placement and again after routing; the last one counts) and, from the
--report JSON, the critical path as one line per cell it passes, with the
cumulative delay, the logic/routing split and the net's name (Yosys's long
generated names cut down to their first meaningful part).

usage: crit-path.py report.json [nextpnr.log]
"""
import json
import re
import sys


def short(net):
    """u_soc.u_core.foo_SB_LUT4_O_I2_SB_LUT4_... -> u_core.foo (…)"""
    net = re.sub(r'^u_soc\.', '', net or '')
    m = re.match(r'(.*?)(_SB_[A-Z0-9_]+.*)$', net)
    return (m.group(1) + ' (…)') if m else net


def real_clocks(names):
    """The clocks that clock the design: not a DSP's unused clock pin tied
    low ($PACKER_GND_NET), and the oscillator's pad clock only when it is
    the clock itself (12 and 6 MHz builds, no PLL), not the PLL's input."""
    names = [n for n in names if 'GND' not in n]
    core = [n for n in names if 'glb_clk' not in n]
    return core or names


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    rep = json.load(open(sys.argv[1]))
    if len(sys.argv) > 2:
        last = {}
        for line in open(sys.argv[2], errors='replace'):
            m = re.search(r"Max frequency for clock\s+'([^']+)': ([\d.]+) MHz \((PASS|FAIL) at ([\d.]+) MHz\)", line)
            if m:
                last[m.group(1)] = (float(m.group(2)), m.group(3), float(m.group(4)))
        for clk, (f, verdict, goal) in last.items():
            if clk in real_clocks(last):
                print(f"clock {clk}: {f:.2f} MHz ({1000.0 / f:.1f} ns), {verdict} at {goal:.2f} MHz")
    paths = rep.get('critical_paths') or []
    if not paths:
        print("no critical path in the report (placement only: IB_ROUTE=0)")
        return
    clocks = real_clocks(rep.get('fmax') or {})
    for cp in paths:
        if cp.get('from') != cp.get('to') or \
           not any(str(cp.get('from')) == f'posedge {c}' for c in clocks):
            continue
        total = logic = route = 0.0
        print(f"critical path {cp.get('from')} -> {cp.get('to')}:")
        for step in cp.get('path', []):
            d = float(step.get('delay', 0.0))
            total += d
            kind = step.get('type', '')
            if kind == 'routing':
                route += d
                continue
            logic += d
            to = step.get('to', {})
            where = f"{to.get('cell', '')}.{to.get('port', '')}"
            net = short(step.get('net', '')) if step.get('net') else ''
            print(f"  {total:7.2f} ns  {kind:<10} {short(where)}  {net}")
        print(f"  {total:.2f} ns: {logic:.2f} ns logic, {route:.2f} ns routing")


if __name__ == '__main__':
    main()
