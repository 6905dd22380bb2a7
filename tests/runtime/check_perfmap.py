#!/usr/bin/env python3
"""-perfmap and RVTCG_PERFMAP: a run writes /tmp/perf-PID.map with one
well-formed line per committed TB ("START SIZE NAME", hex START and SIZE,
NAME guest:SYMBOL+0xOFF or guest:0xPC), naming the guest's main, with code
addresses that plausibly lie in one code cache; the program's output is
unchanged.  Also the extended --stats counters and derived values.  TAP.

  check_perfmap.py RVTCG HELLO
HELLO: tests/guest/c/hello.c built static (has main).
"""
import os
import re
import subprocess
import sys

results = []
CODE_SIZE = 32 << 20        # the default code cache (--code-size)


def check(name, cond, detail=''):
    results.append((name, bool(cond), detail))


def run(cmd, env=None):
    """Runs CMD; returns (status, stdout, stderr, pid)."""
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         env=env)
    out, err = p.communicate(timeout=300)
    return p.returncode, out.decode(), err.decode(), p.pid


def read_map(pid):
    path = '/tmp/perf-%d.map' % pid
    if not os.path.exists(path):
        return None
    with open(path) as f:
        text = f.read()
    os.unlink(path)
    return text


LINE = re.compile(r'^([0-9a-f]+) ([0-9a-f]+) '
                  r'(guest:(?:[^\s+]+\+0x[0-9a-f]+|0x[0-9a-f]+))$')


def check_map(what, text):
    check(what + ': /tmp/perf-PID.map written', text is not None)
    if text is None:
        return
    lines = text.splitlines()
    bad = [l for l in lines if not LINE.match(l)]
    check(what + ': every line is "START SIZE guest:NAME"',
          lines and not bad and text.endswith('\n'), repr(bad[:3]))
    ents = [(int(m.group(1), 16), int(m.group(2), 16), m.group(3))
            for m in map(LINE.match, lines) if m]
    check(what + ': nonzero addresses, sizes > 0',
          ents and all(s > 0x10000 and n > 0 for s, n, _ in ents),
          str(ents[:3]))
    lo = min((s for s, _, _ in ents), default=0)
    hi = max((s + n for s, n, _ in ents), default=0)
    check(what + ': all code inside one code cache (%d bytes)' % CODE_SIZE,
          ents and hi - lo <= CODE_SIZE, '0x%x..0x%x' % (lo, hi))
    names = [n for _, _, n in ents]
    check(what + ': names guest symbols (main, _start)',
          'guest:main+0x0' in names and
          any(n.startswith('guest:_start+') for n in names), str(names[:10]))


def main():
    rvtcg, hello = sys.argv[1:3]
    rc, plain, _, _ = run([rvtcg, hello])

    rc, out, err, pid = run([rvtcg, '-perfmap', hello])
    check('-perfmap: output unchanged', rc == 0 and out == plain and not err,
          err[:200])
    check_map('-perfmap', read_map(pid))

    env = dict(os.environ, RVTCG_PERFMAP='1')
    rc, out, err, pid = run([rvtcg, hello], env=env)
    check('RVTCG_PERFMAP: output unchanged', rc == 0 and out == plain)
    check_map('RVTCG_PERFMAP', read_map(pid))

    rc, out, err, pid = run([rvtcg, hello])
    check('without -perfmap: no map', read_map(pid) is None)

    rc, out, err, pid = run([rvtcg, '--stats', hello])
    s = {m.group(1): float(m.group(2)) for m in re.finditer(
        r'^rvtcg-stats: (\w+)\s+([\d.]+)  # ', err, re.M)}
    check('--stats: output unchanged', rc == 0 and out == plain)
    check('--stats: code bytes, translation time, derived values',
          s.get('tb_translated', 0) > 0 and s.get('guest_insns', 0) > 0 and
          s.get('host_bytes', 0) > s.get('guest_insns', 0) and
          s.get('translate_ns', 0) > 0 and s.get('syscalls', 0) > 0 and
          s.get('bytes_per_insn', 0) > 1 and 'translate_pct' in s and
          s.get('wall_ms', 0) > 0 and s.get('peak_rss_kib', 0) > 0, str(s))

    print('1..%d' % len(results))
    for i, (name, ok, detail) in enumerate(results, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', i, name))
        if not ok and detail:
            print('  # ' + detail.replace('\n', '\n  # '))
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == '__main__':
    sys.exit(main())
