#!/usr/bin/env python3
"""Generate build/gen/vm_contract.h from firmware/include/vm_contract.def.

Usage: vmcontract.py DEF OUTDIR [HEADER PREFIX] -> OUTDIR/vm_contract.h
(default; the round-trip contract, firmware/include/rt_contract.def, is
rt_contract.h with RTC_). Each "name value" line becomes
"#define VMC_<NAME> value"; duplicate names and malformed values are errors,
so the one description stays consistent.
"""
import os, sys


def parse(path):
    out, seen = [], set()
    for lineno, raw in enumerate(open(path), 1):
        text, _, comment = raw.partition('#')
        text = text.strip()
        if not text:
            continue
        parts = text.split()
        if len(parts) != 2:
            sys.exit(f"{path}:{lineno}: expected 'name value'")
        name, val = parts
        try:
            int(val, 0)
        except ValueError:
            sys.exit(f"{path}:{lineno}: bad value {val!r}")
        if name in seen:
            sys.exit(f"{path}:{lineno}: duplicate {name}")
        seen.add(name)
        out.append((name, val, comment.strip()))
    return out


def main():
    src, outdir = sys.argv[1], sys.argv[2]
    header, prefix = (sys.argv[3], sys.argv[4]) if len(sys.argv) > 4 else ('vm_contract.h', 'VMC')
    guard = 'AV_' + header.upper().replace('.', '_')
    items = parse(src)
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, header), 'w') as f:
        f.write(f"/* Generated from {src} by tools/gen/vmcontract.py: do not edit. */\n")
        f.write(f"#ifndef {guard}\n#define {guard}\n\n")
        for name, val, comment in items:
            v = val if val.startswith('0x') or int(val, 0) < 2**31 else val
            suffix = 'u' if int(val, 0) >= 2**31 else ''
            c = f"  /* {comment} */" if comment else ''
            f.write(f"#define {prefix}_{name:<18} {v}{suffix}{c}\n")
        f.write("\n#endif\n")


if __name__ == '__main__':
    main()
