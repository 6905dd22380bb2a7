#!/usr/bin/env python3
"""System calls rvtcg does not implement (tests/guest/asm/nosys.S): each
returns -ENOSYS; an unsupported number is reported on stderr once,
"rvtcg: unsupported syscall N (NAME)", while the ones C libraries probe
at start-up (rseq) stay quiet.  qemu-riscv64 prints nothing,
so this is checked on its own rather than against it.  TAP output.

  check_syscalls.py RVTCG NOSYS
"""
import subprocess
import sys


def main():
    rvtcg, nosys = sys.argv[1:3]
    p = subprocess.run([rvtcg, nosys], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=60)
    out, err = p.stdout.decode(), p.stderr.decode()
    checks = [
        ('exit status 0', p.returncode == 0),
        ('every call returned -ENOSYS', out == '0\n' * 4),
        ('each unsupported number reported once, in order',
         err.splitlines() == ['rvtcg: unsupported syscall 1000 (unknown)',
                              'rvtcg: unsupported syscall 104 (kexec_load)']),
        ('rseq quietly', 'rseq' not in err),
    ]
    print('1..%d' % len(checks))
    for i, (name, ok) in enumerate(checks, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', i, name))
        if not ok:
            print('# stdout %r stderr %r' % (out, err))
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == '__main__':
    sys.exit(main())
