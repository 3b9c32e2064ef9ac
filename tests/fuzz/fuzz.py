#!/usr/bin/env python3
"""CPU fuzzing with tools/rigen's random programs (make fuzz-cpu SEEDS=N).

For each seed:
  iss    the full program (misaligned accesses and jump targets, ebreak tval
         included) runs on the reference ISS and must pass and print its
         31-word signature;
  cosim  the same program runs on the RTL in lock-step co-simulation
         (build/sim/accentv-sim --cosim): every retire record is checked
         against the ISS, and the RTL's printed signature must equal the ISS's;
  qemu   the --qemu program (without what QEMU 7.2 does differently by design)
         runs on the ISS and on QEMU; the printed signatures must match;
  swr    the program built with --swrefill (its software-refill stretches
         run with fpen bit 0 clear, TLB misses served by the program's own
         handler through 0x5C5/0x5C6) must print the same signature on the
         ISS as the program with hardware refill.

usage: fuzz.py [--seeds N | --seed-list A,B,...] [--first S] [--count N]
               [--checks iss,cosim,qemu,swr] [--without amo,su,vm,mprv,swr,irq] [-j N]
--without leaves features out of the programs (rigen --without), for a core
that lacks them yet; the default (also from $FUZZ_WITHOUT) is none.
Exit status 0 when every check of every seed passed. The last line gives
seeds, checks, failures and the instructions the ISS executed.
"""
import argparse, concurrent.futures as cf, os, re, subprocess, sys, threading

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = os.path.join(ROOT, 'build', 'fuzz')
RIGEN = os.path.join(ROOT, 'build', 'rigen', 'rigen')
ISS = os.path.join(ROOT, 'build', 'iss', 'accentv-iss')
SIM = os.path.join(ROOT, 'build', 'sim', 'accentv-sim')
RV_CC = os.environ.get('RV_CC', 'riscv64-unknown-elf-gcc')
sys.path.insert(0, os.path.join(ROOT, 'tools'))
from qemu_ref import qemu_cmd  # noqa: E402  (the path above first)
QEMU = [*qemu_cmd(), '-kernel']
MAX_INSNS = 20_000_000
WITHOUT = os.environ.get('FUZZ_WITHOUT', '')
SIG_LINES = 31


class FuzzError(Exception):
    pass


def run(cmd, timeout=300, env=None):
    try:
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           errors='replace', timeout=timeout, env=env)
        return r.returncode, r.stdout, r.stderr
    except subprocess.TimeoutExpired:
        return -1, '', f'timed out after {timeout}s: {" ".join(cmd)}'


# The checks of one seed run side by side (-j) and several need the same
# program: each is built once, under its own lock, and then shared.
_built, _built_lock = {}, threading.Lock()


def build(seed, count, qemu, without=None, swrefill=False):
    """Generate and assemble one program (once per run); return its ELF path."""
    os.makedirs(BUILD, exist_ok=True)
    without = WITHOUT if without is None else without
    tag = '-without-' + without.replace(',', '-') if without else ''
    kind = 'q' if qemu else 'w' if swrefill else 's'
    stem = os.path.join(BUILD, f"{kind}{seed}{tag}")
    with _built_lock:
        entry = _built.setdefault((stem, count), [threading.Lock(), None])
    with entry[0]:
        if entry[1] is None:
            entry[1] = assemble(stem, seed, count, qemu, without, swrefill)
        return entry[1]


def assemble(stem, seed, count, qemu, without, swrefill):
    args = [RIGEN, '--seed', str(seed), '--count', str(count), '-o', stem + '.S']
    if qemu:
        args.append('--qemu')
    if swrefill:
        args.append('--swrefill')
    if without:
        args += ['--without', without]
    rc, out, err = run(args)
    if rc:
        raise FuzzError(f"rigen failed: {err}")
    rc, out, err = run([RV_CC, '-march=rv32ima_zicsr_zifencei', '-mabi=ilp32', '-nostdlib',
                        '-nostartfiles', '-T', os.path.join(ROOT, 'tests/common/link.ld'),
                        '-Wl,--no-relax', '-o', stem + '.elf', stem + '.S'])
    if rc:
        raise FuzzError(f"assembling {stem}.S failed: {err[-2000:]}")
    return stem + '.elf'


def signature(out, who, elf):
    lines = [l for l in out.splitlines() if re.fullmatch(r'[0-9a-f]{8}', l)]
    if len(lines) != SIG_LINES:
        raise FuzzError(f"{who} printed {len(lines)} signature words, not {SIG_LINES} ({elf})")
    return lines


def run_iss(elf):
    env = dict(os.environ, ACCENTV_ISS_STATS='1')
    rc, out, err = run([ISS, '--max-cycles', str(MAX_INSNS), elf], env=env)
    if rc:
        raise FuzzError(f"ISS exit {rc} on {elf}: {err.strip()[-500:]}")
    m = re.search(r'(\d+) instructions in', err)
    return signature(out, 'the ISS', elf), int(m.group(1)) if m else 0


def check_iss(seed, count):
    sig, n = run_iss(build(seed, count, False))
    return n


def check_cosim(seed, count, extra=(), without=None):
    elf = build(seed, count, False, without)
    sig, n = run_iss(elf)
    rc, out, err = run([SIM, '--cosim', *extra, '--max-cycles', str(MAX_INSNS * 40), elf],
                       timeout=1800)
    if rc:
        text = (out + err).strip()
        at = text.find('cosim: MISMATCH')   # show the report from its start
        text = text[at:at + 4000] if at >= 0 else text[-3000:]
        raise FuzzError(f"co-simulation exit {rc} on {elf}:\n{text}")
    rtl = signature(out, 'the RTL', elf)
    if rtl != sig:
        diff = [f"  word {i + 1}: iss {a} rtl {b}" for i, (a, b) in enumerate(zip(sig, rtl)) if a != b]
        raise FuzzError(f"RTL signature differs from the ISS's ({elf}):\n" + "\n".join(diff))
    return n


def check_qemu(seed, count):
    elf = build(seed, count, True)
    sig, n = run_iss(elf)
    rc, out, err = run(QEMU + [elf], timeout=120)
    if rc:
        raise FuzzError(f"QEMU exit {rc} on {elf}: {err.strip()[-500:]}")
    q = signature(out, 'QEMU', elf)
    if q != sig:
        diff = [f"  word {i + 1}: iss {a} qemu {b}" for i, (a, b) in enumerate(zip(sig, q)) if a != b]
        raise FuzzError(f"QEMU's signature differs from the ISS's ({elf}):\n" + "\n".join(diff))
    return n


def check_swr(seed, count):
    hw, n = run_iss(build(seed, count, False))
    elf = build(seed, count, False, swrefill=True)
    sw, n2 = run_iss(elf)
    if sw != hw:
        diff = [f"  word {i + 1}: hardware {a} software {b}" for i, (a, b) in enumerate(zip(hw, sw)) if a != b]
        raise FuzzError(f"software refill changed the signature ({elf}):\n" + "\n".join(diff))
    return n2


CHECKS = {'iss': check_iss, 'cosim': check_cosim, 'qemu': check_qemu, 'swr': check_swr}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--seeds', type=int, default=4)
    ap.add_argument('--first', type=int, default=1)
    ap.add_argument('--seed-list')
    ap.add_argument('--count', type=int, default=10000)
    ap.add_argument('--checks', default='iss,cosim,qemu,swr')
    ap.add_argument('--without', default=os.environ.get('FUZZ_WITHOUT', ''))
    ap.add_argument('-j', type=int, default=2)
    a = ap.parse_args()
    global WITHOUT
    WITHOUT = a.without
    seeds = ([int(s) for s in a.seed_list.split(',')] if a.seed_list
             else list(range(a.first, a.first + a.seeds)))
    checks = [c for c in a.checks.split(',') if c]
    if 'cosim' in checks and not os.path.exists(SIM):
        print("fuzz: no RTL simulator (build/sim/accentv-sim): co-simulation skipped")
        checks.remove('cosim')
    jobs = [(s, c) for s in seeds for c in checks]
    fails, insns = 0, 0

    def one(job):
        s, c = job
        try:
            return s, c, CHECKS[c](s, a.count), None
        except FuzzError as e:
            return s, c, 0, str(e)

    with cf.ThreadPoolExecutor(max_workers=max(1, a.j)) as pool:
        for s, c, n, err in pool.map(one, jobs):
            if err:
                fails += 1
                print(f"FAIL seed {s} {c}: {err}", flush=True)
            else:
                insns += n
                print(f"ok   seed {s} {c} ({n} instructions)", flush=True)
    print(f"fuzz: {len(seeds)} seeds, {len(jobs)} checks, {fails} failed, "
          f"{insns} instructions executed by the ISS")
    return 1 if fails else 0


if __name__ == '__main__':
    sys.exit(main())
