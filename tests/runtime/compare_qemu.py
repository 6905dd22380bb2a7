#!/usr/bin/env python3
"""Runs a riscv64 program under rvtcg and under qemu-riscv64 and compares
what the user sees: stdout, stderr (with the "rvtcg:" / "qemu:" prefixes
made equal) and the exit status (a death by signal included).

  compare_qemu.py --rvtcg RVTCG --qemu QEMU [--opt OPTION]... PROGRAM [ARGS...]

--opt passes an option to rvtcg only (e.g. --code-size=16K, --no-chain).
Exit status 0 when everything matches, 1 with the differences otherwise.
"""
import argparse
import difflib
import os
import re
import subprocess
import sys


def run(cmd):
    env = dict(os.environ)
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       env=env, timeout=600)
    return p.returncode, p.stdout, p.stderr


def normalize_stderr(data):
    text = data.decode('utf-8', 'replace')
    return re.sub(r'^(rvtcg|qemu): ', 'EMU: ', text, flags=re.M)


def show_diff(what, a, b):
    diff = difflib.unified_diff(a.splitlines(True), b.splitlines(True),
                                'qemu-riscv64 ' + what, 'rvtcg ' + what)
    sys.stdout.write(''.join(list(diff)[:60]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--rvtcg', required=True)
    ap.add_argument('--qemu', required=True)
    ap.add_argument('--opt', action='append', default=[])
    ap.add_argument('program')
    ap.add_argument('args', nargs=argparse.REMAINDER)
    a = ap.parse_args()

    q = run([a.qemu, a.program] + a.args)
    r = run([a.rvtcg] + a.opt + [a.program] + a.args)
    ok = True
    if q[0] != r[0]:
        print('exit status: qemu-riscv64 %d, rvtcg %d' % (q[0], r[0]))
        ok = False
    if q[1] != r[1]:
        print('stdout differs:')
        show_diff('stdout', q[1].decode('utf-8', 'replace'),
                  r[1].decode('utf-8', 'replace'))
        ok = False
    qe, re_ = normalize_stderr(q[2]), normalize_stderr(r[2])
    if qe != re_:
        print('stderr differs:')
        show_diff('stderr', qe, re_)
        ok = False
    if ok:
        print('same stdout (%d bytes), stderr (%d bytes), exit status %d'
              % (len(r[1]), len(r[2]), r[0]))
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
