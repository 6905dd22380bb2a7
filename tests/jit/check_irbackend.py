#!/usr/bin/env python3
"""rvtcg-irbackend on tests/jit/irbackend_sample.ir: the listing shows each
IR op followed by its x86-64 instructions, feature-dependent lowerings
follow --features, --no-opt shows the unoptimized IR, and bad input gives
one line on stderr and exit status 1.  Prints TAP.

usage: check_irbackend.py TOOL SAMPLE.ir
"""
import os
import re
import subprocess
import sys
import tempfile

tool, sample = sys.argv[1], sys.argv[2]
results = []


def check(name, ok, detail=""):
    results.append((name, ok, detail))


def run(*args):
    p = subprocess.run([tool, *args], capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def listing_ops(out):
    """{op line: [instruction texts]} in order, from the tool's listing."""
    ops, cur = [], None
    for line in out.splitlines():
        if line.startswith("#"):
            continue
        m = re.match(r"  [0-9a-f]{4}  (?:[0-9a-f]{2} )+\s*(.*)$", line)
        if m:
            if cur is None:
                return None
            cur[1].append(m.group(1))
        else:
            cur = (line.strip(), [])
            ops.append(cur)
    return ops


def insns_of(ops, prefix):
    """Instructions listed under the first op whose text starts with PREFIX."""
    for text, insns in ops:
        if text.startswith(prefix):
            return " | ".join(insns)
    return None


# --- the host's features, as the tool reports them
rc, out, err = run(sample, "--features=host")
check("runs on the sample", rc == 0 and err == "", err)
m = re.search(r"host features:(.*)", out)
host = set(m.group(1).split()) if m else set()
ops = listing_ops(out) or []
check("listing has an op line before every instruction", listing_ops(out) is not None)
check("every op of the sample is listed",
      all(insns_of(ops, p) is not None for p in
          ["insn_start 0x10078", "clz.i64", "ctpop.i64", "shl.i64", "divu.i64",
           "fma.f64", "ftoi.i64", "call.i64", "fneg.f64", "brcond.i64",
           "st_guest.i64", "goto_tb 0", "exit_tb 0x1234", "L0:"]))
check("guest load is a bare [reg] (guest_base 0)",
      re.search(r"movsxd \w+, dword ptr \[\w+\]", insns_of(ops, "ld_guest") or ""),
      insns_of(ops, "ld_guest"))
check("divu tests the divisor and divides",
      re.search(r"test .*\| jz .*div ", insns_of(ops, "divu") or ""),
      insns_of(ops, "divu"))
check("goto_tb is a jmp", "jmp" in (insns_of(ops, "goto_tb") or ""))
check("exit_tb 0x1234 loads eax", "mov eax, 0x1234" in (insns_of(ops, "exit_tb 0x1234") or ""))
check("fneg is xorps with the sign mask", "xorps" in (insns_of(ops, "fneg") or ""))

# --- per feature: the instruction with the feature, the fallback without
cases = [
    ("lzcnt", "clz.i64", "lzcnt", "bsr"),
    ("popcnt", "ctpop.i64", "popcnt", "call"),
    ("bmi2", "shl.i64", "shlx", "shl "),
    ("fma", "fma.f64", "vfmsub213sd", "call"),        # neg_add: a*b - c
    ("sse41", "ftoi.i64", "roundsd", "call"),
]
rc0, out0, _ = run(sample, "--features=none")
ops0 = listing_ops(out0) or []
check("--features=none reports no features",
      re.search(r"host features:\s*$", out0, re.M) is not None)
for feat, op, with_it, without in cases:
    got0 = insns_of(ops0, op) or ""
    check(f"{op} without {feat}: {without.strip()}",
          without in got0 and with_it not in got0, got0)
    if feat in host:
        rc1, out1, _ = run(sample, "--features=" + feat)
        got1 = insns_of(listing_ops(out1) or [], op) or ""
        check(f"{op} with {feat}: {with_it}", with_it in got1, got1)
        rc2, out2, _ = run(sample, "--features=-" + feat)
        got2 = insns_of(listing_ops(out2) or [], op) or ""
        check(f"{op} with host features minus {feat}: no {with_it}",
              with_it not in got2, got2)
    else:
        check(f"# SKIP {feat} not on this host", True)

# --- optimizer on and off
rc, out_opt, _ = run(sample)
rc2, out_raw, _ = run(sample, "--no-opt")
check("--no-opt keeps the constant add", "add.i64 t4, $2, $3" in out_raw)
check("the optimizer folds it", rc == 0 and "add.i64 t4, $2, $3" not in out_opt)
check("--no-opt says unoptimized", "unoptimized IR" in out_raw)

# --- guest base that needs the guest-base register
rc, out, _ = run(sample, "--guest-base=0x7f0000000000")
ld = insns_of(listing_ops(out) or [], "ld_guest") or ""
check("large guest_base: [r15 + addr]", re.search(r"\[r15\+\w+\*1\]", ld), ld)
rc, out, _ = run(sample, "--guest-base=0x10000")
ld = insns_of(listing_ops(out) or [], "ld_guest") or ""
check("small guest_base: a displacement", "+0x10000]" in ld, ld)

# --- bad input: one line on stderr, exit status 1, nothing on stdout
with tempfile.TemporaryDirectory() as tmp:
    bad_syntax = os.path.join(tmp, "bad.ir")
    with open(bad_syntax, "w") as f:
        f.write("temp i64 t0\n    add.i64 t0, t0\n")
    bad_type = os.path.join(tmp, "badtype.ir")
    with open(bad_type, "w") as f:
        f.write("temp i64 t0\ntemp f64 t1\n    add.i64 t0, t1, t1\n    exit_tb 0x0\n")
    for name, args, want in [
        ("missing file", [os.path.join(tmp, "nope.ir")], "nope.ir"),
        ("syntax error", [bad_syntax], "bad.ir:2:"),
        ("invalid IR", [bad_type], "invalid IR"),
        ("unknown option", [sample, "--frobnicate"], "unknown option"),
        ("unknown feature", [sample, "--features=avx9"], "avx9"),
        ("unknown optimizer rule", [sample, "--opt-disable=nosuchrule"], "nosuchrule"),
        ("no input file", [], "no input file"),
    ]:
        rc, out, err = run(*args)
        lines = err.splitlines()
        check(f"bad input ({name}): exit 1, one line",
              rc == 1 and len(lines) == 1 and want in err and out == "",
              f"rc={rc} stderr={err!r}")

print(f"1..{len(results)}")
failed = 0
for i, (name, ok, detail) in enumerate(results, 1):
    if name.startswith("# SKIP"):
        print(f"ok {i} {name}")
        continue
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if not ok:
        failed += 1
        for line in str(detail).splitlines():
            print(f"# {line}")
sys.exit(1 if failed else 0)
