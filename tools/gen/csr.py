#!/usr/bin/env python3
"""Generate the CSR number headers from rtl/core/csr.def.

Usage: csr.py DEF OUTDIR  -> OUTDIR/csr.h, OUTDIR/csr.vh
The .def file is the only place a CSR number is written down.
"""
import sys, os


def parse(path):
    csrs = []
    seen = {}
    for lineno, raw in enumerate(open(path), 1):
        line = raw.split('#', 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        if len(parts) != 2:
            sys.exit(f"{path}:{lineno}: expected 'name number'")
        name, num = parts[0], int(parts[1], 0)
        if name in seen or num in seen.values():
            sys.exit(f"{path}:{lineno}: duplicate CSR {name} / {num:#x}")
        if not 0 <= num < 4096:
            sys.exit(f"{path}:{lineno}: CSR number out of range")
        seen[name] = num
        csrs.append((name, num))
    return csrs


def main():
    src, out = sys.argv[1], sys.argv[2]
    csrs = parse(src)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, 'csr.h'), 'w') as f:
        f.write(f"/* Generated from {src} by tools/gen/csr.py: do not edit. */\n")
        f.write("#ifndef AV_CSR_H\n#define AV_CSR_H\n\n")
        for name, num in csrs:
            f.write(f"#define CSR_{name.upper():<16} 0x{num:03x}\n")
        f.write("\n#ifndef __ASSEMBLER__\n")
        f.write("/* Name table for disassemblers: sorted by number. */\n")
        f.write("static const struct { unsigned num; const char *name; } av_csr_names[] = {\n")
        for name, num in sorted(csrs, key=lambda c: c[1]):
            f.write(f"    {{0x{num:03x}, \"{name}\"}},\n")
        f.write("};\n#endif\n\n#endif\n")
    with open(os.path.join(out, 'csr.vh'), 'w') as f:
        f.write(f"// Generated from {src} by tools/gen/csr.py: do not edit.\n")
        for name, num in csrs:
            f.write(f"localparam logic [11:0] CSR_{name.upper()} = 12'h{num:03x};\n")


if __name__ == '__main__':
    main()
