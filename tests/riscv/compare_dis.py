#!/usr/bin/env python3
"""Compare rvtcg-dis with GNU objdump -d -M no-aliases on a riscv64 ELF.

Both outputs are parsed into sections, symbol labels and instructions
(address, mnemonic, operands without objdump's "# ..." annotations) and
compared entry by entry.  Prints TAP; exits 1 on any difference.
"""
import argparse
import re
import subprocess
import sys

INSN = re.compile(r'^\s*([0-9a-f]+):\t([0-9a-f ]+?)\s*\t([^\t]+?)(?:\t(.*))?$')
LABEL = re.compile(r'^([0-9a-f]+) <(.*)>:$')
SECTION = re.compile(r'^Disassembly of section (.*):$')


def parse(text):
    sections, labels, insns = [], [], []
    for line in text.splitlines():
        m = SECTION.match(line)
        if m:
            sections.append(m.group(1))
            continue
        m = LABEL.match(line)
        if m:
            labels.append((int(m.group(1), 16), m.group(2)))
            continue
        m = INSN.match(line)
        if m:
            ops = (m.group(4) or '').split(' # ')[0].strip()
            insns.append((int(m.group(1), 16), m.group(3).strip(), ops))
    return sections, labels, insns


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True)
    if p.returncode != 0:
        print('Bail out! %s failed: %s' % (cmd[0], p.stderr.strip()))
        sys.exit(1)
    return p.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--objdump', required=True)
    ap.add_argument('--dis', required=True)
    ap.add_argument('elf')
    a = ap.parse_args()

    osec, olab, oins = parse(run([a.objdump, '-d', '-M', 'no-aliases', a.elf]))
    rsec, rlab, rins = parse(run([a.dis, a.elf]))
    failures = 0
    n = 0
    print('1..5')

    def check(ok, what, details=()):
        nonlocal failures, n
        n += 1
        for d in list(details)[:20]:
            print('# ' + d)
        print('%s %d - %s' % ('ok' if ok else 'not ok', n, what))
        if not ok:
            failures += 1

    check(osec == rsec, 'same executable sections %s' % rsec,
          ['objdump: %s' % osec, 'rvtcg-dis: %s' % rsec] if osec != rsec else [])

    oaddr = [i[0] for i in oins]
    raddr = [i[0] for i in rins]
    bad = []
    if oaddr != raddr:
        for k, (x, y) in enumerate(zip(oaddr, raddr)):
            if x != y:
                bad.append('first boundary difference at entry %d: objdump '
                           '%x, rvtcg-dis %x' % (k, x, y))
                break
        bad.append('objdump %d instructions, rvtcg-dis %d' %
                   (len(oaddr), len(raddr)))
    check(not bad, 'same instruction addresses (%d instructions)' % len(oins),
          bad)

    mn = ['%x: objdump %r, rvtcg-dis %r' % (o[0], o[1], r[1])
          for o, r in zip(oins, rins) if o[1] != r[1]]
    check(not mn and not bad, 'same mnemonics', mn)

    ops = ['%x: %s: objdump %r, rvtcg-dis %r' % (o[0], o[1], o[2], r[2])
           for o, r in zip(oins, rins) if o[1] == r[1] and o[2] != r[2]]
    check(not ops and not bad, 'same operands, including symbolized targets',
          ops)

    lab = []
    if olab != rlab:
        s_o, s_r = set(olab), set(rlab)
        lab = ['only objdump: %x <%s>' % x for x in sorted(s_o - s_r)][:10]
        lab += ['only rvtcg-dis: %x <%s>' % x for x in sorted(s_r - s_o)][:10]
    check(olab == rlab, 'same symbol labels (%d)' % len(olab), lab)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
