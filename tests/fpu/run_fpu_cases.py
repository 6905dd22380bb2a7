#!/usr/bin/env python3
"""Runs the FP edge-case program (gen_fpu_prog.py) under qemu-riscv64 and
rvtcg and compares every case's record: f4, f5, a0 (64 bits each), fcsr
and the scratch memory word, bit for bit.  TAP: one test point per
instruction (all its rounding-mode combinations), with the first
mismatches decoded.

    run_fpu_cases.py QEMU RVTCG PROG CASES [RVTCG-OPTION...]
"""
import struct
import subprocess
import sys

REC = 40
FIELDS = ('f4', 'f5', 'a0', 'fcsr', 'mem')


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=600)
    return p.returncode, p.stdout, p.stderr.decode(errors='replace')


def main():
    qemu, rvtcg, prog, cases_file = sys.argv[1:5]
    opts = sys.argv[5:]
    with open(cases_file) as f:
        cases = [line.rstrip('\n').split('|') for line in f]
    n = 0
    rq, outq, errq = run([qemu, prog])
    rr, outr, errr = run([rvtcg] + opts + [prog])
    n += 1
    ok = rq == 0 and len(outq) == REC * len(cases)
    print(f"{'ok' if ok else 'not ok'} {n} - qemu-riscv64 ran {len(cases)} cases"
          f" (exit {rq}, {len(outq)} bytes)")
    if not ok:
        print('# ' + errq.replace('\n', '\n# '))
        print(f'1..{n}')
        return 1
    n += 1
    ok = rr == 0 and len(outr) == len(outq)
    print(f"{'ok' if ok else 'not ok'} {n} - rvtcg {' '.join(opts)} ran the "
          f"program (exit {rr}, {len(outr)} bytes)")
    if not ok:
        print('# ' + errr.replace('\n', '\n# '))
        outr = outr + bytes(len(outq) - len(outr)) if len(outr) < len(outq) else outr
    # group by instruction (the description up to the mode)
    groups = {}
    order = []
    for i, c in enumerate(cases):
        name = c[0]
        if name not in groups:
            groups[name] = []
            order.append(name)
        groups[name].append(i)
    bad_total = 0
    for name in order:
        bad = []
        for i in groups[name]:
            q = outq[i * REC:(i + 1) * REC]
            r = outr[i * REC:(i + 1) * REC]
            if q != r:
                bad.append(i)
        n += 1
        bad_total += len(bad)
        print(f"{'not ok' if bad else 'ok'} {n} - {name}: {len(groups[name])} "
              f"cases{', %d differ' % len(bad) if bad else ''}")
        for i in bad[:6]:
            name_, mode, fcsr, a, b, c, x = cases[i]
            q = struct.unpack('<5Q', outq[i * REC:(i + 1) * REC])
            r = struct.unpack('<5Q', outr[i * REC:(i + 1) * REC])
            print(f'#   case {i}: {name_} {mode}, fcsr in {fcsr}, f1={a} f2={b} '
                  f'f3={c} a1={x}')
            for k, fname in enumerate(FIELDS):
                if q[k] != r[k]:
                    print(f'#     {fname:5} qemu {q[k]:#018x}  rvtcg {r[k]:#018x}')
    print(f'1..{n}')
    return 1 if bad_total or rr != 0 else 0


if __name__ == '__main__':
    sys.exit(main())
