#!/usr/bin/env python3
"""Writes the guest program of the FP edge-case test (tests/fpu/meson.build).

RISC-V Unprivileged ISA 20191213, chapters 11 (F) and 12 (D): every F/D
instruction, encoded here from the ISA's tables, runs in a tiny "stub"
(the instruction(s), then ret) that a table-driven loop calls once per
case with f1/f2/f3 (raw 64-bit bits: singles NaN-boxed or deliberately
not), a1 (integer input), a2 (a scratch buffer) and fcsr (frm and
possibly preset flags) loaded from the case.  After each call the loop
records f4, f5, a0, fcsr and the scratch word.  The values: edge values
of both formats (zeros, subnormals, normal-range ends, infinities, quiet
and signalling NaNs with payloads, rounding and integer-range
boundaries), the tininess-after-rounding boundary, RMM ties, and biased
random values; every instruction with an rm field runs under every
static mode with frm RNE and RDN and under DYN with every valid frm.

    gen_fpu_prog.py OUT.S OUT.cases [SEED]

OUT.cases lists one case per line (instruction|mode|fcsr|f1|f2|f3|a1) for the
driver's reports.  The same seed always gives the same program.
"""
import random
import sys

OP_FP = 0x53
SENT = 0x5a5a5a5a5a5a5a5a          # marks outputs an instruction must not touch


def r_type(f7, rs2, rs1, f3, rd, opc=OP_FP):
    return f7 << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | rd << 7 | opc


def r4_type(opc, fmt, rs3, rs2, rs1, rm, rd):
    return rs3 << 27 | fmt << 25 | rs2 << 20 | rs1 << 15 | rm << 12 | rd << 7 | opc


FA, FB, FC, FD, FE = 1, 2, 3, 4, 5      # f1..f5
XD, XS, XM = 10, 11, 12                 # a0 (result), a1 (input), a2 (memory)

# ---- values --------------------------------------------------------------

EDGES = {
    'd': [0x0, 1 << 63, 0x1, 0x8000000000000001, 0x000fffffffffffff,
          0x800fffffffffffff, 0x0010000000000000, 0x8010000000000000,
          0x0010000000000001, 0x3ff0000000000000, 0xbff0000000000000,
          0x3ff0000000000001, 0x3fefffffffffffff, 0x3fe0000000000000,
          0xbfe0000000000000, 0x3ff8000000000000, 0x4004000000000000,
          0xc004000000000000, 0x400c000000000000, 0x4340000000000000,
          0x41dfffffffe00000, 0x41e0000000000000, 0xc1e0000000000000,
          0xc1e0000000100000, 0x41efffffffffffff, 0x41f0000000000000,
          0x43e0000000000000, 0xc3e0000000000000, 0x43efffffffffffff,
          0x43f0000000000000, 0x7fefffffffffffff, 0xffefffffffffffff,
          0x7ff0000000000000, 0xfff0000000000000, 0x7ff8000000000000,
          0xfff8000000000000, 0x7ff8000000000123, 0x7ff0000000000001,
          0xfff4000000000000, 0x3fd5555555555555, 0xc00921fb54442d18,
          0x5fe0000000000000, 0x2000000000000000, 0x3ca0000000000000,
          0x47efffffe0000000, 0x36a0000000000000],
    's': [0x0, 0x80000000, 0x1, 0x80000001, 0x007fffff, 0x807fffff,
          0x00800000, 0x80800000, 0x00800001, 0x3f800000, 0xbf800000,
          0x3f800001, 0x3f7fffff, 0x3f000000, 0xbf000000, 0x3fc00000,
          0x40200000, 0xc0200000, 0x40600000, 0x4b800000, 0x4effffff,
          0x4f000000, 0xcf000000, 0xcf000001, 0x4f7fffff, 0x4f800000,
          0x5f000000, 0xdf000000, 0x5f7fffff, 0x5f800000, 0x7f7fffff,
          0xff7fffff, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000,
          0x7fc00123, 0x7f800001, 0xffa00000, 0x3eaaaaab, 0xc0490fdb,
          0x33800000, 0x1f800000],
}

INT_EDGES = [0, 1, (1 << 64) - 1, 0x7fffffff, 0x80000000, 0xffffffff,
             0x100000000, 0x7fffffffffffffff, 0x8000000000000000,
             0xffffffff80000000, 0x20000000000001, 0x1000001, 0x1000003,
             0xfffffffffffffbff, 0xfffffffffeffffff, 0x7ffffffffffffdff,
             0xfffffffffffffffe, 0x8000000000000400]

UNBOXED_HI = [0x00000000, 0x7fffffff, 0xfffffffe, 0x7ff00000, 0x12345678]


SIGN = {'s': 0x80000000, 'd': 1 << 63}
SPECIAL = {'s': (0x7f800000, 0x7fc00000, 0x7f800001, 0x3f800000),
           'd': (0x7ff0000000000000, 0x7ff8000000000000, 0x7ff0000000000001,
                 0x3ff0000000000000)}


def near_single(rng):
    """A double near binary32's subnormal, normal and overflow boundaries
    (binary32 exponents -150..-125 and 126..128), with a random tail."""
    e = rng.choice([rng.randrange(-152, -124), rng.randrange(125, 129)])
    mant = rng.getrandbits(52)
    if rng.randrange(2):
        mant &= ~((1 << 29) - 1)                     # exactly a single's bits,
        mant |= rng.choice([0, 1 << 28, 1, 1 << 28 | 1])   # a tie, just past
    return rng.getrandbits(1) << 63 | (e + 1023) << 52 | mant


def rand_float(rng, fmt):
    mb, eb = (23, 8) if fmt == 's' else (52, 11)
    emax = (1 << eb) - 1
    bias = emax >> 1
    k = rng.randrange(7)
    if k == 0:
        return rng.choice(EDGES[fmt])
    sign = rng.getrandbits(1)
    mant = rng.getrandbits(mb)
    if k == 1:
        return rng.getrandbits(mb + eb + 1)
    if k == 2:
        be = rng.randrange(3)                        # subnormal boundary
    elif k == 3:
        be = emax - 1 - rng.randrange(2)             # overflow boundary
    elif k == 4:                                     # around 1, few bits
        be = bias - 3 + rng.randrange(7)
        mant &= ~((1 << (mb - 1 - rng.randrange(5))) - 1)
    elif k == 5:                                     # integer-range ends
        be = bias + 29 + rng.randrange(4) + 32 * rng.randrange(2)
    else:
        be = rng.randrange(emax + 1)
    return sign << (mb + eb) | be << mb | mant


def rand_int(rng):
    k = rng.randrange(5)
    v = rng.getrandbits(64)
    if k == 0:
        return rng.choice(INT_EDGES)
    if k == 1:                                       # a 32-bit value
        lo = v & 0xffffffff
        if rng.randrange(2) and lo & 0x80000000:
            return lo | 0xffffffff << 32                 # sign-extended
        return lo
    if k == 2:
        return v >> rng.randrange(64)
    if k == 3:
        return (-(v >> rng.randrange(64))) & ((1 << 64) - 1)
    return v


def reg_bits(rng, fmt, v, unboxed_pct=10):
    """The raw register for a value: singles NaN-boxed, sometimes not."""
    if fmt == 'd':
        return v
    if rng.randrange(100) < unboxed_pct:
        return rng.choice(UNBOXED_HI) << 32 | v
    return 0xffffffff << 32 | v


# ---- instructions ----------------------------------------------------------

FMT = {'s': 0, 'd': 1}


class Stub:
    def __init__(self, name, words, kind, fmt, has_rm):
        self.name, self.words, self.kind, self.fmt = name, words, kind, fmt
        self.has_rm = has_rm


def rm_combos(has_rm):
    """(rm field, frm) pairs: every static mode under frm RNE and RDN, DYN
    under every valid frm."""
    if not has_rm:
        return [(None, 0), (None, 3)]
    return ([(rm, 0) for rm in range(5)] + [(rm, 2) for rm in range(5)] +
            [(7, frm) for frm in range(5)])


def instructions():
    """(name, encode(rm), kind, fmt, has_rm) for every F/D instruction."""
    out = []
    for fmt in ('s', 'd'):
        f = FMT[fmt]
        for name, f5 in (('fadd', 0), ('fsub', 1), ('fmul', 2), ('fdiv', 3)):
            out.append((f'{name}.{fmt}', lambda rm, f5=f5, f=f:
                        [r_type(f5 << 2 | f, FB, FA, rm, FD)], 'ff', fmt, True))
        out.append((f'fsqrt.{fmt}', lambda rm, f=f:
                    [r_type(0b01011 << 2 | f, 0, FA, rm, FD)], 'f', fmt, True))
        for name, opc in (('fmadd', 0x43), ('fmsub', 0x47), ('fnmsub', 0x4b),
                          ('fnmadd', 0x4f)):
            out.append((f'{name}.{fmt}', lambda rm, opc=opc, f=f:
                        [r4_type(opc, f, FC, FB, FA, rm, FD)], 'fff', fmt, True))
        for name, f3 in (('fsgnj', 0), ('fsgnjn', 1), ('fsgnjx', 2)):
            out.append((f'{name}.{fmt}', lambda rm, f3=f3, f=f:
                        [r_type(0b00100 << 2 | f, FB, FA, f3, FD)], 'ff', fmt, False))
            out.append((f'{name}.{fmt} (rs1 = rs2)', lambda rm, f3=f3, f=f:
                        [r_type(0b00100 << 2 | f, FA, FA, f3, FD)], 'f', fmt, False))
        for name, f3 in (('fmin', 0), ('fmax', 1)):
            out.append((f'{name}.{fmt}', lambda rm, f3=f3, f=f:
                        [r_type(0b00101 << 2 | f, FB, FA, f3, FD)], 'ff', fmt, False))
        for name, f3 in (('feq', 2), ('flt', 1), ('fle', 0)):
            out.append((f'{name}.{fmt}', lambda rm, f3=f3, f=f:
                        [r_type(0b10100 << 2 | f, FB, FA, f3, XD)], 'ff', fmt, False))
        out.append((f'feq.{fmt} x0', lambda rm, f=f:
                    [r_type(0b10100 << 2 | f, FB, FA, 2, 0)], 'ff', fmt, False))
        out.append((f'flt.{fmt} x0', lambda rm, f=f:
                    [r_type(0b10100 << 2 | f, FB, FA, 1, 0)], 'ff', fmt, False))
        ix = 'w' if fmt == 's' else 'd'
        out.append((f'fclass.{fmt}', lambda rm, f=f:
                    [r_type(0b11100 << 2 | f, 0, FA, 1, XD)], 'f', fmt, False))
        out.append((f'fmv.x.{ix}', lambda rm, f=f:
                    [r_type(0b11100 << 2 | f, 0, FA, 0, XD)], 'f', fmt, False))
        out.append((f'fmv.{ix}.x', lambda rm, f=f:
                    [r_type(0b11110 << 2 | f, 0, XS, 0, FD)], 'x', fmt, False))
        for it, k in (('w', 0), ('wu', 1), ('l', 2), ('lu', 3)):
            out.append((f'fcvt.{it}.{fmt}', lambda rm, k=k, f=f:
                        [r_type(0b11000 << 2 | f, k, FA, rm, XD)], 'f', fmt, True))
            out.append((f'fcvt.{fmt}.{it}', lambda rm, k=k, f=f:
                        [r_type(0b11010 << 2 | f, k, XS, rm, FD)], 'x', fmt, True))
        out.append((f'fcvt.w.{fmt} x0', lambda rm, f=f:
                    [r_type(0b11000 << 2 | f, 0, FA, rm, 0)], 'f', fmt, True))
    out.append(('fcvt.s.d', lambda rm: [r_type(0b0100000, 1, FA, rm, FD)], 'f', 'd', True))
    out.append(('fcvt.d.s', lambda rm: [r_type(0b0100001, 0, FA, rm, FD)], 'f', 's', True))
    # loads and stores: the scratch word at a2 holds the sentinel first
    flw = (0 << 20 | XM << 15 | 2 << 12 | FD << 7 | 0x07)
    fld = (0 << 20 | XM << 15 | 3 << 12 | FD << 7 | 0x07)
    fsw = (FA << 20 | XM << 15 | 2 << 12 | 0x27)
    fsd = (FA << 20 | XM << 15 | 3 << 12 | 0x27)
    out.append(('fsw', lambda rm: [fsw], 'f', 's', False))
    out.append(('fsd', lambda rm: [fsd], 'f', 'd', False))
    out.append(('fsw; flw', lambda rm: [fsw, flw], 'f', 's', False))
    out.append(('fsd; fld', lambda rm: [fsd, fld], 'f', 'd', False))
    # sequences: a single result read back in the same block (NaN-box
    # tracking), loads and stores of singles, modes switched and restored
    fadd_s = lambda rd, a, b, rm=7: r_type(0b0000000, b, a, rm, rd)
    fmul_s = lambda rd, a, b, rm=7: r_type(0b0001000, b, a, rm, rd)
    fadd_d = lambda rd, a, b, rm=7: r_type(0b0000001, b, a, rm, rd)
    fsgnjn_s = lambda rd, a, b: r_type(0b0010000, b, a, 1, rd)
    out.append(('fadd.s; fmul.s (reuse)', lambda rm:
                [fadd_s(FD, FA, FB), fmul_s(FE, FD, FC)], 'fff', 's', False))
    out.append(('fsgnjn.s; fadd.s (reuse)', lambda rm:
                [fsgnjn_s(FD, FA, FB), fadd_s(FE, FD, FD)], 'fff', 's', False))
    out.append(('flw; fadd.s; fsw', lambda rm:
                [fsw, flw, fadd_s(FE, FD, FB),
                 FE << 20 | XM << 15 | 2 << 12 | 4 << 7 | 0x27], 'fff', 's', False))
    out.append(('fadd.d rm; fadd.d dyn', lambda rm:
                [fadd_d(FD, FA, FB, rm), fadd_d(FE, FA, FB)], 'ff', 'd', True))
    out.append(('fadd.s rm; fmul.s dyn', lambda rm:
                [fadd_s(FD, FA, FB, rm), fmul_s(FE, FA, FB)], 'ff', 's', True))
    # the FP CSRs: read-modify-write after an op, and frm changed mid-block
    frflags_swap = r_type(0, 0, XS, 1, XD, 0x73) | 0x001 << 20   # csrrw a0, fflags, a1
    frm_swap = r_type(0, 0, XS, 1, XD, 0x73) | 0x002 << 20       # csrrw a0, frm, a1
    out.append(('fadd.d; csrrw fflags', lambda rm:
                [fadd_d(FD, FA, FB), frflags_swap], 'ffx', 'd', False))
    out.append(('csrrw frm; fadd.d dyn', lambda rm:
                [frm_swap, fadd_d(FD, FA, FB)], 'ffm', 'd', False))
    return out


def main():
    out_s, out_cases = sys.argv[1], sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    stubs = []          # (label, words)
    cases = []          # (label, fcsr, a, b, c, x, description)
    for name, enc, kind, fmt, has_rm in instructions():
        for ci, (rm, frm) in enumerate(rm_combos(has_rm)):
            label = f'stub{len(stubs)}'
            stubs.append((label, enc(rm if rm is not None else 0)))
            mode = (f'rm={rm}' if rm is not None and rm != 7 else 'dyn') + f' frm={frm}'
            main = ci == (len(rm_combos(has_rm)) - 5 if has_rm else 0)
            vals = EDGES[fmt]
            todo = []
            if kind == 'ff' and main:
                todo = [(a, b, rng.choice(vals)) for a in vals for b in vals]
            elif kind in ('f', 'fff', 'x') and main:
                todo = [(a, rng.choice(vals), rng.choice(vals)) for a in vals]
                todo += [(rand_float(rng, fmt), rand_float(rng, fmt),
                          rand_float(rng, fmt)) for _ in range(400)]
            n = len(todo) + (60 if has_rm else 150)
            while len(todo) < n:
                todo.append((rand_float(rng, fmt), rand_float(rng, fmt),
                             rand_float(rng, fmt)))
            if kind == 'ff' and fmt == 'd' and main:      # tininess, ties
                todo += [(0x3fefffffffffffff, 0x0010000000000000, 0),
                         (0x000fffffffffffff, 0x3ff0000000000001, 0),
                         (0x3ff0000000000000, 0x3ca0000000000000, 0),
                         (0xbff0000000000000, 0xbca0000000000000, 0)]
            if kind == 'fff':                             # inf * 0 + NaN
                inf, qnan, snan, one = SPECIAL[fmt]
                todo += [(inf, 0, qnan), (0, inf | SIGN[fmt], qnan | 0x123),
                         (inf, 0, snan), (inf, 0, one), (0, 0, qnan),
                         (inf, one, qnan), (inf, 0, qnan | SIGN[fmt])]
            if name == 'fcvt.s.d':                        # singles' edges
                todo += [(near_single(rng), 0, 0) for _ in range(120)]
            for a, b, c in todo:
                if kind[0] == 'x':
                    x = rand_int(rng) if rng.randrange(3) else rng.choice(INT_EDGES)
                elif kind == 'ffx':
                    x = rng.randrange(32)
                elif kind == 'ffm':
                    x = rng.randrange(5)                   # a valid frm
                else:
                    x = rand_int(rng)
                preset = rng.choice([0, 0, 0, 0, 1, 0x10, 0x1f])
                fcsr = frm << 5 | preset
                ra = reg_bits(rng, fmt, a)
                rb = reg_bits(rng, fmt, b)
                rc = reg_bits(rng, fmt, c)
                cases.append((label, fcsr, ra, rb, rc, x, f'{name}|{mode}'))
    with open(out_s, 'w') as f:
        f.write(PROLOGUE.format(sent=SENT))
        for label, words in stubs:
            f.write(f'{label}:\n')
            for w in words:
                f.write(f'    .word 0x{w:08x}\n')
            f.write('    ret\n')
        f.write('    .section .rodata\n    .balign 8\ncases:\n')
        for label, fcsr, a, b, c, x, _ in cases:
            f.write(f'    .dword {label}, 0x{fcsr:x}, 0x{a:x}, 0x{b:x}, '
                    f'0x{c:x}, 0x{x:x}\n')
        f.write('cases_end:\n')
        f.write(f'    .bss\n    .balign 8\nout:\n    .zero {40 * len(cases)}\n')
        f.write('scratch:\n    .zero 16\n')
    with open(out_cases, 'w') as f:
        for label, fcsr, a, b, c, x, desc in cases:
            f.write(f'{desc}|{fcsr:#x}|{a:#018x}|{b:#018x}|{c:#018x}|{x:#018x}\n')


PROLOGUE = """\
# Generated by tests/fpu/gen_fpu_prog.py: F/D edge cases (see there).
    .option norvc
    .text
    .globl _start
_start:
    la s1, cases
    la s2, cases_end
    la s3, out
    la a2, scratch
    li s4, {sent:#x}
1:  bgeu s1, s2, 3f
    fmv.d.x f4, s4
    fmv.d.x f5, s4
    mv a0, s4
    sd s4, 0(a2)
    ld t1, 16(s1)
    fmv.d.x f1, t1
    ld t1, 24(s1)
    fmv.d.x f2, t1
    ld t1, 32(s1)
    fmv.d.x f3, t1
    ld a1, 40(s1)
    ld t2, 0(s1)
    ld t0, 8(s1)
    fscsr t0
    jalr ra, t2
    frcsr t0
    fmv.x.d t1, f4
    sd t1, 0(s3)
    fmv.x.d t1, f5
    sd t1, 8(s3)
    sd a0, 16(s3)
    sd t0, 24(s3)
    ld t1, 0(a2)
    sd t1, 32(s3)
    addi s3, s3, 40
    addi s1, s1, 48
    j 1b
3:  la s5, out
2:  bgeu s5, s3, 4f
    li a7, 64
    li a0, 1
    mv a1, s5
    sub a2, s3, s5
    ecall
    blez a0, 5f
    add s5, s5, a0
    j 2b
4:  li a7, 93
    li a0, 0
    ecall
5:  li a7, 93
    li a0, 1
    ecall
"""

if __name__ == '__main__':
    main()
