#!/usr/bin/env python3
"""Runs a riscv64 program under rvtcg and under qemu-riscv64 and compares
what the user sees: stdout, stderr (with the "rvtcg:" / "qemu:" prefixes
made equal) and the exit status (a death by signal included).

  compare_qemu.py --rvtcg RVTCG --qemu QEMU [--opt OPTION]... [-L SYSROOT]
                  [--stdin FILE] [--files] [--timeout SECONDS]
                  PROGRAM [ARGS...]

--opt passes an option to rvtcg only (e.g. --code-size=16K, --no-chain).
-L gives both emulators the sysroot of a dynamically linked program.
--stdin feeds FILE to both as standard input.
--files runs each emulator in a fresh empty working directory and compares
the files the program left there (names, contents, modes; files it made
unreadable and directories it made unwritable are handled too).
--timeout limits each emulator run (default 600 s); a run that takes longer
is killed and reported as a difference.
Exit status 0 when everything matches, 1 with the differences otherwise.
"""
import argparse
import difflib
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile


TIMED_OUT = -1000   # exit status reported for a run killed by --timeout


def run(cmd, stdin_path=None, cwd=None, timeout=600):
    env = dict(os.environ)
    stdin = open(stdin_path, 'rb') if stdin_path else subprocess.DEVNULL
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           stdin=stdin, env=env, timeout=timeout, cwd=cwd)
    except subprocess.TimeoutExpired as e:
        print('%s: timed out after %g s' % (os.path.basename(cmd[0]), timeout))
        return TIMED_OUT, e.stdout or b'', e.stderr or b''
    finally:
        if stdin_path:
            stdin.close()
    return p.returncode, p.stdout, p.stderr


def make_accessible(top):
    """Give the owner rwx on directories and r on files under TOP, so that
    a program that chmod'ed its files can still be compared and removed."""
    for root, dirs, names in os.walk(top):
        for n in dirs:
            path = os.path.join(root, n)
            if not os.path.islink(path):
                os.chmod(path, os.lstat(path).st_mode | 0o700)
    for root, dirs, names in os.walk(top):
        for n in names:
            path = os.path.join(root, n)
            st = os.lstat(path)
            if stat.S_ISREG(st.st_mode) and not st.st_mode & 0o400:
                os.chmod(path, st.st_mode | 0o400)


def snapshot(top):
    """{relative path: (mode bits, contents or link target)} under TOP."""
    files = {}
    modes = {}
    for root, dirs, names in os.walk(top):      # modes as the program left them
        for n in dirs + names:
            path = os.path.join(root, n)
            modes[path] = os.lstat(path).st_mode
    make_accessible(top)
    for root, dirs, names in os.walk(top):
        for n in dirs + names:
            path = os.path.join(root, n)
            rel = os.path.relpath(path, top)
            mode = modes.get(path, os.lstat(path).st_mode)
            if stat.S_ISLNK(mode):
                files[rel] = ('link', os.readlink(path))
            elif stat.S_ISDIR(mode):
                files[rel] = (oct(stat.S_IMODE(mode)), 'dir')
            elif stat.S_ISREG(mode):
                with open(path, 'rb') as f:
                    files[rel] = (oct(stat.S_IMODE(mode)), f.read())
            else:   # fifo, socket, device node: compare the type only
                files[rel] = (oct(stat.S_IMODE(mode)), 'type %o' % stat.S_IFMT(mode))
    return files


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
    ap.add_argument('-L', dest='sysroot')
    ap.add_argument('--stdin')
    ap.add_argument('--files', action='store_true')
    ap.add_argument('--timeout', type=float, default=600)
    ap.add_argument('program')
    ap.add_argument('args', nargs=argparse.REMAINDER)
    a = ap.parse_args()

    prog = os.path.abspath(a.program)
    lopt = ['-L', a.sysroot] if a.sysroot else []
    qdir = tempfile.mkdtemp(prefix='cmp-qemu-') if a.files else None
    rdir = tempfile.mkdtemp(prefix='cmp-rvtcg-') if a.files else None
    try:
        q = run([a.qemu] + lopt + [prog] + a.args, a.stdin, qdir, a.timeout)
        # RVTCG_TEST_OPTS: options for every rvtcg run of a test setup
        # (meson test --setup smallcache: a code cache small enough to
        # force flushes)
        extra = os.environ.get('RVTCG_TEST_OPTS', '').split()
        r = run([os.path.abspath(a.rvtcg)] + lopt + extra + a.opt + [prog]
                + a.args,
                a.stdin, rdir, a.timeout)
        qf = snapshot(qdir) if a.files else {}
        rf = snapshot(rdir) if a.files else {}
    finally:
        for d in (qdir, rdir):
            if d:
                if os.path.isdir(d):
                    make_accessible(d)
                shutil.rmtree(d, ignore_errors=True)
    ok = q[0] != TIMED_OUT and r[0] != TIMED_OUT
    if qf != rf:
        print('files differ:')
        for n in sorted(set(qf) | set(rf)):
            if qf.get(n) != rf.get(n):
                print('  %s: qemu-riscv64 %s, rvtcg %s'
                      % (n, str(qf.get(n))[:80], str(rf.get(n))[:80]))
        ok = False
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
