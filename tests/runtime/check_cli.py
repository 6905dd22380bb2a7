#!/usr/bin/env python3
"""rvtcg's command line against qemu-riscv64's (issue 5, CLI parity): -E,
-U, -0, -L, -s, -cpu, -strace, -d/-D, -singlestep, -version, -h and their
RVTCG_* environment variables (as qemu's QEMU_* ones; the command line
wins), bad usage (one line on stderr, exit status 1), and execve of a
riscv64 program, which runs under rvtcg with the same options (qemu needs
binfmt_misc for that, so those results are checked against fixed text).
Where qemu-riscv64 takes the same option, its output is the expected one.
TAP output.

  check_cli.py RVTCG QEMU CLI_ENV CLI_ENV_DYN CLI_EXEC_SELF CLI_STACK
programs built from tests/guest/suite/cli_*.c (CLI_ENV_DYN dynamically).
"""
import os
import shutil
import struct
import subprocess
import sys
import tempfile

results = []
SYSROOT = '/usr/riscv64-linux-gnu'


def check(name, cond, detail=''):
    results.append((name, bool(cond), detail))


def run(cmd, env=None, extra_env=None):
    e = dict(os.environ if env is None else env)
    for k in list(e):
        if k.startswith(('RVTCG_', 'QEMU_', 'CLI_')):
            del e[k]
    e.update(extra_env or {})
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       env=e, timeout=120)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def same(name, rv, qm):
    """rvtcg's (status, stdout) equal qemu's."""
    check(name, rv[:2] == qm[:2],
          'rvtcg %r\nqemu  %r' % (rv[:2], qm[:2]))


def usage_error(name, cmd, want, extra_env=None):
    rc, out, err = run(cmd, extra_env=extra_env)
    lines = err.splitlines()
    check(name, rc == 1 and not out and len(lines) == 1 and
          lines[0].startswith('rvtcg: ') and want in lines[0],
          'status %d stdout %r stderr %r' % (rc, out, err))


def env_options(rvtcg, qemu, envprog):
    base = {'CLI_KEEP': 'kept', 'CLI_GONE': 'gone', 'CLI_A': 'old'}
    opts = ['-E', 'CLI_A=1,CLI_B=x y', '-U', 'CLI_GONE', '-0', 'argv zero']
    args = [envprog, 'one', 'two words']
    rv = run([rvtcg] + opts + args, extra_env=base)
    qm = run([qemu] + opts + args, extra_env=base)
    same('-E -U -0 as qemu-riscv64', rv, qm)
    check('-E -U -0 result', rv[1] == 'argv[0]=argv zero\nargv[1]=one\n'
          'argv[2]=two words\nenv CLI_A=1\nenv CLI_B=x y\nenv CLI_KEEP=kept\n',
          rv[1])
    for var, val in [('SET_ENV', 'CLI_A=1,CLI_C=c'), ('UNSET_ENV', 'CLI_GONE'),
                     ('ARGV0', 'zero from env')]:
        rv = run([rvtcg] + args, extra_env=dict(base, **{'RVTCG_' + var: val}))
        qm = run([qemu] + args, extra_env=dict(base, **{'QEMU_' + var: val}))
        same('RVTCG_%s as QEMU_%s' % (var, var), rv, qm)
        check('RVTCG_%s has an effect' % var, rv[1] != run([rvtcg] + args,
              extra_env=base)[1], rv[1])
    # the last change of a variable wins; the command line wins over env
    opts = ['-E', 'CLI_A=1', '-E', 'CLI_A=2', '-U', 'CLI_KEEP', '-E',
            'CLI_KEEP=back', '-U', 'CLI_B']
    rv = run([rvtcg] + opts + args, extra_env=base)
    qm = run([qemu] + opts + args, extra_env=base)
    same('repeated -E/-U: the last wins, as qemu-riscv64', rv, qm)
    rv = run([rvtcg, '-0', 'cmdline'] + args,
             extra_env=dict(base, RVTCG_ARGV0='env'))
    qm = run([qemu, '-0', 'cmdline'] + args,
             extra_env=dict(base, QEMU_ARGV0='env'))
    same('-0 wins over RVTCG_ARGV0, as qemu-riscv64', rv, qm)
    check('-0 wins over RVTCG_ARGV0', 'argv[0]=cmdline' in rv[1], rv[1])
    rv = run([rvtcg] + args, extra_env=dict(base, RVTCG_ARGV0='x'))
    check('the guest sees RVTCG_* variables (as QEMU_* under qemu)',
          'RVTCG_ARGV0' not in rv[1] and rv[0] == 0, rv)


def sysroot_options(rvtcg, qemu, envprog, dynprog, selfprog, tmp):
    root = os.path.join(tmp, 'root')
    os.makedirs(os.path.join(root, 'bin'))
    shutil.copy(selfprog, os.path.join(root, 'bin', 'prog'))
    child = ('child argv[0]=renamed\nchild argv[1]=child\n'
             'child argv[2]=two words\nchild env CLI_EXEC=yes\n'
             'child SIGUSR1 blocked 1, SIGUSR2 ignored 1\n')
    want = (7, 'parent: /bin/prog\n' + child)
    rv = run([rvtcg, '-L', root, selfprog, '/bin/prog'])
    check('-L: execve of a path under the sysroot', rv[:2] == want, rv)
    rv = run([rvtcg, selfprog, '/bin/prog'], extra_env={'RVTCG_LD_PREFIX':
                                                        root})
    check('RVTCG_LD_PREFIX: execve of a path under the sysroot',
          rv[:2] == want, rv)
    rv = run([rvtcg, selfprog, '/bin/prog'])
    check('no sysroot: the host path', rv[0] == 1 and 'ENOENT' in rv[1], rv)
    if os.path.isdir(SYSROOT):
        args = [dynprog, 'dyn']
        qm = run([qemu, '-L', SYSROOT] + args)
        same('-L %s: dynamic program as qemu-riscv64' % SYSROOT,
             run([rvtcg, '-L', SYSROOT] + args), qm)
        same('RVTCG_LD_PREFIX: dynamic program as qemu-riscv64',
             run([rvtcg] + args, extra_env={'RVTCG_LD_PREFIX': SYSROOT}), qm)
    else:
        check('-L dynamic # SKIP no %s' % SYSROOT, True)
        check('RVTCG_LD_PREFIX dynamic # SKIP no %s' % SYSROOT, True)


def stack_options(rvtcg, qemu, stackprog):
    args = [stackprog, '20']
    for opts, env, name in [(['-s', '32M'], {}, '-s 32M'),
                            (['-s', '33554432'], {}, '-s 33554432'),
                            ([], {'RVTCG_STACK_SIZE': '32M'},
                             'RVTCG_STACK_SIZE=32M')]:
        rv = run([rvtcg] + opts + args, extra_env=env)
        check('%s: 20 MiB of stack' % name,
              rv[:2] == (0, 'touched 20 MiB: 0\n'), rv)
    qenv = {'QEMU_STACK_SIZE': str(32 << 20)}
    same('QEMU_STACK_SIZE equivalent', run([rvtcg] + args,
         extra_env={'RVTCG_STACK_SIZE': str(32 << 20)}),
         run([qemu] + args, extra_env=qenv))
    same('default stack (8 MiB or RLIMIT_STACK): 20 MiB as qemu-riscv64',
         run([rvtcg] + args), run([qemu] + args))
    rv = run([rvtcg, '-s', '32M'] + args, extra_env={'RVTCG_STACK_SIZE': '1M'})
    check('-s wins over RVTCG_STACK_SIZE', rv[0] == 0, rv)


def cpu_options(rvtcg, envprog):
    for spec in ['rv64', 'any', 'max', 'rv64,c=on,zba=off,zicsr=true',
                 'rv64,m=true,zba=false', 'rv64,zba=on']:
        rv = run([rvtcg, '-cpu', spec, envprog])
        check('-cpu %s' % spec, rv[0] == 0 and 'argv[0]=' in rv[1], rv)
    rv = run([rvtcg, envprog], extra_env={'RVTCG_CPU': 'max'})
    check('RVTCG_CPU=max', rv[0] == 0, rv)
    rc, out, err = run([rvtcg, '-cpu', 'help'])
    check('-cpu help', rc == 0 and 'rv64' in out and 'zba' in out and
          not err, (rc, out, err))


def zba_elf():
    """A static riscv64 ELF of five instructions: a0 = 5, a1 = 7,
    sh1add a0, a0, a1 (Zba: (5 << 1) + 7 = 17), exit(a0).  Written here
    so that the check needs no Zba-capable compiler run."""
    def addi(rd, rs1, imm):
        return (imm & 0xfff) << 20 | rs1 << 15 | rd << 7 | 0x13
    # R-type: funct7 0010000, funct3 010, opcode OP (RISC-V Bit-Manipulation
    # ISA-extensions 1.0.0, 2.1 Zba: sh1add)
    sh1add = 0b0010000 << 25 | 11 << 20 | 10 << 15 | 0b010 << 12 | \
        10 << 7 | 0x33
    code = [addi(10, 0, 5), addi(11, 0, 7), sh1add, addi(17, 0, 93),
            0x00000073]                                  # ecall exit
    text = b''.join(struct.pack('<I', w) for w in code)
    base, off = 0x10000, 64 + 56
    ehdr = struct.pack('<4sBBBBB7xHHIQQQIHHHHHH', b'\x7fELF', 2, 1, 1, 0, 0,
                       2, 243, 1, base + off, 64, 0, 0, 64, 56, 1, 0, 0, 0)
    phdr = struct.pack('<IIQQQQQQ', 1, 5, 0, base, base, off + len(text),
                       off + len(text), 0x1000)
    return ehdr + phdr + text


def cpu_extensions(rvtcg, qemu, tmp):
    """-cpu switches an extension's decoding: a Zba instruction runs with
    zba on and is an illegal instruction (SIGILL) with zba off, as under
    qemu-riscv64 -cpu rv64,zba=false (qemu 7.2's property name is the
    lower-case 'zba')."""
    prog = os.path.join(tmp, 'zba.elf')
    with open(prog, 'wb') as f:
        f.write(zba_elf())
    os.chmod(prog, 0o755)
    for rvspec, qspec, want in [('rv64', 'rv64', 17),
                                ('rv64,zba=on', 'rv64,zba=on', 17),
                                ('rv64,zba=off', 'rv64,zba=false', -4),
                                ('rv64,zba=false', 'rv64,zba=off', -4)]:
        rv = run([rvtcg, '-cpu', rvspec, prog])
        qm = run([qemu, '-cpu', qspec, prog])
        check('-cpu %s: Zba program exit status %d as qemu -cpu %s' %
              (rvspec, want, qspec), rv[0] == qm[0] == want, (rv, qm))
    rv = run([rvtcg, prog], extra_env={'RVTCG_CPU': 'rv64,zba=off'})
    check('RVTCG_CPU=rv64,zba=off: SIGILL', rv[0] == -4, rv)
    rv = run([rvtcg, '-cpu', 'rv64,zba=on', prog],
             extra_env={'RVTCG_CPU': 'rv64,zba=off'})
    check('-cpu wins over RVTCG_CPU', rv[0] == 17, rv)


def log_options(rvtcg, envprog, tmp):
    plain = run([rvtcg, envprog])
    for opts, env, name in [(['-strace'], {}, '-strace'),
                            ([], {'RVTCG_STRACE': '1'}, 'RVTCG_STRACE'),
                            (['-d', 'strace'], {}, '-d strace'),
                            (['-strace', '-d', 'nochain'], {},
                             '-strace then -d'),
                            ([], {'RVTCG_LOG': 'strace'}, 'RVTCG_LOG=strace')]:
        rc, out, err = run([rvtcg] + opts + [envprog], extra_env=env)
        check('%s: system calls on stderr' % name, rc == 0 and
              out == plain[1] and 'exit_group(0)' in err and
              'write(1,' in err, err[-300:])
    # (the same environment for both runs: the guest's code path, and so
    # its TBs, depend on it)
    f1, f2, f3 = [os.path.join(tmp, 'log%d' % i) for i in (1, 2, 3)]
    rv1 = run([rvtcg, '-d', 'in_asm', '-D', f1, envprog],
              extra_env={'RVTCG_LOG': 'in_asm', 'RVTCG_LOG_FILENAME': f3})
    rv2 = run([rvtcg, envprog], extra_env={'RVTCG_LOG': 'in_asm',
                                            'RVTCG_LOG_FILENAME': f2})
    t1 = open(f1).read() if os.path.exists(f1) else ''
    t2 = open(f2).read() if os.path.exists(f2) else ''
    check('-d in_asm -D FILE', rv1[0] == 0 and not rv1[2] and 'IN:' in t1,
          (rv1, t1[:200]))
    check('-D wins over RVTCG_LOG_FILENAME', not os.path.exists(f3))
    check('RVTCG_LOG and RVTCG_LOG_FILENAME as -d and -D', t1 == t2 and
          rv2[:2] == rv1[:2] and not rv2[2], (rv2, t2[:200]))
    rv = run([rvtcg, '-d', 'in_asm', envprog],
             extra_env={'RVTCG_LOG': 'strace'})
    check('-d wins over RVTCG_LOG', 'IN:' in rv[2] and 'exit_group' not in
          rv[2], rv[2][-300:])
    for opts, env, name in [(['-singlestep'], {}, '-singlestep'),
                            ([], {'RVTCG_SINGLESTEP': '1'},
                             'RVTCG_SINGLESTEP')]:
        rv = run([rvtcg, '-d', 'in_asm'] + opts + [envprog], extra_env=env)
        blocks = rv[2].count('IN:')
        insns = sum(1 for l in rv[2].splitlines() if l.startswith('0x'))
        check('%s: one instruction per block' % name,
              rv[0] == 0 and blocks > 0 and blocks == insns,
              '%d blocks, %d instructions' % (blocks, insns))


def info_options(rvtcg):
    for opts, env, want, name in [
            (['-version'], {}, 'rvtcg version', '-version'),
            ([], {'RVTCG_VERSION': '1'}, 'rvtcg version', 'RVTCG_VERSION'),
            (['-h'], {}, 'usage: rvtcg', '-h'),
            (['-help'], {}, 'usage: rvtcg', '-help')]:
        rc, out, err = run([rvtcg] + opts + ['prog'], extra_env=env)
        check('%s exits 0' % name, rc == 0 and want in out and not err,
              (rc, out[:200], err))
    rc, out, err = run([rvtcg, '-h'])
    for o in ['-L', '-s', '-cpu', '-E', '-U', '-0', '-strace', '-d', '-D',
              '-version', 'RVTCG_LD_PREFIX', 'RVTCG_SET_ENV']:
        if (' ' + o) not in out and ('(' + o) not in out:
            check('-h mentions %s' % o, False, out)
            break
    else:
        check('-h mentions every option', True)


def errors(rvtcg, envprog):
    P = envprog
    for name, args, want, env in [
        ('-E without =', ['-E', 'CLI_A', P], "bad -E 'CLI_A'", None),
        ('-E list with a bad item', ['-E', 'CLI_A=1,b', P], "bad -E 'b'",
         None),
        ('-U with =', ['-U', 'CLI_A=1', P], "bad -U 'CLI_A=1'", None),
        ('-0 without argument', ['-0'], "option '-0' needs an argument",
         None),
        ('-L without argument', ['-L'], "option '-L' needs an argument",
         None),
        ('-s 0', ['-s', '0', P], "bad size '0' for -s", None),
        ('-s 12Q', ['-s', '12Q', P], "bad size '12Q' for -s", None),
        ('-s negative', ['-s', '-4', P], "bad size '-4' for -s", None),
        ('-cpu unknown model', ['-cpu', 'pentium', P],
         "unknown CPU model 'pentium'", None),
        ('-cpu unknown extension', ['-cpu', 'rv64,zfoo=on', P],
         "unknown extension 'zfoo'", None),
        ('-cpu extension qemu has, rvtcg not', ['-cpu', 'rv64,v=on', P],
         "unknown extension 'v'", None),
        ('-cpu base extension off', ['-cpu', 'rv64,c=off', P],
         "extension 'c' can't be turned off", None),
        ('-cpu bad value', ['-cpu', 'rv64,zba=maybe', P],
         "bad value 'maybe' for 'zba'", None),
        ('-cpu no value', ['-cpu', 'rv64,zba', P], 'expected NAME=on|off',
         None),
        ('qemu-only option', ['-g', '1234', P], "option '-g' is not "
         'supported', None),
        ('-strace with a value', ['-strace=1', P], 'takes no argument',
         None),
        ('RVTCG_CPU bad', [P], "RVTCG_CPU: unknown CPU model 'x'",
         {'RVTCG_CPU': 'x'}),
        ('RVTCG_STACK_SIZE bad', [P], "RVTCG_STACK_SIZE: bad size 'big'",
         {'RVTCG_STACK_SIZE': 'big'}),
        ('RVTCG_SET_ENV bad', [P], "RVTCG_SET_ENV: bad -E 'x'",
         {'RVTCG_SET_ENV': 'x'}),
        ('RVTCG_LOG bad', [P], "RVTCG_LOG: unknown log item 'nope'",
         {'RVTCG_LOG': 'nope'}),
    ]:
        usage_error(name, [rvtcg] + args, want, env)


def execve(rvtcg, selfprog, tmp):
    child = ('child argv[0]=renamed\nchild argv[1]=child\n'
             'child argv[2]=two words\nchild env CLI_EXEC=yes\n'
             'child SIGUSR1 blocked 1, SIGUSR2 ignored 1\n')
    d = os.path.join(tmp, 'exec dir')
    os.makedirs(d)
    copy = os.path.join(d, 'copy')
    shutil.copy(selfprog, copy)
    rel = os.path.relpath(copy)
    for name, args in [('execve absolute path', [copy]),
                       ('execve relative path', [rel]),
                       ('execve /proc/self/exe', ['/proc/self/exe']),
                       ('execveat dirfd + name', ['at', d, 'copy']),
                       ('execveat AT_EMPTY_PATH', ['fd', copy])]:
        rv = run([rvtcg, selfprog] + args)
        check(name, rv[:2] == (7, 'parent: %s\n' % args[0] + child) and
              not rv[2], rv)
    # options in effect reach the new program; -E/-U/-0 don't (they shaped
    # the first program's start; the new one gets what the guest passed)
    rv = run([rvtcg, '-strace', '-E', 'CLI_EXEC=cmdline', '-U', 'CLI_U',
              '-0', 'zero', selfprog, copy], extra_env={'CLI_U': 'u'})
    check('execve: the new program runs with the same options (-strace)',
          rv[0] == 7 and rv[1] == 'parent: %s\n' % copy + child and
          rv[2].count('exit_group(7)') == 1 and
          rv[2].count('execve(') == 1, rv)
    log = os.path.join(tmp, 'exec.log')
    rv = run([rvtcg, '-d', 'in_asm', '-D', log, selfprog, copy])
    text = open(log).read() if os.path.exists(log) else ''
    check('execve: -d/-D reach the new program', rv[0] == 7 and 'IN:' in text,
          rv)
    os.chmod(copy, 0o644)
    rv = run([rvtcg, selfprog, copy])
    check('execve of a riscv64 file without execute permission: EACCES',
          rv[0] == 1 and 'EACCES' in rv[1], rv)


def main():
    rvtcg, qemu, envprog, dynprog, selfprog, stackprog = sys.argv[1:7]
    with tempfile.TemporaryDirectory() as tmp:
        env_options(rvtcg, qemu, envprog)
        sysroot_options(rvtcg, qemu, envprog, dynprog, selfprog, tmp)
        stack_options(rvtcg, qemu, stackprog)
        cpu_options(rvtcg, envprog)
        cpu_extensions(rvtcg, qemu, tmp)
        log_options(rvtcg, envprog, tmp)
        info_options(rvtcg)
        errors(rvtcg, envprog)
        execve(rvtcg, selfprog, tmp)
    print('1..%d' % len(results))
    for i, (name, ok, detail) in enumerate(results, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', i, name))
        if not ok:
            for line in str(detail).splitlines()[:20]:
                print('# ' + line)
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == '__main__':
    sys.exit(main())
