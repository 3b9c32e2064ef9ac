#!/usr/bin/env python3
"""make bench driver: runs the kernel benchmark images (firmware/kbench.mk)
and writes build/bench/results.md and gnuplot PNG plots.

Every figure is what kbench.c measured with the cycle CSR inside the run
(BENCH lines) or the kernel's own per-fault accounting (KSTAT lines); this
script only parses, lays out and fits (least squares for remap). Targets:
  rtl  build/sim/accentv-sim: the board's cycle counts
  iss  build/iss/accentv-iss: one "cycle" per instruction, labelled so
--target auto runs the RTL when the kernel completes there, and always the
ISS too (the only place the C software refill exists while the RTL lacks
the fast-path CSRs).

usage: run.py [--target auto|rtl|iss] [--out DIR] kbench.elf kbench-cpaths.elf
"""
import argparse, os, re, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SIM = os.path.join(ROOT, 'build', 'sim', 'accentv-sim')
ISS = os.path.join(ROOT, 'build', 'iss', 'accentv-iss')
TIMEOUT = {'rtl': 240, 'iss': 120}


def run(target, elf):
    """Run one image; return (ok, parsed dict, raw output, seconds)."""
    # line-buffered, so a run stopped by the time limit still shows (and
    # keeps) what it measured before it stopped
    cmd = (['stdbuf', '-oL'] if target == 'rtl' else []) + [SIM if target == 'rtl' else ISS, elf]
    t0 = time.time()
    try:
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                           errors='replace', timeout=TIMEOUT[target])
        out, rc = r.stdout, r.returncode
    except subprocess.TimeoutExpired as e:
        out = e.stdout.decode(errors='replace') if isinstance(e.stdout, bytes) else (e.stdout or '')
        out += f"\n[timed out after {TIMEOUT[target]} s]"
        rc = -1
    dt = time.time() - t0
    d = {'bench': {}, 'kstat': {}, 'fp': '?', 'opts': '?'}
    for line in out.splitlines():
        m = re.match(r'BENCH (\S+) (\d+) (\d+)$', line.strip())
        if m:
            d['bench'].setdefault(m.group(1), []).append((int(m.group(2)), int(m.group(3))))
        m = re.match(r'KSTAT (\S+) (\d+) (\d+)$', line.strip())
        if m:
            d['kstat'][m.group(1)] = (int(m.group(2)), int(m.group(3)))
        m = re.search(r'fast paths (present|absent)[^,]*\(fpen ([0-9a-f]+)\)', line)
        if m:
            d['fp'] = f"fast-path CSRs {m.group(1)}, fpen {m.group(2)}"
        m = re.search(r"kbench: boot options '([^']*)'", line)
        if m:
            d['opts'] = m.group(1)
    ok = rc == 0 and 'kbench: done' in out and 'audit: ok' in out
    return ok, d, out, dt


def demo(target, elf):
    """The `make run` demo's length: the harness's cycle count on the RTL,
    instructions (= the ISS's cycles) on the ISS; and the kernel's
    statistics block (label -> value, in the order printed)."""
    cmd = [SIM if target == 'rtl' else ISS, '--stats', elf]
    try:
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                           errors='replace', timeout=TIMEOUT[target])
    except subprocess.TimeoutExpired:
        return None
    m = re.search(r'(\d+) (cycles|instructions)', r.stdout.splitlines()[-1] if r.stdout else '')
    ok = r.returncode == 0 and 'demo: 4 of 4 buffers correct' in r.stdout
    stats = {}
    block = r.stdout.split('--- statistics ---', 1)[1] if '--- statistics ---' in r.stdout else ''
    for line in block.splitlines()[1:]:        # (the header line's end first)
        if not line.startswith('  '):
            break
        # "user      30806400 cycles (97.5%)", "faults zero-fill: 1, avg 1248 cycles":
        # the label is the text before the first figure
        lm = re.match(r'\s+(.*?)[\s:]*(\d.*|n/a)$', line)
        if lm:
            stats[lm.group(1).rstrip(' ,')] = lm.group(2)
    return (int(m.group(1)) if m and ok else None), (stats if ok else {})


def breakdown(tgt, runs, md):
    """The paper's breakdown of the `make run` workload (the kernel's own
    statistics), one column per image: paths in microcode, all in C."""
    labels = []
    for _, st in runs:
        labels += [k for k in st if k not in labels]
    md.append(f"### The `make run` workload, paths in microcode and in C ({tgt.upper()})\n")
    md.append("The kernel's statistics at the end of the demo (DESIGN \"Statistics\": user, fast-path, "
              "kernel and idle cycles over one `mcycle` window; faults by kind with their mean cycles; "
              "lazy pages; messages inline and mapped).\n")
    md.append('| statistic | ' + ' | '.join(name for name, _ in runs) + ' |')
    md.append('| --- |' + ' --- |' * len(runs))
    for k in labels:
        md.append(f'| {k} | ' + ' | '.join(st.get(k, 'n/a') for _, st in runs) + ' |')
    md.append('')


def one(d, name):
    v = d['bench'].get(name)
    return v[0][1] if v else None


def fit(points):
    """Least-squares line through (x, y): (slope, intercept)."""
    n = len(points)
    if n < 2:
        return None, None
    sx = sum(x for x, _ in points); sy = sum(y for _, y in points)
    sxx = sum(x * x for x, _ in points); sxy = sum(x * y for x, y in points)
    den = n * sxx - sx * sx
    if den == 0:
        return None, None
    a = (n * sxy - sx * sy) / den
    return a, (sy - a * sx) / n


def fmt(v):
    return 'n/a' if v is None else f"{v:,}".replace(',', ' ')


def ratio(a, b):
    return '—' if not a or not b else f"{a / b:.2f}"


def gnuplot(script):
    r = subprocess.run(['gnuplot'], input=script, text=True, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT)
    if r.returncode != 0:
        print("gnuplot failed:\n" + r.stdout, file=sys.stderr)


def series(dat, items):
    """gnuplot plot clauses for the data files that exist (an image not run
    has none)."""
    return ', '.join(f"'{dat}/{f}.dat' using {u} with {w} title '{t}'"
                     for f, u, w, t in items if os.path.exists(f"{dat}/{f}.dat"))


OPS = [  # (label, BENCH name, KSTAT name, which microcode serves it)
    ('null system call (general trap path)', 'sys_null', None, 'refill only'),
    ('null message round trip', 'rtt_null', None, 'refill only'),
    ('64-byte inline round trip', 'rtt_inline64', None, 'refill only'),
    ('64 KiB out-of-line round trip', ('rtt_ool', 65536), None, 'remap (custom-1)'),
    ('process create + destroy (empty)', 'proc_create_destroy', None, 'refill only'),
    ('process life from ELF (exit0: create, run to exit, destroy)', 'proc_elf_life', None, 'refill, zero-fill'),
    ('zero-fill fault', 'zero_fill', 'zero_fill', 'zero-fill'),
    ('copy-on-write fault, with copy', 'cow_copy', 'cow_copy', 'copy-on-write'),
    ('copy-on-write fault, last sharer', 'cow_last', 'cow_last', 'copy-on-write'),
    ('TLB refill, per miss', 'tlb_refill', 'tlb_refill', 'refill: microcode walk'),
]


def get(d, key):
    if isinstance(key, tuple):
        return dict(d['bench'].get(key[0], [])).get(key[1])
    return one(d, key)


def section(tgt, res, outdir, md):
    """Tables and plots for one target; res = {'mc': parsed, 'c': parsed}."""
    mc, c = res['mc'], res['c']
    if c.get('same'):
        c = {'bench': {}, 'kstat': {}, 'fp': mc['fp'], 'same': True}
    elif c.get('failed'):
        # keep what it measured before it stopped; the rest says n/a
        c = dict(c)
    label = {'rtl': 'RTL cycles (build/sim/accentv-sim, mcycle: the board\'s cycle counts)',
             'iss': 'ISS cycles (not RTL): build/iss/accentv-iss counts one cycle per instruction'}[tgt]
    md.append(f"## {label}\n")
    md.append(f"- default image (`nopreempt`): {mc['fp']}; cpaths image (`nopreempt cpaths`): {c['fp']}")
    if tgt == 'iss':
        md.append("- the ISS has no TLB in hardware-refill mode, so its hardware/microcode walk costs 0 "
                  "cycles there; its TLB figure is only the C refill's instruction count")
    same = c.get('same')
    if same:
        md.append("- **this core has no fast-path CSRs (0x5C0-0x5C6) yet**: the kernel runs as on QEMU, "
                  "the hardware walks every miss and `cpaths` can switch nothing, so the `cpaths` image "
                  "was not run here and its columns say n/a; the C software refill is measured on the "
                  "ISS below")
    md.append("- the default image loads the fast-path microcode (rtl/wcs/fastpaths.uc) and runs "
              "zero-fill, copy-on-write, remap and TLB refill in microcode (fpen f); `cpaths` runs "
              "all four in C (fpen 0)\n")
    md.append("### Per operation\n")
    md.append("| operation | all in C (`cpaths`) | microcode (default) "
              "| ratio C / microcode | kernel's own handler cycles (default / cpaths) | microcode fast path |")
    md.append("| --- | ---: | ---: | ---: | ---: | --- |")
    bars = []
    for lab, key, ks, mcnote in OPS:
        vc, vm = get(c, key), get(mc, key)
        kk = ''
        if ks:
            a, b = mc['kstat'].get(ks), c['kstat'].get(ks)
            kk = f"{fmt(a[1]) if a and a[0] else '—'} / {fmt(b[1]) if b and b[0] else '—'}"
        md.append(f"| {lab} | {fmt(vc)} | {fmt(vm)} | {ratio(vc, vm)} | {kk} | {mcnote} |")
        bars.append((lab, vc or 0, vm or 0))
    # remap itself: the slope of the kernel's cycles around the remap alone
    rc, rm = fit(c['bench'].get('remap_op', []))[0], fit(mc['bench'].get('remap_op', []))[0]
    md.append(f"| remap per page (least squares over 1..256 pages) | {'n/a' if rc is None else f'{rc:.1f}'} "
              f"| {'n/a' if rm is None else f'{rm:.1f}'} | {ratio(rc, rm)} | | remap (custom-1) |")
    md.append("")
    md.append("Faults: a loop touching 64 fresh pages less the same loop on resident pages, over 64. "
              "TLB: a loop over 4 resident pages 1 MiB apart (one slot of a 256-entry direct-mapped "
              "TLB) less the same loop over one page, per access. Round trips: mean of 16-64 after a "
              "warm-up (4 for 256 KiB and 1 MiB); the server receives, and replies empty in its next "
              "reply-and-receive call, which releases the request's out-of-line data "
              "(`AV_RELEASE`). Process: spawn of an empty process, terminate, wait. "
              "Remap per page: the kernel reads the cycle CSR around the `custom-1` instructions "
              "(default image) or around its C twin `vm_remap` (`cpaths`) of a send of 1..256 "
              "resident pages (its `cycles_remap` statistic; best of 3), and the slope is "
              "fitted.\n")

    md.append("### Message round trip against size\n")
    md.append("| bytes | kind | all in C (`cpaths`) | default | ratio |")
    md.append("| ---: | --- | ---: | ---: | ---: |")
    for kind in ('rtt_inline', 'rtt_ool'):
        for x, vm in mc['bench'].get(kind, []):
            vc = dict(c['bench'].get(kind, [])).get(x)
            md.append(f"| {x} | {'inline copy' if kind == 'rtt_inline' else 'out of line, copy-on-write'} "
                      f"| {fmt(vc)} | {fmt(vm)} | {ratio(vc, vm)} |")
    md.append("")

    md.append("### Remap (send of n resident pages out of line; best of 3 after a warm-up)\n")
    md.append("| pages | send, C | send, default | receive, C | receive, default | remap alone, C | remap alone, microcode |")
    md.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for x, vm in mc['bench'].get('remap_send', []):
        md.append(f"| {x} | {fmt(dict(c['bench'].get('remap_send', [])).get(x))} | {fmt(vm)} "
                  f"| {fmt(dict(c['bench'].get('remap_receive', [])).get(x))} "
                  f"| {fmt(dict(mc['bench'].get('remap_receive', [])).get(x))} "
                  f"| {fmt(dict(c['bench'].get('remap_op', [])).get(x))} "
                  f"| {fmt(dict(mc['bench'].get('remap_op', [])).get(x))} |")
    fits = {}
    for nm, d in (('C', c), ('default', mc)):
        for op in ('remap_send', 'remap_receive', 'remap_op'):
            fits[(nm, op)] = fit(d['bench'].get(op, []))
    md.append("")
    md.append("| least squares over 1..256 pages | cycles per page | intercept |")
    md.append("| --- | ---: | ---: |")
    for (nm, op), (a, b) in fits.items():
        if a is not None:
            md.append(f"| {op.replace('remap_op', 'remap alone').replace('remap_', '')}, {nm} | {a:.1f} | {b:.0f} |")
    md.append("\nThe default image remaps in microcode (`custom-1`, at most 64 pages a call; the C "
              "twin finishes what it leaves); `cpaths` remaps in C.\n")

    md.append("### Region operations (best of 3)\n")
    md.append("| pages | allocate C / default | copy C / default | deallocate C / default |")
    md.append("| ---: | ---: | ---: | ---: |")
    for x, _ in mc['bench'].get('vm_allocate', []):
        cells = []
        for op in ('vm_allocate', 'vm_copy', 'vm_deallocate'):
            cells.append(f"{fmt(dict(c['bench'].get(op, [])).get(x))} / {fmt(dict(mc['bench'].get(op, [])).get(x))}")
        md.append(f"| {x} | " + ' | '.join(cells) + " |")
    md.append("")

    # ---- plots ----
    dat = os.path.join(outdir, f'data-{tgt}')
    os.makedirs(dat, exist_ok=True)
    for f in os.listdir(dat):                   # no stale series from an earlier run
        os.remove(os.path.join(dat, f))
    for nm, d in (('c', c), ('mc', mc)):
        for k, v in d['bench'].items():
            with open(os.path.join(dat, f'{nm}-{k}.dat'), 'w') as f:
                for x, y in v:
                    f.write(f"{x} {y}\n")
    term = "set terminal pngcairo size 900,600 font 'sans,10'\n"
    title = 'RTL cycles' if tgt == 'rtl' else 'ISS cycles (not RTL)'
    gnuplot(term + f"""set output '{outdir}/rtt-{tgt}.png'
set title 'Message round trip against size ({title})'
set logscale x 2; set logscale y 10; set xrange [1:4194304]
set xlabel 'message data (bytes; inline plotted at bytes + 1 so that 0 B shows)'; set ylabel 'cycles per round trip'
set key top left; set grid
plot """ + series(dat, [('c-rtt_inline', '($1+1):2', 'linespoints', 'inline, all C (cpaths)'),
                         ('mc-rtt_inline', '($1+1):2', 'linespoints', 'inline, default'),
                         ('c-rtt_ool', '1:2', 'linespoints', 'out of line COW, all C (cpaths)'),
                         ('mc-rtt_ool', '1:2', 'linespoints', 'out of line COW, default')]) + "\n")
    fs = []
    for nm, lab in (('c', 'C'), ('mc', 'default')):
        a, b = fits[(lab, 'remap_send')]
        if a is not None:
            fs.append(f"{a:.3f}*x+{b:.1f} with lines dashtype 2 title 'fit, {lab}: {a:.0f}/page + {b:.0f}'")
    gnuplot(term + f"""set output '{outdir}/remap-{tgt}.png'
set title 'Remap: send cycles against pages ({title})'
set xlabel 'pages sent out of line'; set ylabel 'cycles per send'; set key top left; set grid
plot """ + series(dat, [('c-remap_send', '1:2', 'points pt 7', 'send, all C (cpaths)'),
                         ('mc-remap_send', '1:2', 'points pt 5', 'send, default')])
            + (', ' + ', '.join(fs) if fs else '') + "\n")
    with open(os.path.join(dat, 'ops.dat'), 'w') as f:
        for lab, vc, vm in bars:
            f.write(f'"{lab}" {vc} {vm}\n')
    gnuplot(term + f"""set output '{outdir}/ops-{tgt}.png'
set title 'Per-operation cost ({title})'
set style data histograms; set style histogram clustered gap 1; set style fill solid 0.8 border -1
set logscale y 10; set ylabel 'cycles'; set xtics rotate by -30 scale 0 font ',8'; set grid y
set key top right; set bmargin 8
plot '{dat}/ops.dat' using 2:xtic(1) title 'all C (cpaths)', '' using 3 title 'microcode fast paths (default)'
""")
    md.append(f"Plots: `rtt-{tgt}.png` (round trip against size), `remap-{tgt}.png` (remap against "
              f"pages), `ops-{tgt}.png` (per-operation costs).\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--target', default='auto', choices=['auto', 'rtl', 'iss'])
    ap.add_argument('--out', default=os.path.join(ROOT, 'build', 'bench'))
    ap.add_argument('--demo', help='the demo image (build/fw/kernel.elf): also time it')
    ap.add_argument('--demo-cpaths', help='the demo with boot option cpaths: its statistics beside')
    ap.add_argument('images', nargs=2)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    mc_img, c_img = a.images
    targets = ['rtl', 'iss'] if a.target in ('auto', 'rtl') else ['iss']
    md = ["# Accent-V kernel benchmarks\n",
          "Generated by `make bench` (firmware/kbench.mk, firmware/bench-kernel/run.py) from the "
          "cycle counts the benchmark program (firmware/bench-kernel/kbench.c) reads with `rdcycle` "
          "inside the run, and the kernel's own per-fault accounting. Two images: the default "
          "(`nopreempt`: the kernel loads the fast-path microcode; TLB refill, zero-fill, "
          "copy-on-write and remap run in microcode) and `cpaths` (everything in C, TLB refill "
          "included).\n"]
    status = 0
    for tgt in targets:
        res, bad = {}, []
        for key, img in (('mc', mc_img), ('c', c_img)):
            if key == 'c' and 'absent' in res['mc']['fp']:
                # no fpen CSR: the kernel cannot switch any path, so the
                # cpaths image would run exactly the default's paths again
                print(f"bench: {os.path.basename(img)} on {tgt}: skipped (no fast-path CSRs)", flush=True)
                res['c'] = dict(res['mc'], same=True)
                continue
            print(f"bench: {os.path.basename(img)} on {tgt} ...", flush=True)
            ok, d, out, dt = run(tgt, img)
            with open(os.path.join(a.out, f"{tgt}-{os.path.basename(img)}.log"), 'w') as f:
                f.write(out)
            print(f"bench:   {'ok' if ok else 'FAILED'} in {dt:.0f} s", flush=True)
            res[key] = d
            if not ok:
                bad.append((img, out))
        if bad:
            md.append(f"## {tgt.upper()}: {len(bad)} benchmark image(s) did not complete\n")
            for img, out in bad:
                tail = '\n'.join(out.splitlines()[-12:])
                md.append(f"`{os.path.basename(img)}` (figures it did not reach say n/a; its output "
                          f"is in `{tgt}-{os.path.basename(img)}.log`; known causes: firmware/kernel/README.md, "
                          f"Known gaps):\n\n```\n{tail}\n```\n")
            if not (tgt == 'rtl' and a.target == 'auto'):
                status = 1
            if any(img == mc_img for img, _ in bad):
                continue
            res['c'] = dict(res['c'], failed=True)
        section(tgt, res, a.out, md)
        if a.demo:
            unit = 'cycles' if tgt == 'rtl' else 'ISS cycles (instructions)'
            runs = []
            for img, col, what in ((a.demo, 'microcode (default)',
                                    f"`make run` demo ({os.path.basename(a.demo)}: 4 x 256 KiB "
                                    f"through 3 stages, preemption on)"),
                                   (a.demo_cpaths, 'all in C (`cpaths`)',
                                    "The same demo all in C (boot option `cpaths`)")):
                if not img:
                    continue
                print(f"bench: the demo {os.path.basename(img)} on {tgt} ...", flush=True)
                n, st = demo(tgt, img)
                md.append(f"{what}: {fmt(n)} {unit}{'' if n else ' (did not complete)'}.\n")
                runs.append((col, st))
                if not n and a.demo_cpaths:
                    status = 1
            breakdown(tgt, runs, md)
        if tgt == 'rtl':
            g = res['mc']
            legs = (g['bench'].get('rtt_null_legs_kernel') or [None])[0]
            md.insert(2, "| goal (DESIGN) | RTL cycles | goal |\n| --- | ---: | ---: |\n"
                      f"| null system call (general path, for scale) | {fmt(one(g, 'sys_null'))} | |\n"
                      f"| null message round trip | {fmt(one(g, 'rtt_null'))} | 600 |\n"
                      f"| its legs the kernel ran, of {fmt(legs[0] if legs else None)} (the rest: the "
                      f"round trip's microcode) | {fmt(legs[1] if legs else None)} | 0 |\n"
                      f"| 64 KiB out-of-line round trip | {fmt(get(g, ('rtt_ool', 65536)))} | 4 000 |\n"
                      f"| process create + destroy (empty process) | {fmt(one(g, 'proc_create_destroy'))} | 4 000 |\n"
                      f"| process life from ELF (exit0, for scale) | {fmt(one(g, 'proc_elf_life'))} | |\n")
    path = os.path.join(a.out, 'results.md')
    with open(path, 'w') as f:
        f.write('\n'.join(md) + '\n')
    print(f"bench: wrote {path}")
    return status


if __name__ == '__main__':
    sys.exit(main())
