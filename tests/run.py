#!/usr/bin/env python3
"""Accent-V test runner: every test in the tree, one line each, then a total.

Each folder under tests/ that holds a suite.py is a suite. A suite module
defines
    prepare(ctx)   -> None; builds what its tests need (ctx.make); raising
                      SuiteError fails every test of the suite with its text
    collect(ctx)   -> list of Test(name, func); func(ctx) returns None on
                      success or raises Failure/Skip with a reason.
The last line is "N passed, N failed" (", N skipped" when some were skipped).

usage: tests/run.py [-k PATTERN] [-j N] [--target T] [--list] [-v] [suite ...]
  --target  where ELF tests run: cosim (default when the RTL builds), rtl,
            iss or qemu; suites may refuse a target they do not fit.
"""
import argparse, concurrent.futures as cf, fnmatch, importlib.util, os, shlex
import subprocess, sys, time, traceback

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, 'tools'))
from qemu_ref import qemu_cmd  # noqa: E402  (the path above first)
# Suites do "from run import Failure, Skip": make that this module even when it
# runs as __main__, or their exceptions would be other classes than ours.
sys.modules.setdefault('run', sys.modules[__name__])


class Failure(Exception):
    pass


class Skip(Exception):
    pass


class SuiteError(Exception):
    pass


class Test:
    def __init__(self, name, func):
        self.name, self.func = name, func


class Ctx:
    """What a suite may use: paths, make, running commands and ELFs."""

    def __init__(self, args):
        self.root = ROOT
        self.build = os.path.join(ROOT, 'build')
        self.target = args.target
        self.verbose = args.verbose

    def make(self, *targets):
        """Build targets with the top-level Makefile; raise SuiteError on failure."""
        r = subprocess.run(['make', '-s', '-C', ROOT, *targets],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if r.returncode != 0:
            raise SuiteError(f"make {' '.join(targets)} failed:\n{r.stdout[-3000:]}")
        return r.stdout

    def run(self, cmd, timeout=600, input=None, cwd=None):
        """Run a command; return (exit status, combined output). Never raises on status."""
        try:
            r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               input=input, timeout=timeout, cwd=cwd or ROOT,
                               errors='replace', text=True)
            return r.returncode, r.stdout
        except subprocess.TimeoutExpired as e:
            out = e.stdout.decode(errors='replace') if isinstance(e.stdout, bytes) else (e.stdout or '')
            raise Failure(f"timed out after {timeout}s: {shlex.join(cmd)}\n{out[-2000:]}")

    def elf_cmd(self, elf, target=None, args=()):
        """The command that runs one ELF on a target (see --target)."""
        t = target or self.target
        if t in ('cosim', 'rtl'):
            extra = ['--cosim'] if t == 'cosim' else []
            return [os.path.join(self.build, 'sim', 'accentv-sim'), *extra, *args, elf]
        if t == 'iss':
            return [os.path.join(self.build, 'iss', 'accentv-iss'), *args, elf]
        if t == 'qemu':
            return [*qemu_cmd(), '-kernel', elf]
        raise Failure(f"unknown target {t}")


def load_suites(names):
    suites = []
    for d in sorted(os.listdir(os.path.join(ROOT, 'tests'))):
        path = os.path.join(ROOT, 'tests', d, 'suite.py')
        if not os.path.isfile(path) or (names and d not in names):
            continue
        spec = importlib.util.spec_from_file_location(f"suite_{d}", path)
        mod = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = mod
        spec.loader.exec_module(mod)
        suites.append((d, mod))
    return suites


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('-k', dest='pattern', help='run tests whose name matches this glob or substring')
    ap.add_argument('-j', type=int, default=os.cpu_count() or 2)
    ap.add_argument('--target', default=os.environ.get('AV_TARGET', 'cosim'))
    ap.add_argument('--list', action='store_true')
    ap.add_argument('-v', '--verbose', action='store_true')
    ap.add_argument('suites', nargs='*')
    args = ap.parse_args()
    sys.path.insert(0, os.path.join(ROOT, 'tests'))
    ctx = Ctx(args)

    def wanted(name):
        p = args.pattern
        return not p or p in name or fnmatch.fnmatch(name, p)

    tests, broken = [], []
    for sname, mod in load_suites(args.suites):
        try:
            found = [t for t in mod.collect(ctx) if wanted(f"{sname}/{t.name}")]
        except Exception as e:
            broken.append((f"{sname}/(collect)", f"{type(e).__name__}: {e}"))
            continue
        if not found:
            continue
        if args.list:
            for t in found:
                print(f"{sname}/{t.name}")
            continue
        try:
            if hasattr(mod, 'prepare'):
                mod.prepare(ctx)
        except Exception as e:
            msg = str(e) if isinstance(e, SuiteError) else traceback.format_exc()
            broken += [(f"{sname}/{t.name}", f"build failed: {msg}") for t in found]
            continue
        tests += [(f"{sname}/{t.name}", t) for t in found]
    if args.list:
        return 0

    passed = failed = skipped = 0
    for name, why in broken:
        print(f"FAIL {name}: {why}", flush=True)
        failed += 1

    def one(item):
        name, t = item
        t0 = time.time()
        try:
            t.func(ctx)
            return name, 'ok', '', time.time() - t0
        except Skip as e:
            return name, 'skip', str(e), time.time() - t0
        except Failure as e:
            return name, 'FAIL', str(e), time.time() - t0
        except Exception:
            return name, 'FAIL', traceback.format_exc(), time.time() - t0

    with cf.ThreadPoolExecutor(max_workers=max(1, args.j)) as pool:
        for name, status, why, dt in pool.map(one, tests):
            if status == 'ok':
                passed += 1
                print(f"ok   {name} ({dt:.1f}s)", flush=True)
            elif status == 'skip':
                skipped += 1
                print(f"skip {name}: {why}", flush=True)
            else:
                failed += 1
                print(f"FAIL {name} ({dt:.1f}s): {why.rstrip()}", flush=True)
    tail = f", {skipped} skipped" if skipped else ""
    print(f"{passed} passed, {failed} failed{tail}")
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
