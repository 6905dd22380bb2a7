#!/usr/bin/env python3
"""Bad input to rvtcg: malformed or unsupported executables and bad
command lines.  Each case must give exactly one line on stderr (for a
program: "rvtcg: PATH: reason"), nothing on stdout, exit status 1.
A few good invocations (-h, -version, -d help) must exit 0.  TAP output.

  bad_input.py RVTCG
"""
import os
import struct
import subprocess
import sys
import tempfile

EM_RISCV, EM_X86_64 = 243, 62
PT_LOAD, PT_INTERP, PT_NOTE = 1, 3, 4
PF_X, PF_W, PF_R = 1, 2, 4


def phdr(ptype, flags, offset, vaddr, filesz, memsz, align=0x1000):
    return struct.pack('<IIQQQQQQ', ptype, flags, offset, vaddr, vaddr,
                       filesz, memsz, align)


def elf(phdrs, cls=2, data=1, machine=EM_RISCV, etype=2, entry=0x10000,
        payload=b'\x73\x00\x00\x00' * 16, phnum=None):
    """A minimal ELF-64: header, program headers, then the payload at
    offset 0x1000 (what the segments' p_offset point into)."""
    n = len(phdrs) if phnum is None else phnum
    ident = b'\x7fELF' + bytes([cls, data, 1]) + bytes(9)
    hdr = ident + struct.pack('<HHIQQQIHHHHHH', etype, machine, 1, entry, 64,
                              0, 5, 64, 56, n, 64, 0, 0)
    body = hdr + b''.join(phdrs)
    return body + bytes(0x1000 - len(body)) + payload


def text_seg(vaddr=0x10000, memsz=0x40, offset=0x1000, filesz=0x40,
             flags=PF_R | PF_X):
    return phdr(PT_LOAD, flags, offset, vaddr, filesz, memsz)


def interp_elf(path, offset=0x1000):
    """A program with PT_INTERP PATH (bytes, as stored) at OFFSET."""
    payload = path + bytes(max(0, 0x40 - len(path)))
    return elf([phdr(PT_INTERP, PF_R, offset, 0x10000, len(path), len(path)),
                text_seg()], payload=payload)


CASES = [
    # name, file contents (None: special), expected reason substring
    ('text file', b'#!/bin/sh\necho hi\n', 'not an ELF file'),
    ('empty file', b'', 'not an ELF file'),
    ('32-bit ELF', elf([text_seg()], cls=1), 'not a 64-bit ELF file'),
    ('big-endian ELF', elf([text_seg()], data=2), 'not a little-endian'),
    ('x86-64 ELF', elf([text_seg()], machine=EM_X86_64), 'not a RISC-V'),
    ('truncated header', elf([text_seg()])[:40], 'truncated ELF header'),
    ('truncated program headers', elf([text_seg()], phnum=40)[:0x200],
     'truncated program header table'),
    ('relocatable object', elf([text_seg()], etype=1), 'not an executable'),
    ('no program headers', elf([]), 'no program headers'),
    ('no PT_LOAD', elf([phdr(PT_NOTE, PF_R, 0x1000, 0x10000, 4, 4)]),
     'no loadable segments'),
    ('missing interpreter', interp_elf(b'/nonexistent/ld.so\0'),
     'interpreter /nonexistent/ld.so: No such file or directory'),
    ('interpreter path without NUL', interp_elf(b'/nonexistent/ld.so'),
     'bad interpreter path'),
    ('interpreter path outside the file',
     interp_elf(b'/x\0', offset=0x100000), 'lies outside the file'),
    ('interpreter not an ELF', interp_elf(b'/etc/passwd\0'),
     'interpreter /etc/passwd: not an ELF file'),
    ('x86-64 interpreter', interp_elf(b'/bin/sh\0'),
     'interpreter /bin/sh: not a RISC-V ELF file'),
    ('overlapping segments',
     elf([text_seg(), text_seg(vaddr=0x10020, flags=PF_R | PF_W)]),
     'segments 0 and 1 overlap'),
    ('file size above memory size', elf([text_seg(filesz=0x80, memsz=0x40)]),
     'file size larger than memory size'),
    ('segment beyond the file', elf([text_seg(offset=0x100000)]),
     'lies outside the file'),
    ('absurd address', elf([text_seg(vaddr=1 << 60)]),
     'address out of range'),
    ('absurd size', elf([text_seg(memsz=1 << 62)]), 'address out of range'),
    ('absurd span',
     elf([text_seg(), text_seg(vaddr=3 << 40, flags=PF_R | PF_W)]),
     'span more than 1 TiB'),
]

CLI = [
    # name, arguments (PROG = a valid program), expected substring
    ('unknown option', ['-x', 'PROG'], "unknown option '-x'"),
    ('unknown long option', ['--frobnicate', 'PROG'], 'unknown option'),
    ('no program', [], 'no program given'),
    ('-d without argument', ['-d'], "option '-d' needs an argument"),
    ('unknown log item', ['-d', 'in_asm,bogus', 'PROG'],
     "unknown log item 'bogus'"),
    ('bad -dfilter', ['-dfilter', '0x10', 'PROG'], 'bad -dfilter range'),
    ('bad -dfilter number', ['-dfilter', '0x10..zz', 'PROG'],
     'bad -dfilter range'),
    ('unwritable -D', ['-D', '/nonexistent/dir/log', 'PROG'],
     '/nonexistent/dir/log'),
    ('unknown optimizer rule', ['--opt-disable=nosuchrule', 'PROG'],
     "unknown optimizer rule 'nosuchrule'"),
    ('bad code size', ['--code-size=12Q', 'PROG'], "bad size '12Q'"),
    ('huge code size', ['--code-size=4G', 'PROG'], 'code cache'),
    ('flag with a value', ['--wx=1', 'PROG'], 'takes no argument'),
    ('bad stack size', ['-s', '0', 'PROG'], "bad size '0' for -s"),
    ('unknown CPU model', ['-cpu', 'pentium', 'PROG'],
     "unknown CPU model 'pentium'"),
    ('-E without a value', ['-E', 'FOO', 'PROG'], "bad -E 'FOO'"),
    ('-U with a value', ['-U', 'FOO=1', 'PROG'], "bad -U 'FOO=1'"),
    ('-L without argument', ['-L'], "option '-L' needs an argument"),
]

GOOD = [
    ('-h', ['-h'], 'usage: rvtcg'),
    ('--help', ['--help'], 'usage: rvtcg'),
    ('-version', ['-version'], 'rvtcg version'),
    ('-d help', ['-d', 'help'], 'in_asm'),
    ('-help', ['-help'], 'usage: rvtcg'),
    ('-cpu help', ['-cpu', 'help'], 'rv64'),
]


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=60)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def check_error(n, name, cmd, want, prefix):
    rc, out, err = run(cmd)
    lines = err.splitlines()
    problems = []
    if rc != 1:
        problems.append('exit status %d, expected 1' % rc)
    if out:
        problems.append('stdout not empty: %r' % out[:200])
    if len(lines) != 1:
        problems.append('%d lines on stderr, expected 1: %r'
                        % (len(lines), err[:300]))
    elif not lines[0].startswith(prefix) or want not in lines[0]:
        problems.append('stderr %r, expected %r...%r'
                        % (lines[0], prefix, want))
    print('%s %d - %s' % ('not ok' if problems else 'ok', n, name))
    for p in problems:
        print('# ' + p)
    return not problems


def main():
    rvtcg = sys.argv[1]
    total = len(CASES) + 4 + len(CLI) + len(GOOD)
    print('1..%d' % total)
    ok = True
    n = 0
    with tempfile.TemporaryDirectory() as tmp:
        good = os.path.join(tmp, 'good')
        with open(good, 'wb') as f:
            f.write(elf([text_seg()]))
        for name, data, want in CASES:
            n += 1
            path = os.path.join(tmp, name.replace(' ', '_'))
            with open(path, 'wb') as f:
                f.write(data)
            ok &= check_error(n, name, [rvtcg, path], want,
                              'rvtcg: %s: ' % path)
        # an interpreter that has an interpreter itself
        n += 1
        inner = os.path.join(tmp, 'inner_interp')
        with open(inner, 'wb') as f:
            f.write(interp_elf(b'/nonexistent/ld.so\0'))
        outer = os.path.join(tmp, 'outer')
        with open(outer, 'wb') as f:
            f.write(interp_elf(inner.encode() + b'\0'))
        ok &= check_error(n, 'interpreter with an interpreter',
                          [rvtcg, outer], 'has an interpreter itself',
                          'rvtcg: %s: ' % outer)
        missing = os.path.join(tmp, 'missing')
        for name, path, want in [
                ('missing file', missing, 'No such file or directory'),
                ('directory', tmp, 'not a regular file')]:
            n += 1
            ok &= check_error(n, name, [rvtcg, path], want,
                              'rvtcg: %s: ' % path)
        n += 1
        os.chmod(good, 0o644)
        unreadable = os.path.join(tmp, 'unreadable')
        with open(unreadable, 'wb') as f:
            f.write(elf([text_seg()]))
        os.chmod(unreadable, 0)
        if os.access(unreadable, os.R_OK):      # running as root
            print('ok %d - unreadable file # SKIP root can read it' % n)
        else:
            ok &= check_error(n, 'unreadable file', [rvtcg, unreadable],
                              'Permission denied', 'rvtcg: %s: ' % unreadable)
        for name, args, want in CLI:
            n += 1
            args = [good if a == 'PROG' else a for a in args]
            ok &= check_error(n, name, [rvtcg] + args, want, 'rvtcg: ')
        for name, args, want in GOOD:
            n += 1
            rc, out, err = run([rvtcg] + args)
            good_run = rc == 0 and want in out and not err
            print('%s %d - %s exits 0' % ('ok' if good_run else 'not ok', n,
                                           name))
            if not good_run:
                print('# status %d, stdout %r, stderr %r' % (rc, out[:200],
                                                           err[:200]))
            ok &= good_run
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
