"""The microassembler (tools/uasm): every error kind of docs/microcode-format.md
is reported as file:line: message with exit status 1 and no output written
(one source per kind in tests/ucode/bad/, each naming its expected error in a
'; expect:' line), and a good program assembles to the words, dispatch
entries, placement, Verilog, C and run-time image the format promises. The
real microcode (rtl/wcs/ucode/) must assemble too once it exists.

Bad sources may say '; def: FILE' (default test.def) and '; base: FILE.uc'
(assemble that first and build a run-time image against its symbol file).
Files named loadport* belong to the load-port tests and are not ours."""
import os, re, shutil, subprocess, tempfile
from run import Test, Failure, Skip

HERE = os.path.dirname(os.path.abspath(__file__))
BAD = os.path.join(HERE, 'bad')
GOOD = os.path.join(HERE, 'good')


def uasm(ctx):
    return os.path.join(ctx.build, 'uasm', 'uasm')


def prepare(ctx):
    ctx.make('build/uasm/uasm')


def tmpdir(ctx):
    base = os.path.join(ctx.build, 'test-ucode')
    os.makedirs(base, exist_ok=True)
    return tempfile.mkdtemp(dir=base)


def rel(ctx, p):
    return os.path.relpath(p, ctx.root)


def config_image(ctx, d, defn, srcs, doc=True):
    """Assemble a configuration image into d/out; return its directory."""
    out = os.path.join(d, 'out')
    cmd = [uasm(ctx), '-d', rel(ctx, defn), '-o', out]
    if doc:
        cmd += ['--doc', os.path.join(d, 'ref.md')]
    rc, text = ctx.run(cmd + [rel(ctx, s) for s in srcs])
    if rc != 0:
        raise Failure(f"uasm failed ({rc}):\n{text}")
    return out


# ------------------------------------------------------------ error tests

def bad_test(path):
    def t(ctx):
        src = open(path).read()
        m = re.search(r'^; expect: (?:(\S+?):)?(\d+): (.+)$', src, re.M)
        if not m:
            raise Failure(f"{path} has no '; expect: LINE: message' line")
        efile, eline, emsg = m.group(1), m.group(2), m.group(3).strip()
        dm = re.search(r'^; def: (\S+)$', src, re.M)
        defn = os.path.normpath(os.path.join(BAD, dm.group(1) if dm else 'test.def'))
        bm = re.search(r'^; base: (\S+)$', src, re.M)
        d = tmpdir(ctx)
        try:
            if bm:
                base = config_image(ctx, d, defn, [os.path.normpath(os.path.join(BAD, bm.group(1)))], doc=False)
                target = os.path.join(d, 'img.c')
                cmd = [uasm(ctx), '-d', rel(ctx, defn), '--base', os.path.join(base, 'ucode.sym'),
                       '--c-array', 'uc_test', '-o', target, rel(ctx, path)]
                written = [target]
            else:
                target = os.path.join(d, 'out')
                doc = os.path.join(d, 'ref.md')
                cmd = [uasm(ctx), '-d', rel(ctx, defn), '-o', target, '--doc', doc, rel(ctx, path)]
                written = [target, doc]
            rc, out = ctx.run(cmd)
            if rc != 1:
                raise Failure(f"exit status {rc}, expected 1:\n{out}")
            where = rel(ctx, os.path.normpath(os.path.join(BAD, efile))) if efile else rel(ctx, path)
            first = out.strip().splitlines()[0] if out.strip() else ''
            if not first.startswith(f"{where}:{eline}: ") or emsg not in first:
                raise Failure(f"expected '{where}:{eline}: ...{emsg}...', got:\n{out}")
            left = [w for w in written if os.path.exists(w)]
            if left:
                raise Failure(f"output written despite the error: {left}")
            leftover = [f for f in os.listdir(d) if '.tmp' in f]
            if leftover:
                raise Failure(f"temporary files left behind: {leftover}")
        finally:
            shutil.rmtree(d, ignore_errors=True)
    return t


# ------------------------------------------------------------- good image

# test.def layout: NEXT 2:0 (SEQ 0, JUMP 1, ENDI 2, BR 3), UADDR 11:3,
# ALU 15:12 (PASS 0, ADD 1, SUB 2), WB 17:16 (RD 1), IMM 29:18, MEM 31:30 (RD 1)
def word(NEXT=0, UADDR=0, ALU=0, WB=0, IMM=0, MEM=0):
    return NEXT | UADDR << 3 | ALU << 12 | WB << 16 | (IMM & 0xfff) << 18 | MEM << 30


# prog.uc placed by the rule: slot FP at 0x30; the rest first-fit in file
# order; one-word class routines (ADD, ILLEGAL) live only in the dispatch RAM,
# longer ones keep their second word onward in the control store.
EXPECT_CS = {
    0x00: word(WB=1, NEXT=2),                      # SUB+1
    0x01: word(NEXT=3, UADDR=0x01),                # LOAD+1 (.wait, a branch to itself)
    0x02: word(WB=1, NEXT=2),                      # LOAD+2
    0x03: word(IMM=-1),                            # TRAP+0 (entry)
    0x04: word(NEXT=2),                            # TRAP+1
    0x30: word(NEXT=1, UADDR=0x03),                # FP (slot) -> TRAP
}
LOAD0 = word(NEXT=1, UADDR=0x01, ALU=1, WB=1, IMM=0x7ff, MEM=1)
EXPECT_DISPATCH = {
    0: word(ALU=1, WB=1, NEXT=2),                  # ADD: one word, as written
    1: word(ALU=2, NEXT=1, UADDR=0x00),            # SUB: SEQ rewritten to JUMP SUB+1
    2: LOAD0,                                      # LW: dispatch line to LOAD
    3: LOAD0,                                      # LOAD
    4: word(IMM=-1, NEXT=1, UADDR=0x04),           # CSR_A: TRAP's first word (also at 0x03,
    5: word(IMM=-1, NEXT=1, UADDR=0x04),           # CSR_B: TRAP is an entry), jumping to TRAP+1
    6: word(NEXT=1, UADDR=0x03),                   # ILLEGAL -> TRAP
}
CLASSES = ['ADD', 'SUB', 'LW', 'LOAD', 'CSR_A', 'CSR_B', 'ILLEGAL']


def classify(insn):
    """Reference class of an instruction word under good/test.def."""
    if insn & 0xfe00707f == 0x00000033:
        return 0
    if insn & 0xfe00707f == 0x40000033:
        return 1
    if insn & 0x0000707f == 0x00002003:
        return 2
    if insn & 0x0000407f == 0x00000003:
        return 3
    if insn & 0xfff0007f == 0x30000073:
        return 4
    if insn & 0xfff0007f == 0x30100073:
        return 5
    return 6


SAMPLES = [0x30002073, 0x30101073, 0x30201073, 0x00208033, 0x40208033, 0x0000a083, 0x00009083, 0x0000c083, 0x00000013,
           0x00000000, 0xffffffff, 0x4020f033, 0x0020a023, 0x00108003]


def good_image(ctx, d):
    return config_image(ctx, d, os.path.join(GOOD, 'test.def'), [os.path.join(GOOD, 'prog.uc')])


def hexwords(path):
    return [int(l, 16) for l in open(path).read().split()]


def t_words(ctx):
    d = tmpdir(ctx)
    try:
        out = good_image(ctx, d)
        lines = open(os.path.join(out, 'cs.hex')).read().split()
        if len(lines) != 64 or any(len(l) != 10 for l in lines):
            raise Failure("cs.hex: want 64 lines of 10 hex digits (40-bit words)")
        cs = [int(l, 16) for l in lines]
        for a in range(64):
            want = EXPECT_CS.get(a, 0)
            if cs[a] != want:
                raise Failure(f"cs[{a:#x}] = {cs[a]:#x}, want {want:#x}")
        ds = hexwords(os.path.join(out, 'dispatch.hex'))
        if len(ds) != 16:
            raise Failure("dispatch.hex: want 16 entries")
        for c in range(16):
            want = EXPECT_DISPATCH.get(c, 0)
            if ds[c] != want:
                raise Failure(f"dispatch[{c}] ({CLASSES[c] if c < len(CLASSES) else '-'}) = {ds[c]:#x}, "
                              f"want {want:#x}")
    finally:
        shutil.rmtree(d, ignore_errors=True)


def t_symbols(ctx):
    d = tmpdir(ctx)
    try:
        out = good_image(ctx, d)
        sym = open(os.path.join(out, 'ucode.sym')).read()
        for line in ('label TRAP 0x3 2', 'label FP 0x30 1', 'slot FP 0x30 4', 'class LW 2',
                     'class ILLEGAL 6', 'free 0x5', 'used 0x0 1', 'used 0x1 2'):
            if not re.search(rf'^{re.escape(line)}\b', sym, re.M):
                raise Failure(f"ucode.sym lacks '{line}':\n{sym}")
        if re.search(r'^label (ADD|SUB|ILLEGAL|LOAD)\b', sym, re.M):
            raise Failure("dispatch-only routines have no control-store label:\n" + sym)
        vh = open(os.path.join(out, 'ucode_syms.vh')).read()
        for pat in (r"localparam \[5:0\] UA_TRAP = 6'h3;", r"localparam \[5:0\] UA_FP = 6'h30;",
                    r"localparam \[7:0\] UCLASS_LOAD = 8'h3;"):
            if not re.search(pat, vh):
                raise Failure(f"ucode_syms.vh lacks {pat}")
        fv = open(os.path.join(out, 'ucode_fields.vh')).read()
        for pat in (r"UC_WIDTH = 40;", r"UF_UADDR_HI = 11;", r"UF_UADDR_LO = 3;",
                    r"localparam \[1:0\] U_MEM_WR = 2'h2;", r"UC_ADDR_BITS = 6;"):
            if not re.search(pat, fv):
                raise Failure(f"ucode_fields.vh lacks {pat}")
        lst = open(os.path.join(out, 'ucode.lst')).read()
        if not re.search(r'^0x001 +000000000b +LOAD\+1 +NEXT=BR UADDR=\.wait', lst, re.M):
            raise Failure("ucode.lst lacks LOAD+1:\n" + lst)
        if 'rd <- rs1 + rs2; fetch next' not in lst:
            raise Failure("ucode.lst lost a comment")
    finally:
        shutil.rmtree(d, ignore_errors=True)


def t_doc(ctx):
    d = tmpdir(ctx)
    try:
        good_image(ctx, d)
        md = open(os.path.join(d, 'ref.md')).read()
        for c in CLASSES:
            if not re.search(rf'^### {c} \(class \d\)$', md, re.M):
                raise Failure(f"no section for class {c}")
        sub = md.split('### SUB (class 1)')[1].split('###')[0]
        if '`0100000----------000-----0110011`' not in sub:
            raise Failure("SUB section lacks its pattern")
        rows = [l for l in sub.splitlines() if l.startswith('| ') and 'address' not in l and '---' not in l]
        if len(rows) != 2 or not rows[0].startswith('| dispatch | `NEXT=JUMP UADDR=0x0 ALU=SUB`') \
                or not rows[1].startswith('| 0x000 | `NEXT=ENDI WB=RD` | rd <- t'):
            raise Failure("SUB table wrong:\n" + sub)
        add = md.split('### ADD (class 0)')[1].split('###')[0]
        if "Routine `ADD` (arithmetic). Register add." not in add:
            raise Failure("the ';;' section or routine description is missing:\n" + add)
        other = md.split('## Other routines')[1]
        if '### FP' not in other or 'Fixed slot at 0x30' not in other or '### TRAP' in other:
            raise Failure("other routines section wrong:\n" + other)
        csr = md.split('### CSR_A (class 4)')[1].split('###')[0]
        if 'Routine `TRAP` (traps), shared by 2 classes.' not in csr or \
                '| dispatch | `NEXT=JUMP UADDR=0x4 IMM=-1`' not in csr or '| 0x003 | `IMM=-1` | cause' not in csr:
            raise Failure("CSR_A (TRAP, an entry shared with classes) table wrong:\n" + csr)
    finally:
        shutil.rmtree(d, ignore_errors=True)


def t_verilog(ctx):
    d = tmpdir(ctx)
    try:
        out = good_image(ctx, d)
        if not shutil.which('verilator'):
            raise Skip("verilator not installed")
        top = os.path.join(d, 't.v')
        with open(top, 'w') as f:
            f.write("""module t(input [31:0] insn, input [5:0] upc, output [7:0] cls,
         output [127:0] nm, output [39:0] w);
`include "ucode_fields.vh"
`include "ucode_syms.vh"
`include "predecode.vh"
`include "ucode_names.vh"
assign cls = uc_class(insn);
assign nm = uc_name(upc);
assign w = {U_ALU_ADD, 16'd0, UA_TRAP, UA_FP, UCLASS_ADD};
endmodule
""")
        rc, text = ctx.run(['verilator', '--lint-only', '-Wall', f'-I{out}', top])
        if rc != 0:
            raise Failure("verilator -Wall:\n" + text)
        if shutil.which('yosys'):
            rc, text = ctx.run(['yosys', '-q', '-p', f'read_verilog -I{out} {top}; hierarchy -top t; proc'])
            if rc != 0:
                raise Failure("yosys:\n" + text)
        if not shutil.which('iverilog'):
            raise Skip("iverilog not installed: uc_class and uc_name not evaluated")
        tb = os.path.join(d, 'tb.v')
        with open(tb, 'w') as f:
            f.write("module tb;\n`include \"predecode.vh\"\n`include \"ucode_names.vh\"\ninitial begin\n")
            for s in SAMPLES:
                f.write(f"    $display(\"%0d\", uc_class(32'h{s:08x}));\n")
            for a in (0, 1, 2, 3, 4, 5, 0x30, 0x31):
                f.write(f"    $display(\"[%s]\", uc_name(6'd{a}));\n")
            f.write("end\nendmodule\n")
        exe = os.path.join(d, 'tb.vvp')
        rc, text = ctx.run(['iverilog', '-g2005', f'-I{out}', '-o', exe, tb])
        if rc != 0:
            raise Failure("iverilog:\n" + text)
        rc, text = ctx.run(['vvp', '-n', exe])
        lines = [l for l in text.splitlines() if l and not l.startswith('VCD')]
        got = [int(x) for x in lines[:len(SAMPLES)]]
        want = [classify(s) for s in SAMPLES]
        if got != want:
            raise Failure(f"uc_class: got {got}, want {want}")
        names = [l[1:-1] for l in lines[len(SAMPLES):]]
        wantn = [n.ljust(16) for n in ('SUB', 'LOAD', 'LOAD', 'TRAP', 'TRAP', '-', 'FP', '-')]
        if names != wantn:
            raise Failure(f"uc_name: got {names}, want {wantn}")
    finally:
        shutil.rmtree(d, ignore_errors=True)


def t_predecode_flat(ctx):
    """Patterns that leave opcode bits open get one flat casez; order still wins."""
    if not shutil.which('iverilog'):
        raise Skip("iverilog not installed")
    d = tmpdir(ctx)
    try:
        defn = os.path.join(d, 'flat.def')
        with open(defn, 'w') as f:
            f.write("width 8\nstore 4\ndispatch 4\nfield NEXT 1:0\n    SEQ 0\n    END 1\n    JUMP 2\n"
                    "field UADDR 3:2 address\nsequence NEXT SEQ\njump NEXT JUMP UADDR\n"
                    "class TOP 1-------------------------------\n"
                    "class ODD -------------------------------1\n"
                    "class BOTH 1------------------------------1\n"
                    "class REST *\n")
        src = os.path.join(d, 'flat.uc')
        with open(src, 'w') as f:
            f.write("X:\n    NEXT=END ; x\ndispatch * X\n")
        out = os.path.join(d, 'out')
        rc, text = ctx.run([uasm(ctx), '-d', defn, '-o', out, src])
        if rc != 0:
            raise Failure(text)
        if f"{defn}:13: warning: class BOTH never matches (class TOP takes all of it)" not in text:
            raise Failure("no warning for the shadowed class BOTH:\n" + text)
        tb = os.path.join(d, 'tb.v')
        with open(tb, 'w') as f:
            f.write('module tb;\n`include "predecode.vh"\ninitial begin\n')
            for s in (0x80000000, 0x00000001, 0x80000001, 0x00000002):
                f.write(f'    $display("%0d", uc_class(32\'h{s:08x}));\n')
            f.write('end\nendmodule\n')
        exe = os.path.join(d, 'tb.vvp')
        rc, text = ctx.run(['iverilog', '-g2005', f'-I{out}', '-o', exe, tb])
        if rc != 0:
            raise Failure(text)
        rc, text = ctx.run(['vvp', '-n', exe])
        if text.split() != ['0', '1', '0', '3']:
            raise Failure(f"uc_class gave {text.split()}, want 0 1 0 3 (BOTH is shadowed by TOP)")
    finally:
        shutil.rmtree(d, ignore_errors=True)


def t_c_header_and_image(ctx):
    """ucode.h compiles warning-free and agrees with the reference; a
    run-time image resolves labels through --base and places its routines."""
    d = tmpdir(ctx)
    try:
        out = good_image(ctx, d)
        img = os.path.join(d, 'img.c')
        rc, text = ctx.run([uasm(ctx), '-d', rel(ctx, os.path.join(GOOD, 'test.def')), '--base',
                            os.path.join(out, 'ucode.sym'), '--c-array', 'uc_img', '-o', img,
                            rel(ctx, os.path.join(GOOD, 'img.uc'))])
        if rc != 0:
            raise Failure("run-time image failed:\n" + text)
        main = os.path.join(d, 'main.c')
        with open(main, 'w') as f:
            f.write('#include <stdio.h>\n#include "ucode.h"\n'
                    'extern const struct uc_pair uc_img[];\nextern const unsigned uc_img_count;\n'
                    'int main(void)\n{\n'
                    '    static const uint32_t s[] = {' + ', '.join(f'0x{s:08x}u' for s in SAMPLES) + '};\n'
                    '    for (unsigned i = 0; i < sizeof s / sizeof s[0]; i++)\n'
                    '        printf("class %u %s\\n", uc_classify(s[i]), uc_class_table()[uc_classify(s[i])].name);\n'
                    '    printf("name %s %s %s\\n", uc_routine_name(1), uc_routine_name(0x30), uc_routine_name(9));\n'
                    '    printf("ua %d %d get %llu\\n", UA_TRAP, UA_FP, (unsigned long long)UC_GET(0x5ffd1009ull, IMM));\n'
                    '    for (unsigned i = 0; i < uc_img_count; i++)\n'
                    '        printf("pair %08x %08x %08x\\n", (unsigned)uc_img[i].target, (unsigned)uc_img[i].lo,'
                    ' (unsigned)uc_img[i].hi);\n'
                    '    return 0;\n}\n')
        exe = os.path.join(d, 'main')
        rc, text = ctx.run(['gcc', '-std=c99', '-Wall', '-Wextra', '-Werror', f'-I{out}', '-o', exe, main, img])
        if rc != 0:
            raise Failure("C build:\n" + text)
        rc, text = ctx.run([exe])
        got = text.splitlines()
        want = [f"class {classify(s)} {CLASSES[classify(s)]}" for s in SAMPLES]
        want += ["name LOAD FP -", "ua 3 48 get 2047"]
        # img.uc: FP in its slot (0x30, 2 words, jumping to the base's TRAP at 3);
        # SUB's second word first-fit in the base's free words (0x5); HELP at org 0x20;
        # then SUB's dispatch entry, jumping to SUB+1.
        pairs = [(0x30, word(ALU=1)), (0x31, word(NEXT=1, UADDR=3)),
                 (0x05, word(NEXT=1, UADDR=0x20)), (0x20, word(WB=1, NEXT=2)),
                 (0x80000001, word(ALU=2, NEXT=1, UADDR=0x05))]
        want += [f"pair {t:08x} {w & 0xffffffff:08x} {w >> 32:08x}" for t, w in pairs]
        if got != want:
            raise Failure("got:\n" + '\n'.join(got) + "\nwant:\n" + '\n'.join(want))
    finally:
        shutil.rmtree(d, ignore_errors=True)


def t_huge(ctx):
    """Long lines and a big program: no fixed-size limits, still fast."""
    d = tmpdir(ctx)
    try:
        defn = os.path.join(d, 'big.def')
        with open(defn, 'w') as f:
            f.write("width 64\nstore 65536\ndispatch 2\n"
                    "field NEXT 1:0 default SEQ\n    SEQ 0\n    JUMP 1\n    ENDI 2\n"
                    "field UADDR 17:2 address\nfield IMM 63:18\n"
                    "sequence NEXT SEQ\njump NEXT JUMP UADDR\n"
                    "class ONE 0000000000000000000000000000000_1\nclass ANY *\n")
        src = os.path.join(d, 'big.uc')
        n = 20000
        with open(src, 'w') as f:
            f.write(';; ' + 'x' * 200000 + '\n')
            f.write('ONE:\n    IMM=1 ; ' + 'long comment ' * 20000 + '\n    NEXT=JUMP UADDR=R0 ; go\n')
            f.write('ANY:\n    NEXT=ENDI ; nothing\n')
            for i in range(n):
                nxt = f'NEXT=JUMP UADDR=R{i + 1}' if i + 1 < n else 'NEXT=ENDI'
                f.write(f'R{i}:\n    IMM={i} ; r{i}\n    {nxt} ; next\n')
        rc, text = ctx.run([uasm(ctx), '-d', defn, '-o', os.path.join(d, 'out'), src], timeout=60)
        if rc != 0:
            raise Failure(text[-2000:])
        cs = hexwords(os.path.join(d, 'out', 'cs.hex'))
        # ONE's second word at 0 (its first is in the dispatch RAM), then
        # R0, R1, ... two words each, in file order
        if cs[1 + 2 * 123] != 123 << 18 or cs[2 + 2 * 123] != (1 | (1 + 2 * 124) << 2):
            raise Failure(f"R123 misplaced: {cs[1 + 2 * 123]:#x} {cs[2 + 2 * 123]:#x}")
    finally:
        shutil.rmtree(d, ignore_errors=True)


def t_usage(ctx):
    rc, text = ctx.run([uasm(ctx), '--help'])
    if rc != 0 or 'usage: uasm -d FIELDS.def -o DIR' not in text:
        raise Failure(f"--help ({rc}):\n{text}")
    rc, text = ctx.run([uasm(ctx), '-d'])
    if rc != 2 or 'usage' not in text:
        raise Failure(f"a missing argument gives status 2 and the usage ({rc}):\n{text}")
    rc, text = ctx.run([uasm(ctx), '-d', 'no/such.def', '-o', 'build/test-ucode/x', 'y.uc'])
    if rc != 1 or 'no/such.def' not in text:
        raise Failure(f"a missing file gives status 1 and its name ({rc}):\n{text}")


def t_real(ctx):
    """The project's own microcode assembles (make ucode)."""
    ud = os.path.join(ctx.root, 'rtl', 'wcs', 'ucode')
    if not os.path.exists(os.path.join(ud, 'fields.def')) or \
            not any(n.endswith('.uc') for n in os.listdir(ud)):
        raise Skip("rtl/wcs/ucode/fields.def and *.uc not written yet")
    r = subprocess.run(['make', '-s', '-C', ctx.root, 'ucode'], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True)
    if r.returncode != 0:
        raise Failure(r.stdout[-3000:])
    # the dispatch rule on the real image: no entry continues with a next word
    defs = open(os.path.join(ud, 'fields.def')).read()
    fv = open(os.path.join(ctx.build, 'ucode', 'ucode_fields.vh')).read()
    const = {m.group(1): int(m.group(2), 16) for m in re.finditer(r"localparam \[\d+:0\] (\w+) = \d+'h([0-9a-f]+);", fv)}
    ints = {m.group(1): int(m.group(2)) for m in re.finditer(r"localparam integer (\w+) = (\d+);", fv)}
    cont = []
    for m in re.finditer(r'^(sequence|fallthrough)\s+(\w+)\s+([\w ]+?)\s*(?:#.*)?$', defs, re.M):
        cont += [(m.group(2), const[f'U_{m.group(2)}_{v}']) for v in m.group(3).split()]
    if not any(f for f, v in cont):
        raise Failure("no sequence line in fields.def")
    sv = open(os.path.join(ctx.build, 'ucode', 'ucode_syms.vh')).read()
    ncls = int(re.search(r'UC_NCLASSES = (\d+);', sv).group(1))
    ds = hexwords(os.path.join(ctx.build, 'ucode', 'dispatch.hex'))
    if len(ds) != ints['UC_DISPATCH'] or len(hexwords(os.path.join(ctx.build, 'ucode', 'cs.hex'))) != ints['UC_STORE']:
        raise Failure("cs.hex or dispatch.hex has the wrong number of words")
    for c in range(ncls):
        for f, v in cont:
            lo, hi = ints[f'UF_{f}_LO'], ints[f'UF_{f}_HI']
            if (ds[c] >> lo) & ((1 << (hi - lo + 1)) - 1) == v:
                raise Failure(f"dispatch entry {c} continues with a next word ({f}={v})")


def collect(ctx):
    tests = []
    for name in sorted(os.listdir(BAD)):
        if name.endswith('.uc') and not name.startswith('loadport'):
            tests.append(Test('bad/' + name[:-3], bad_test(os.path.join(BAD, name))))
    tests += [Test('good/words', t_words), Test('good/symbols', t_symbols), Test('good/doc', t_doc),
              Test('good/verilog', t_verilog), Test('good/predecode_flat', t_predecode_flat), Test('good/c', t_c_header_and_image),
              Test('huge', t_huge), Test('usage', t_usage), Test('real', t_real)]
    return tests
