#!/usr/bin/env python3
"""rvtcg-dis on bad input: one line on stderr naming the file, exit status 1
(2 for usage errors), never a crash.  Prints TAP."""
import os
import struct
import subprocess
import sys
import tempfile

DIS = sys.argv[1]


def elf_header(machine=243, cls=2, data=1, shoff=0, shnum=0, shentsize=64,
               phoff=0, phnum=0):
    ident = b'\x7fELF' + bytes([cls, data, 1, 0]) + bytes(8)
    return ident + struct.pack('<HHIQQQIHHHHHH', 2, machine, 1, 0x10000,
                               phoff, shoff, 0, 64, 56, phnum, shentsize,
                               shnum, 0)


CASES = [
    ('empty file', b'', 'not an ELF file'),
    ('text file', b'hello world\n', 'not an ELF file'),
    ('truncated header', b'\x7fELF\x02\x01\x01', 'truncated ELF header'),
    ('32-bit ELF', elf_header(cls=1), 'not a 64-bit ELF'),
    ('big-endian ELF', elf_header(data=2), 'not a little-endian ELF'),
    ('x86-64 ELF', elf_header(machine=62), 'not a RISC-V ELF'),
    ('section table past end', elf_header(shoff=4096, shnum=3),
     'truncated section header table'),
    ('bad section entry size', elf_header(shoff=64, shnum=1, shentsize=12),
     'bad section header size'),
    ('program headers past end', elf_header(phoff=1 << 40, phnum=2),
     'truncated program header table'),
    ('no sections', elf_header(), 'no section headers'),
]


def main():
    print('1..%d' % (len(CASES) + 3))
    failures = 0
    n = 0
    with tempfile.TemporaryDirectory() as d:
        for name, blob, msg in CASES:
            path = os.path.join(d, name.replace(' ', '_'))
            with open(path, 'wb') as f:
                f.write(blob)
            p = subprocess.run([DIS, path], capture_output=True, text=True)
            lines = p.stderr.strip().splitlines()
            ok = (p.returncode == 1 and len(lines) == 1 and
                  lines[0].startswith('rvtcg-dis: %s: ' % path) and
                  msg in lines[0] and p.stdout == '')
            n += 1
            if not ok:
                failures += 1
                print('# status %d, stderr %r' % (p.returncode, p.stderr))
            print('%s %d - %s: %s' % ('ok' if ok else 'not ok', n, name, msg))
        # Missing file, directory, and a usage error.
        for name, args, status, msg in [
                ('missing file', [os.path.join(d, 'nope')], 1,
                 'No such file'),
                ('directory', [d], 1, 'not a regular file'),
                ('no arguments', [], 2, 'usage')]:
            p = subprocess.run([DIS] + args, capture_output=True, text=True)
            ok = p.returncode == status and msg in p.stderr
            n += 1
            if not ok:
                failures += 1
                print('# status %d, stderr %r' % (p.returncode, p.stderr))
            print('%s %d - %s' % ('ok' if ok else 'not ok', n, name))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
