#!/usr/bin/env python3
"""The -d logs of rvtcg: each item produces its kind of output, -dfilter
limits it to the given pc ranges, -D sends it to a file, logging never
changes what the program prints, and chaining (counted by --stats) stops
with -d nochain and with exec.  TAP output.

  check_log.py RVTCG HELLO LOOP SEGV
HELLO, LOOP, SEGV: tests/guest/asm hello.S, loop.S, segv.S built.
"""
import os
import re
import struct
import subprocess
import sys
import tempfile

results = []


def check(name, cond, detail=''):
    results.append((name, bool(cond), detail))


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=300)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def entry_of(path):
    with open(path, 'rb') as f:
        return struct.unpack_from('<Q', f.read(64), 24)[0]


def stats(err):
    return {m.group(1): int(m.group(2))
            for m in re.finditer(r'^rvtcg-stats: (\w+)\s+(\d+)', err, re.M)}


def tb_starts(err):
    """pc of the first instruction of each IN: block."""
    starts, want = [], False
    for line in err.splitlines():
        if line.startswith('IN:'):
            want = True
        elif want and re.match(r'0x[0-9a-f]{16}:', line):
            starts.append(int(line[2:18], 16))
            want = False
    return starts


def main():
    rvtcg, hello, loop, segv = sys.argv[1:5]
    entry = entry_of(hello)
    rc, plain_out, plain_err = run([rvtcg, hello])
    check('plain run', rc == 0 and plain_out and not plain_err,
          'status %d, stderr %r' % (rc, plain_err[:200]))

    # in_asm
    rc, out, err = run([rvtcg, '-d', 'in_asm', hello])
    check('in_asm: program output unchanged', rc == 0 and out == plain_out)
    check('in_asm: IN: blocks name the symbol', 'IN: _start\n' in err,
          err[:300])
    insn = re.compile(r'^0x[0-9a-f]{16}:  [0-9a-f]{4}(?:[0-9a-f]{4})?\s+\S+',
                      re.M)
    check('in_asm: instructions with address, encoding, mnemonic',
          len(insn.findall(err)) >= 4 and
          re.search(r'^0x%016x:  ' % entry, err, re.M) and
          re.search(r'\secall\b', err), err[:500])
    check('in_asm: nothing but in_asm',
          'OP' not in err and 'OUT:' not in err and 'Trace' not in err)
    starts = tb_starts(err)
    check('in_asm: one block per TB, the first at the entry point',
          len(starts) == 2 and starts[0] == entry, str(starts))

    # op, op_opt
    rc, out, err = run([rvtcg, '-d', 'op', hello])
    check('op: IR before optimization',
          out == plain_out and err.count('OP:\n') == 2 and
          'insn_start 0x%x' % entry in err and 'exit_tb' in err and
          'after optimization' not in err, err[:500])
    check('op: guest register declarations left out',
          'global i64' not in err)
    rc, out, err = run([rvtcg, '-d', 'op_opt', hello])
    check('op_opt: IR after optimization',
          out == plain_out and err.count('OP after optimization:\n') == 2 and
          'insn_start 0x%x' % entry in err and 'OP:\n' not in err, err[:500])

    # out_asm
    rc, out, err = run([rvtcg, '-d', 'out_asm', hello])
    check('out_asm: host code per TB',
          out == plain_out and err.count('OUT: [size=') == 2 and
          '  -- guest addr 0x%016x\n' % entry in err and
          re.search(r'^0x[0-9a-f]{16}:  (mov|jmp|lea) ', err, re.M), err[:500])

    # exec, cpu
    rc, out, err = run([rvtcg, '-d', 'exec', hello])
    traces = re.findall(r'^Trace 0: 0x[0-9a-f]+ \[00000000/([0-9a-f]{16})/'
                        r'00000000/00000000\] ?(\S*)$', err, re.M)
    check('exec: one Trace line per executed TB',
          out == plain_out and len(traces) == 2 and
          traces[0] == ('%016x' % entry, '_start') and
          len(err.splitlines()) == 2, err[:500])
    rc, out, err = run([rvtcg, '-d', 'cpu', hello])
    pcs = re.findall(r'^ pc       ([0-9a-f]{16})$', err, re.M)
    sp = re.findall(r' x2/sp    ([0-9a-f]{16})', err)
    check('cpu: registers before each TB',
          out == plain_out and len(pcs) == 2 and int(pcs[0], 16) == entry and
          sp and int(sp[0], 16) % 16 == 0 and ' x31/t6   ' in err and
          ' f31/ft11 ' in err, err[:600])

    # nochain and chaining counters
    rc, out, err = run([rvtcg, '--stats', loop])
    s = stats(err)
    check('chaining: slots patched, few loop entries',
          rc == 0 and s.get('chain_links', 0) > 0 and
          s.get('loop_entries', 1 << 62) < 1000, str(s))
    loop_out = out
    rc, out, err = run([rvtcg, '--stats', '-d', 'nochain', loop])
    s = stats(err)
    check('nochain: no slot patched, the loop entered per TB',
          rc == 0 and out == loop_out and s.get('chain_links', 1) == 0 and
          s.get('loop_entries', 0) > 2000000, str(s))
    rc, out, err = run([rvtcg, '--stats', '--no-chain', loop])
    s = stats(err)
    check('--no-chain: the same as -d nochain',
          out == loop_out and s.get('chain_links', 1) == 0, str(s))

    rc, out, err = run([rvtcg, '--stats', '-d', 'exec', '-dfilter', '0x1..0x2',
                        loop])
    s = stats(err)
    check('exec implies nochain', out == loop_out and
          s.get('chain_links', 1) == 0, str(s))

    # -dfilter
    second = starts[1] if len(starts) > 1 else 0
    rc, out, err = run([rvtcg, '-d', 'in_asm', '-dfilter',
                        '0x%x..0x%x' % (second, second), hello])
    check('-dfilter A..B: only the TB starting in the range',
          out == plain_out and tb_starts(err) == [second], err[:300])
    rc, out, err = run([rvtcg, '-d', 'in_asm,exec', '-dfilter',
                        '0x%x+1' % entry, hello])
    check('-dfilter A+LEN: in_asm and exec of the first TB only',
          tb_starts(err) == [entry] and err.count('Trace 0:') == 1, err[:300])
    rc, out, err = run([rvtcg, '-d', 'in_asm', '-dfilter',
                        '0x%x-0x10,0x%x..0x%x' % (entry, second, second),
                        hello])
    check('-dfilter A-LEN,A..B: both ranges',
          tb_starts(err) == [entry, second], err[:300])
    rc, out, err = run([rvtcg, '-d', 'in_asm', '-dfilter', '0x1..0x2', hello])
    check('-dfilter outside the code: no log', out == plain_out and not err)

    # -D
    with tempfile.TemporaryDirectory() as tmp:
        log = os.path.join(tmp, 'log')
        rc, out, err = run([rvtcg, '-d', 'in_asm,exec', '-D', log, hello])
        text = open(log).read() if os.path.exists(log) else ''
        check('-D FILE: the log goes to the file',
              out == plain_out and not err and 'IN: _start' in text and
              'Trace 0:' in text, err[:200])

    # int
    rc, out, err = run([rvtcg, '-d', 'int,in_asm', segv])
    m = re.search(r'^rvtcg: uncaught target signal 11 \(Segmentation fault\) '
                  r'at pc 0x([0-9a-f]{16})$', err, re.M)
    ld = re.search(r'^0x([0-9a-f]{16}):  [0-9a-f]+\s+ld\s+a0,0\(t0\)$', err,
                   re.M)
    check('int: the guest signal at the faulting instruction',
          rc == -11 and m and ld and m.group(1) == ld.group(1), err[-400:])
    rc, out, err = run([rvtcg, segv])
    check('without -d int: nothing on stderr (as qemu-riscv64)',
          rc == -11 and not err, err)

    print('1..%d' % len(results))
    for i, (name, ok, detail) in enumerate(results, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', i, name))
        if not ok and detail:
            for line in str(detail).splitlines()[:12]:
                print('# ' + line)
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == '__main__':
    sys.exit(main())
