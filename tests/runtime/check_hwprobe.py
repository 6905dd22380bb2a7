#!/usr/bin/env python3
"""riscv_hwprobe (syscall 258) and an unsupported prctl option under
rvtcg (tests/guest/suite/misc_hwprobe.c).  qemu-riscv64 7.2 implements
neither, so the answers are checked here rather than against it:
vendor/arch/impl ids 0, base behavior IMA, IMA_EXT_0 = F+D and C,
CPUPERF_0 misaligned "emulated", unknown keys -1 with value 0, EINVAL for
flags or an empty cpu set, EFAULT for a bad pointer; the prctl gives
EINVAL and one "rvtcg: unsupported prctl N" line.  TAP output.

  check_hwprobe.py RVTCG MISC_HWPROBE
"""
import subprocess
import sys

EXPECTED = """all cpus: 0
key 0 -> 0 value 0
key 1 -> 1 value 0
key 2 -> 2 value 0
key 3 -> 3 value 0x1
key 4 -> 4 value 0x3
key 5 -> 5 value 0x1
key 99 -> -1 value 0
key -7 -> -1 value 0
cpu 0: 0 value 0x3
empty set: -22
flags: -22
bad pairs: -14
no pairs: 0
prctl 0x7777: -1 EINVAL
prctl 0x7777: -1 EINVAL
"""


def main():
    rvtcg, prog = sys.argv[1:3]
    p = subprocess.run([rvtcg, prog], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=60)
    out, err = p.stdout.decode(), p.stderr.decode()
    got = out.splitlines()
    want = EXPECTED.splitlines()
    checks = [('exit status 0', p.returncode == 0)]
    for i, line in enumerate(want):
        checks.append((line, i < len(got) and got[i] == line))
    checks.append(('nothing more on stdout', len(got) == len(want)))
    checks.append(('unsupported prctl reported once',
                   err.splitlines() == ['rvtcg: unsupported prctl 30583']))
    print('1..%d' % len(checks))
    for i, (name, ok) in enumerate(checks, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', i, name))
    if not all(ok for _, ok in checks):
        print('# stdout %r stderr %r' % (out, err))
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
