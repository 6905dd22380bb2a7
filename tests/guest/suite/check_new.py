#!/usr/bin/env python3
"""Checks new guest-suite programs before they are listed (a helper for
people writing tests, not run by meson):

  check_new.py [--rvtcg RVTCG] 'NAME KIND [OPTION...] [-- ARG...]' ...

Each argument is a line in programs.txt format.  The program is compiled
with the harness flags (warnings are reported), run twice under
qemu-riscv64 to show it is deterministic (stdout, stderr, status, files
written) and timed, then compared with rvtcg through compare_qemu.py.
"""
import argparse
import os
import shlex
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
COMPARE = os.path.join(HERE, '..', '..', 'runtime', 'compare_qemu.py')
sys.path.insert(0, os.path.dirname(COMPARE))
import compare_qemu  # noqa: E402

CFLAGS = ['-O2', '-march=rv64gc', '-mabi=lp64d', '-Wall', '-pthread']
SYSROOT = '/usr/riscv64-linux-gnu'


def parse(line):
    head, _, rest = line.partition(' -- ')
    words = head.split()
    return words[0], words[1], words[2:], shlex.split(rest)


def build(name, kind, opts, outdir):
    extra = []
    for w in opts:
        if w.startswith('cflags='):
            extra += w[7:].split(',')
    link = [] if kind.startswith('dynamic') else ['-static']
    if kind == 'asm':
        cmd = ['riscv64-linux-gnu-gcc', '-nostdlib', '-static', '-march=rv64gc',
               '-mabi=lp64d', '-I' + HERE, name + '.S']
    elif kind.endswith('c++'):
        cmd = ['riscv64-linux-gnu-g++'] + CFLAGS + link + [name + '.cc']
    else:
        cmd = ['riscv64-linux-gnu-gcc'] + CFLAGS + link + [name + '.c']
    exe = os.path.join(outdir, name + '.rv64')
    p = subprocess.run(cmd + extra + ['-o', exe, '-lm'], cwd=HERE,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return exe, p.returncode, p.stdout.decode()


def qemu_once(exe, kind, opts, args):
    lopt = ['-L', SYSROOT] if kind.startswith('dynamic') else []
    stdin = None
    for w in opts:
        if w.startswith('stdin='):
            stdin = os.path.join(HERE, w[6:])
    d = tempfile.mkdtemp(prefix='chk-')
    t0 = time.time()
    r = compare_qemu.run(['qemu-riscv64'] + lopt + [exe] + args, stdin, d, 20)
    dt = time.time() - t0
    files = compare_qemu.snapshot(d) if 'files' in opts else {}
    subprocess.run(['rm', '-rf', d])
    return r, files, dt


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--rvtcg', default='/work/build-suite/runtime/rvtcg')
    ap.add_argument('lines', nargs='+')
    a = ap.parse_args()
    outdir = tempfile.mkdtemp(prefix='chk-build-')
    bad = 0
    for line in a.lines:
        name, kind, opts, args = parse(line)
        exe, rc, out = build(name, kind, opts, outdir)
        if rc != 0 or 'warning' in out:
            print('%s: BUILD %s\n%s' % (name, 'FAILED' if rc else 'WARNS', out))
            bad += 1
            if rc:
                continue
        r1, f1, t1 = qemu_once(exe, kind, opts, args)
        r2, f2, t2 = qemu_once(exe, kind, opts, args)
        det = (r1 == r2 and f1 == f2)
        cmd = [sys.executable, COMPARE, '--rvtcg', a.rvtcg, '--qemu',
               'qemu-riscv64', '--timeout', '20']
        if kind.startswith('dynamic'):
            cmd += ['-L', SYSROOT]
        for w in opts:
            if w == 'files':
                cmd.append('--files')
            elif w.startswith('stdin='):
                cmd += ['--stdin', os.path.join(HERE, w[6:])]
            elif w.startswith('rvtcg='):
                cmd.append('--opt=' + w[6:])
        p = subprocess.run(cmd + [exe] + args, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT)
        verdict = 'PASS' if p.returncode == 0 else 'FAIL'
        print('%-24s qemu status %d, %s, %.2fs | rvtcg %s'
              % (name, r1[0], 'deterministic' if det else 'NOT DETERMINISTIC',
                 max(t1, t2), verdict))
        if not det or max(t1, t2) > 2:
            bad += 1
        if p.returncode != 0:
            print('    ' + '\n    '.join(p.stdout.decode('utf-8', 'replace')
                                          .splitlines()[:12]))
    subprocess.run(['rm', '-rf', outdir])
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
