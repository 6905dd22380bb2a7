#!/usr/bin/env python3
"""check_bench.py: correctness test of one benchmark program (bench/meson.build).

usage: check_bench.py RVTCG PROG.rv64 PROG-native [SCALE]

Runs PROG.rv64 under RVTCG (plus the options in $RVTCG_TEST_OPTS, as the
other rvtcg tests do) and PROG-native, both with argv[1] = SCALE (default 1,
the smallest), and fails unless both exit 0 and print the same checksum
line.  No timing is checked.
"""
import os
import subprocess
import sys


def checksum(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=110)
    lines = [l for l in r.stdout.splitlines() if " checksum " in l]
    if r.returncode != 0 or not lines:
        sys.exit(f"FAIL: {' '.join(cmd)}: status {r.returncode}\n"
                 f"stdout: {r.stdout}\nstderr: {r.stderr}")
    return lines[-1]


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    rvtcg, rv, nat = sys.argv[1:4]
    scale = sys.argv[4] if len(sys.argv) == 5 else "1"
    extra = os.environ.get("RVTCG_TEST_OPTS", "").split()
    want = checksum([nat, scale])
    got = checksum([rvtcg] + extra + [rv, scale])
    print(f"native: {want}\nrvtcg:  {got}")
    if got != want:
        sys.exit("FAIL: checksums differ")
    print("ok")


if __name__ == "__main__":
    main()
