#!/usr/bin/env python3
"""rvtcg-irdump on a guest program: each guest instruction is followed by
its IR (starting with its insn_start), --count, --addr (number or
symbol), --opt, --one-insn-per-tb, and one-line errors.  TAP output.

  check_irdump.py IRDUMP LOOP
LOOP: tests/guest/asm/loop.S built (has the function `f`).
"""
import os
import re
import struct
import subprocess
import sys
import tempfile

results = []
INSN = re.compile(r'^0x([0-9a-f]+): ([0-9a-f]{8}|[0-9a-f]{4}) +(\S+)')


def check(name, cond, detail=''):
    results.append((name, bool(cond), detail))


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=60)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def insns(out):
    return [(int(m.group(1), 16), m.group(3))
            for m in map(INSN.match, out.splitlines()) if m]


def each_insn_has_ir(out):
    """Every instruction line is followed by its insn_start."""
    lines = out.splitlines()
    for i, line in enumerate(lines):
        m = INSN.match(line)
        if m and (i + 1 >= len(lines) or
                  lines[i + 1] != '    insn_start 0x' + m.group(1)):
            return False
    return True


def main():
    irdump, loop = sys.argv[1:3]
    with open(loop, 'rb') as f:
        entry = struct.unpack_from('<Q', f.read(64), 24)[0]

    rc, out, err = run([irdump, loop])
    got = insns(out)
    # loop.S has 18 instructions from _start to the end of its code
    check('default: from the entry point to the end of the code',
          rc == 0 and not err and len(got) == 18 and got[0][0] == entry and
          out.startswith('# %s: from 0x%x <_start>, 32 instructions, '
                         'unoptimized IR\n' % (loop, entry)) and
          out.endswith(': not in an executable segment\n'), out[:300] + err)
    first = out
    rc, out, err = run([irdump, '--addr=print_str', loop])
    got = insns(out)
    check('32 instructions by default',
          rc == 0 and len(got) == 32 and got[0][1] == 'c.mv', out[:300] + err)
    out = first
    check('each instruction followed by its IR', each_insn_has_ir(out))
    check('blocks end in exits', out.count('# TB 0x') >= 2 and
          'goto_tb 0' in out and 'exit_tb' in out and 'brcond.i64' in out)
    check('ops are the frontend\'s (unoptimized)', 'add.i64 x8, $0, $0' in out,
          out[:400])

    rc, out, err = run([irdump, '--count=5', loop])
    check('--count=5', rc == 0 and len(insns(out)) == 5 and
          '(the block goes on; --count stops here)' in out, out)

    rc, out, err = run([irdump, '--addr=f', '--count=5', loop])
    got = insns(out)
    check('--addr=SYMBOL', rc == 0 and got and got[0][1] == 'slli' and
          len(got) == 5 and got[-1][1] == 'c.jr', out)
    if got:
        rc2, out2, err2 = run([irdump, '--addr=0x%x' % got[0][0],
                               '--count=5', loop])
        check('--addr=NUMBER gives the same listing',
              rc2 == 0 and insns(out2) == got and
              out2.split('\n', 1)[1] == out.split('\n', 1)[1], out2)
    else:
        check('--addr=NUMBER gives the same listing', False, 'no listing')

    rc, out, err = run([irdump, '--opt', '--count=8', loop])
    check('--opt: optimized IR', rc == 0 and 'optimized IR' in out and
          'mov.i64 x8, $0' in out and 'add.i64 x8, $0, $0' not in out and
          each_insn_has_ir(out), out[:400])

    rc, out, err = run([irdump, '--one-insn-per-tb', '--count=6', loop])
    check('--one-insn-per-tb: one TB per instruction',
          rc == 0 and out.count('# TB 0x') == 6 and len(insns(out)) == 6, out)

    with tempfile.TemporaryDirectory() as tmp:
        text = os.path.join(tmp, 'text')
        with open(text, 'w') as f:
            f.write('not an ELF file\n')
        for name, args, want in [
                ('missing file', [os.path.join(tmp, 'none')],
                 'No such file or directory'),
                ('not an ELF file', [text], 'not an ELF file'),
                ('bad --count', ['--count=x', loop], 'bad number'),
                ('zero --count', ['--count=0', loop], 'bad number'),
                ('unknown option', ['--bogus', loop], 'unknown option'),
                ('unknown symbol', ['--addr=no_such_symbol', loop],
                 "no symbol 'no_such_symbol'"),
                ('no input', [], 'no input file')]:
            rc, out, err = run([irdump] + args)
            check('error: ' + name, rc == 1 and not out and
                  len(err.splitlines()) == 1 and
                  err.startswith('rvtcg-irdump: ') and want in err,
                  'status %d, stderr %r' % (rc, err))

    print('1..%d' % len(results))
    for i, (name, ok, detail) in enumerate(results, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', i, name))
        if not ok and detail:
            for line in str(detail).splitlines()[:12]:
                print('# ' + line)
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == '__main__':
    sys.exit(main())
