#!/usr/bin/env python3
"""Logic depth of the synthesised board netlist (Yosys JSON after synth_ice40):
the longest register-to-register paths, counted in cell delays, with the nets
they pass. A quick stand-in for a routed timing report while exploring (a few
seconds instead of nextpnr's minutes): every LUT4 level costs LUT_NS plus a
net of NET_NS, a carry stage CARRY_NS, and the hard blocks their clock-to-out
(RAM, SPRAM) or their combinational delay (MAC16). The figures are rough
(calibrated against nextpnr's routed reports of this design at ~90% fill);
what they rank is which path to cut next, not the achieved clock.

usage: logic-depth.py top.json [-n PATHS] [--top MODULE]
"""
import argparse
import json
import re
import sys

LUT_NS = 1.3       # LUT4 in to out (UP5K)
NET_NS = 2.6       # an average routed net at this fill
CARRY_NS = 0.35    # one carry stage (CI -> CO)
# start points: clock-to-out of the sequential cells' outputs
CLK_TO_OUT = {'SB_RAM40_4K': 3.5, 'SB_SPRAM256KA': 4.5, 'DFF': 0.8}
MAC_NS = 10.0      # SB_MAC16 used combinationally (no output register)
MAC_CO_NS = 1.5    # SB_MAC16 with its output register: clock to out


def is_ff(t):
    return t.startswith('SB_DFF')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('json')
    ap.add_argument('-n', type=int, default=8, help='paths to print')
    ap.add_argument('--top', default=None)
    ap.add_argument('--skip', default=None, help='leave out end points whose cell name matches this regex')
    ap.add_argument('--brief', action='store_true', help='end points only')
    args = ap.parse_args()
    d = json.load(open(args.json))
    mods = d['modules']
    top = args.top or next(n for n, m in mods.items()
                           if m.get('attributes', {}).get('top') in (1, '1', '00000000000000000000000000000001'))
    m = mods[top]
    names = {}
    for n, info in m['netnames'].items():
        for i, b in enumerate(info['bits']):
            if isinstance(b, int):
                hidden = n.startswith('$') or info.get('hide_name')
                old = names.get(b)
                if old is None or (old[1] and not hidden) or (old[1] == hidden and len(n) < len(old[0].split('[')[0])):
                    names[b] = (f'{n}[{i}]' if len(info['bits']) > 1 else n, hidden)

    # per bit: (arrival, previous bit, cell label)
    drivers = {}       # bit -> (cell, type, [input bits], delay)
    starts = {}        # bit -> (arrival, label)
    ends = []          # (cell, type, [(port, bit)])
    for cn, c in m['cells'].items():
        t = c['type']
        conns = c['connections']
        dirs = c.get('port_directions', {})
        ins = [(p, b) for p, bits in conns.items() if dirs.get(p) == 'input' for b in bits if isinstance(b, int)]
        outs = [b for p, bits in conns.items() if dirs.get(p) == 'output' for b in bits if isinstance(b, int)]
        if is_ff(t) or t in ('SB_RAM40_4K', 'SB_SPRAM256KA', 'SB_IO', 'SB_PLL40_PAD', 'SB_GB'):
            co = CLK_TO_OUT['DFF'] if is_ff(t) else CLK_TO_OUT.get(t, 0.5)
            for b in outs:
                starts[b] = (co, f'{t} {cn}')
            ends.append((cn, t, ins))
        elif t == 'SB_LUT4':
            o = conns['O'][0]
            drivers[o] = (cn, t, [b for p, b in ins], LUT_NS + NET_NS)
        elif t == 'SB_CARRY':
            o = conns['CO'][0]
            ci = [b for p, b in ins if p == 'CI']
            other = [b for p, b in ins if p != 'CI']
            drivers[o] = (cn, t, ci + other, CARRY_NS)
            drivers[o] = (cn, t, ci, CARRY_NS, other)
        elif t == 'SB_MAC16':
            # an accumulator (output select 1, the counters) registers its
            # output: a start point, and its inputs end paths; a multiplier
            # with output select 0 is combinational
            prm = c.get('parameters', {})
            if any(int(str(prm.get(k, '0')), 2) != 0 for k in ('TOPOUTPUT_SELECT', 'BOTOUTPUT_SELECT')):
                for b in outs:
                    starts[b] = (MAC_CO_NS, f'{t} {cn}')
                ends.append((cn, t, ins))
            else:
                for b in outs:
                    drivers[b] = (cn, t, [b2 for p, b2 in ins], MAC_NS + NET_NS)
        else:
            for b in outs:
                drivers[b] = (cn, t, [b2 for p, b2 in ins], LUT_NS + NET_NS)

    sys.setrecursionlimit(100000)
    memo = {}

    def arrival(b):
        if b in memo:
            return memo[b]
        if b in starts:
            memo[b] = (starts[b][0], None)
            return memo[b]
        dr = drivers.get(b)
        if dr is None:
            memo[b] = (0.0, None)
            return memo[b]
        memo[b] = (0.0, None)   # break loops
        best, prev = 0.0, None
        if dr[1] == 'SB_CARRY':
            # CI -> CO along the chain; I0/I1 enter through a net and the carry
            cn, t, ci, dl, other = dr
            for x in ci:
                a = arrival(x)[0] + CARRY_NS
                if a > best:
                    best, prev = a, x
            for x in other:
                a = arrival(x)[0] + NET_NS + CARRY_NS
                if a > best:
                    best, prev = a, x
        else:
            for x in dr[2]:
                a = arrival(x)[0] + dr[3]
                if a > best:
                    best, prev = a, x
        memo[b] = (best, prev)
        return memo[b]

    paths = []
    for cn, t, ins in ends:
        for p, b in ins:
            a, _ = arrival(b)
            paths.append((a + (NET_NS if b in drivers else 0), cn, t, p, b))
    paths.sort(reverse=True)
    seen = set()
    shown = 0
    for a, cn, t, p, b in paths:
        key = (cn.split('.')[0] if False else cn, p)
        # one path per end register group (strip bit indices)
        grp = re.sub(r'\d+', '#', cn) + p
        if grp in seen or (args.skip and re.search(args.skip, cn)):
            continue
        seen.add(grp)
        print(f'{a:6.1f} ns  -> {t} {cn} .{p}')
        shown += 1
        if args.brief:
            if shown >= args.n:
                break
            continue
        chain = []
        x = b
        while x is not None:
            nm = names.get(x, (f'bit{x}', True))[0]
            dr = drivers.get(x)
            chain.append((memo.get(x, (0,))[0], nm, dr[1] if dr else starts.get(x, (0, '?'))[1]))
            x = memo.get(x, (0, None))[1]
        last = None
        for arr, nm, ty in reversed(chain):
            if ty == 'SB_CARRY' and last == 'SB_CARRY':
                continue
            print(f'        {arr:6.1f}  {nm}  ({ty})')
            last = ty
        if shown >= args.n:
            break


if __name__ == '__main__':
    main()
