#!/usr/bin/env python3
"""riscv_hwprobe (syscall 258) and an unsupported prctl option under
rvtcg (tests/guest/suite/misc_hwprobe.c).  qemu-riscv64 7.2 implements
neither, so the answers are checked here rather than against it:
vendor/arch/impl ids 0, base behavior IMA, IMA_EXT_0 = F+D, C and the
bits of the enabled extensions (Linux arch/riscv/include/uapi/asm/
hwprobe.h numbers, below; the extension names and defaults from
`rvtcg -cpu help`), with the default -cpu, with each extension switched
off alone and with all of them off,
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
key 4 -> 4 value {ext0}
key 5 -> 5 value 0x1
key 99 -> -1 value 0
key -7 -> -1 value 0
cpu 0: 0 value {ext0}
empty set: -22
flags: -22
bad pairs: -14
no pairs: 0
prctl 0x7777: -1 EINVAL
prctl 0x7777: -1 EINVAL
"""


# RISCV_HWPROBE_KEY_IMA_EXT_0 bits (linux uapi asm/hwprobe.h)
IMA_FD, IMA_C = 1 << 0, 1 << 1
EXT_BITS = {'zba': 3, 'zbb': 4, 'zbs': 5, 'zicboz': 6, 'zbc': 7,
            'zbkb': 8, 'zbkc': 9, 'zbkx': 10, 'zfh': 27, 'zfhmin': 28,
            'zfa': 32, 'zacas': 34, 'zicond': 35}


def extensions(rvtcg):
    """(name, default on) of the non-base extensions of -cpu help."""
    p = subprocess.run([rvtcg, '-cpu', 'help'], stdout=subprocess.PIPE,
                       timeout=60)
    exts = []
    for line in p.stdout.decode().splitlines():
        f = line.split()
        if line.startswith('  ') and len(f) >= 2 and f[1] in ('on', 'off'):
            exts.append((f[0], f[1] == 'on'))
    return exts


def run_one(checks, rvtcg, prog, cpu, enabled):
    ext0 = IMA_FD | IMA_C
    for name in enabled:
        ext0 |= 1 << EXT_BITS.get(name, 63)
    cmd = [rvtcg] + (['-cpu', cpu] if cpu else []) + [prog]
    tag = '[-cpu %s] ' % cpu if cpu else ''
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=60)
    out, err = p.stdout.decode(), p.stderr.decode()
    got = out.splitlines()
    want = EXPECTED.format(ext0=hex(ext0)).splitlines()
    checks.append((tag + 'exit status 0', p.returncode == 0))
    for i, line in enumerate(want):
        checks.append((tag + line, i < len(got) and got[i] == line))
    checks.append((tag + 'nothing more on stdout', len(got) == len(want)))
    checks.append((tag + 'unsupported prctl reported once',
                   err.splitlines() == ['rvtcg: unsupported prctl 30583']))
    return out, err


def main():
    rvtcg, prog = sys.argv[1:3]
    exts = extensions(rvtcg)
    checks = [('-cpu help lists zba', ('zba', True) in exts)]
    for name, _ in exts:
        checks.append(('hwprobe bit of %s known to this test' % name,
                       name in EXT_BITS))
    default = [n for n, on in exts if on]
    out, err = run_one(checks, rvtcg, prog, None, default)
    for name in default:
        run_one(checks, rvtcg, prog, 'rv64,%s=off' % name,
                [n for n in default if n != name])
    run_one(checks, rvtcg, prog,
            ','.join(['rv64'] + ['%s=off' % n for n, _ in exts]), [])
    print('1..%d' % len(checks))
    for i, (name, ok) in enumerate(checks, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', i, name))
    if not all(ok for _, ok in checks):
        print('# stdout %r stderr %r' % (out, err))
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
