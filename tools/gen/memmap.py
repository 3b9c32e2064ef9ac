#!/usr/bin/env python3
"""Generate the memory-map headers and the device tree from rtl/soc/memmap.def.

Usage: memmap.py DEF OUTDIR  -> OUTDIR/memmap.h, OUTDIR/memmap.vh, OUTDIR/soc.dts
The device tree is written for the default RAM size; the simulators patch the
memory node's size for --ram-size (libfdt), so one tree source serves all.
"""
import sys, os


def parse(path):
    regions, consts = [], []
    for lineno, raw in enumerate(open(path), 1):
        line = raw.split('#', 1)[0].strip()
        if not line:
            continue
        p = line.split()
        if p[0] == 'const':
            if len(p) != 3:
                sys.exit(f"{path}:{lineno}: expected 'const NAME value'")
            consts.append((p[1], int(p[2], 0)))
        elif len(p) == 4:
            size = None if p[2] == 'param' else int(p[2], 0)
            regions.append((p[0], int(p[1], 0), size, p[3]))
        else:
            sys.exit(f"{path}:{lineno}: expected 'region base size compatible'")
    return regions, dict(consts), consts


def main():
    src, out = sys.argv[1], sys.argv[2]
    regions, c, consts = parse(src)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, 'memmap.h'), 'w') as f:
        f.write(f"/* Generated from {src} by tools/gen/memmap.py: do not edit. */\n")
        f.write("#ifndef AV_MEMMAP_H\n#define AV_MEMMAP_H\n\n")
        for name, base, size, _ in regions:
            f.write(f"#define MM_{name.upper()}_BASE 0x{base:08x}\n")
            if size is not None:
                f.write(f"#define MM_{name.upper()}_SIZE 0x{size:08x}\n")
        for name, val in consts:
            f.write(f"#define MM_{name} 0x{val:x}\n")
        f.write("\n#endif\n")
    with open(os.path.join(out, 'memmap.vh'), 'w') as f:
        f.write(f"// Generated from {src} by tools/gen/memmap.py: do not edit.\n")
        for name, base, size, _ in regions:
            f.write(f"localparam logic [31:0] MM_{name.upper()}_BASE = 32'h{base:08x};\n")
            if size is not None:
                f.write(f"localparam logic [31:0] MM_{name.upper()}_SIZE = 32'h{size:08x};\n")
        for name, val in consts:
            f.write(f"localparam int MM_{name} = {val};\n")
    r = {name: (base, size, comp) for name, base, size, comp in regions}
    ram_base = r['ram'][0]
    ram_size = c['RAM_DEFAULT']
    with open(os.path.join(out, 'soc.dts'), 'w') as f:
        f.write(f"""// Generated from {src} by tools/gen/memmap.py: do not edit.
/dts-v1/;
/ {{
\t#address-cells = <1>;
\t#size-cells = <1>;
\tcompatible = "accent-v,soc";
\tmodel = "Accent-V SoC";
\tchosen {{ stdout-path = "/soc/uart@{r['uart'][0]:x}"; }};
\tcpus {{
\t\t#address-cells = <1>;
\t\t#size-cells = <0>;
\t\ttimebase-frequency = <{c['TIMEBASE_HZ']}>;
\t\tcpu0: cpu@0 {{
\t\t\tdevice_type = "cpu";
\t\t\treg = <0>;
\t\t\tcompatible = "accent-v,microcoded", "riscv";
\t\t\triscv,isa = "rv32ima_zicsr_zifencei";
\t\t\tmmu-type = "riscv,sv32";
\t\t\tclock-frequency = <{c['CLK_HZ']}>;
\t\t\tintc: interrupt-controller {{
\t\t\t\t#interrupt-cells = <1>;
\t\t\t\tinterrupt-controller;
\t\t\t\tcompatible = "riscv,cpu-intc";
\t\t\t}};
\t\t}};
\t}};
\tmemory@{ram_base:x} {{
\t\tdevice_type = "memory";
\t\treg = <0x{ram_base:x} 0x{ram_size:x}>;
\t}};
\tsoc {{
\t\t#address-cells = <1>;
\t\t#size-cells = <1>;
\t\tcompatible = "simple-bus";
\t\tranges;
""")
        for name in ('finisher', 'clint', 'uart'):
            base, size, comp = r[name]
            node = {'finisher': 'test', 'clint': 'clint', 'uart': 'uart'}[name]
            f.write(f"\t\t{node}@{base:x} {{\n\t\t\tcompatible = \"{comp}\";\n"
                    f"\t\t\treg = <0x{base:x} 0x{size:x}>;\n")
            if name == 'clint':
                f.write("\t\t\tinterrupts-extended = <&intc 3>, <&intc 7>;\n")
            if name == 'uart':
                f.write(f"\t\t\tclock-frequency = <{c['CLK_HZ']}>;\n")
            f.write("\t\t};\n")
        f.write("\t};\n};\n")


if __name__ == '__main__':
    main()
