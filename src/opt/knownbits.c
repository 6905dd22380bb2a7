/*
 * Known bits: for every integer temp the forward pass keeps a known-zero
 * mask Z and a known-one mask O (bits set in neither are unknown; both are
 * masked to the temp's width, so an i32's upper half is never "known").
 * opt_kb_output() is the transfer function of each op; the rules are
 *   kb-const  a pure op whose result bits are all known becomes a constant;
 *   kb-mask   and/or/andc that cannot change any bit given the known bits
 *             become a mov of the operand they leave unchanged;
 *   kb-ext    extract/sextract of [0, len) from a value whose bits above
 *             len (sextract: from len-1) already equal the extension;
 *   kb-ext32  ext_i32_i64 of a value with bit 31 known 0 becomes
 *             extu_i32_i64 (the same value; a cheaper 32-bit move);
 *   kb-cond   comparisons decided by the bits: values that differ in a known
 *             bit are not equal, and the ranges [O, ~Z] order them.
 * opt_knownbits() also applies the sign-bit rule kb-sext (signbits.c) and
 * the derived-value rules ext-field, shift-field, w-widen (field.c).
 */
#include "opt_int.h"

typedef struct Bits {
    uint64_t z, o;
} Bits;

static Bits in_bits(const OptState *st, const IrOp *op, unsigned k)
{
    Bits b;
    opt_bits_of(st, ((IrOp *)op)->args[op->nb_out + k].temp, &b.z, &b.o);
    return b;
}

/* Known low zero bits common to A and B: the result of +, - keeps them. */
static unsigned low_zeros(Bits b)
{
    uint64_t z = ~b.z;      /* first bit not known zero */
    return z ? (unsigned)__builtin_ctzll(z) : 64;
}

static Bits shift_left(Bits a, unsigned n, uint64_t m)
{
    return (Bits){ ((a.z << n) | opt_mask(n)) & m, (a.o << n) & m };
}

static Bits shift_right(Bits a, unsigned n, uint64_t m)
{
    return (Bits){ (a.z >> n) | (m & ~(m >> n)), a.o >> n };
}

/* Arithmetic shift: the sign bit's knowledge is copied into the top. */
static Bits shift_sar(Bits a, unsigned n, unsigned w)
{
    uint64_t m = opt_mask(w);
    return (Bits){ (uint64_t)(opt_sext(a.z, w) >> n) & m,
                   (uint64_t)(opt_sext(a.o, w) >> n) & m };
}

static uint64_t rot(uint64_t v, unsigned n, unsigned w)
{
    uint64_t m = opt_mask(w);
    n %= w;
    return n ? ((v << n) | ((v & m) >> (w - n))) & m : v & m;
}

/* Field [ofs, ofs+len) of A sign-extended (SIGNED) or zero-extended. */
static Bits field(Bits a, unsigned ofs, unsigned len, bool sign, unsigned w)
{
    uint64_t m = opt_mask(w), f = opt_mask(len);
    Bits r = { (a.z >> ofs) & f, (a.o >> ofs) & f };
    if (sign) {
        r.z = (uint64_t)opt_sext(r.z, len) & m;
        r.o = (uint64_t)opt_sext(r.o, len) & m;
    } else {
        r.z |= m & ~f;
    }
    return r;
}

/* The bits a load or atomic of memop MO leaves in a W-bit result. */
static Bits loaded(int64_t mo, unsigned w)
{
    unsigned size = 8u << (mo & IR_MO_SIZE);
    if (size >= w || (mo & IR_MO_SIGN))
        return (Bits){ 0, 0 };
    return (Bits){ opt_mask(w) & ~opt_mask(size), 0 };
}

void opt_kb_output(const OptState *st, const IrOp *op, uint64_t *z,
                   uint64_t *o)
{
    *z = *o = 0;
    if (!op->nb_out)
        return;
    IrType ot = ir_temp_type(st->ctx, ((IrOp *)op)->args[0].temp);
    if (ot > IR_I64)
        return;
    unsigned w = opt_type_bits(ot);
    uint64_t m = opt_mask(w), c;
    Bits a = { 0, 0 }, b = { 0, 0 }, r = { 0, 0 };
    if (op->nb_in > 0)
        a = in_bits(st, op, 0);
    if (op->nb_in > 1)
        b = in_bits(st, op, 1);
    const IrArg *k = &op->args[op->nb_out + op->nb_in];

    switch ((IrOpcode)op->opc) {
    case IR_OP_mov: r = a; break;
    case IR_OP_and: r = (Bits){ a.z | b.z, a.o & b.o }; break;
    case IR_OP_or: r = (Bits){ a.z & b.z, a.o | b.o }; break;
    case IR_OP_andc: r = (Bits){ a.z | b.o, a.o & b.z }; break;
    case IR_OP_orc: r = (Bits){ a.z & b.o, a.o | b.z }; break;
    case IR_OP_not: r = (Bits){ a.o, a.z }; break;
    case IR_OP_nand: r = (Bits){ a.o & b.o, a.z | b.z }; break;
    case IR_OP_nor: r = (Bits){ a.o | b.o, a.z & b.z }; break;
    case IR_OP_xor:
    case IR_OP_eqv: {
        uint64_t known = (a.z | a.o) & (b.z | b.o);
        uint64_t v = a.o ^ b.o;
        if (op->opc == IR_OP_eqv)
            v = ~v;
        r = (Bits){ ~v & known, v & known };
        break;
    }
    case IR_OP_add:
    case IR_OP_sub: {
        unsigned n = low_zeros(a) < low_zeros(b) ? low_zeros(a) : low_zeros(b);
        r.z = opt_mask(n > w ? w : n);
        break;
    }
    case IR_OP_neg:
        r.z = opt_mask(low_zeros(a) > w ? w : low_zeros(a));
        break;
    case IR_OP_mul: {
        unsigned n = low_zeros(a) + low_zeros(b);
        r.z = opt_mask(n > w ? w : n);
        break;
    }
    case IR_OP_shl: case IR_OP_shr: case IR_OP_sar:
    case IR_OP_rotl: case IR_OP_rotr:
        if (!opt_const_of(st, ((IrOp *)op)->args[op->nb_out + 1].temp, &c))
            break;
        c %= w;
        if (op->opc == IR_OP_shl)
            r = shift_left(a, (unsigned)c, m);
        else if (op->opc == IR_OP_shr)
            r = shift_right(a, (unsigned)c, m);
        else if (op->opc == IR_OP_sar)
            r = shift_sar(a, (unsigned)c, w);
        else {
            unsigned n = (unsigned)(op->opc == IR_OP_rotl ? c : (w - c) % w);
            r = (Bits){ rot(a.z, n, w), rot(a.o, n, w) };
        }
        break;
    case IR_OP_clz: case IR_OP_ctz: case IR_OP_ctpop:
        r.z = m & ~(uint64_t)(2 * w - 1);   /* the result is at most w */
        break;
    case IR_OP_bswap:
        r = w == 32 ? (Bits){ __builtin_bswap32((uint32_t)a.z),
                              __builtin_bswap32((uint32_t)a.o) }
                    : (Bits){ __builtin_bswap64(a.z), __builtin_bswap64(a.o) };
        break;
    case IR_OP_extract:
    case IR_OP_sextract:
        if (k[1].uimm == 0 || k[0].uimm + k[1].uimm > w)
            break;
        r = field(a, (unsigned)k[0].uimm, (unsigned)k[1].uimm,
                  op->opc == IR_OP_sextract, w);
        break;
    case IR_OP_deposit: {
        if (k[1].uimm == 0 || k[0].uimm + k[1].uimm > w)
            break;
        uint64_t f = opt_mask((unsigned)k[1].uimm) << k[0].uimm;
        r = (Bits){ (a.z & ~f) | ((b.z << k[0].uimm) & f),
                    (a.o & ~f) | ((b.o << k[0].uimm) & f) };
        break;
    }
    case IR_OP_ext_i32_i64:
        r = (Bits){ (uint64_t)opt_sext(a.z, 32), (uint64_t)opt_sext(a.o, 32) };
        break;
    case IR_OP_extu_i32_i64:
        r = (Bits){ a.z | 0xffffffff00000000u, a.o };
        break;
    case IR_OP_extrl_i64_i32:
        r = a;
        break;
    case IR_OP_extrh_i64_i32:
        r = (Bits){ a.z >> 32, a.o >> 32 };
        break;
    case IR_OP_setcond:
    case IR_OP_fcmp:
        r.z = m & ~(uint64_t)1;
        break;
    case IR_OP_movcond: {
        Bits v1 = in_bits(st, op, 2), v2 = in_bits(st, op, 3);
        r = (Bits){ v1.z & v2.z, v1.o & v2.o };
        break;
    }
    case IR_OP_ld_env:
    case IR_OP_ld_guest:
        r = loaded(k[1 - (op->opc == IR_OP_ld_guest)].imm, w);
        break;
    case IR_OP_cmpxchg: case IR_OP_xchg: case IR_OP_fetch_add:
    case IR_OP_fetch_and: case IR_OP_fetch_or: case IR_OP_fetch_xor:
    case IR_OP_fetch_smin: case IR_OP_fetch_smax: case IR_OP_fetch_umin:
    case IR_OP_fetch_umax:
        r = loaded(k[0].imm, w);
        break;
    default:
        break;
    }
    *z = r.z & m;
    *o = r.o & m & ~*z;
}

/* ---- Rules ----------------------------------------------------------------------- */

static bool rule_const(OptState *st, IrOp *op)
{
    if (!(ir_op_info[op->opc].flags & IR_OPF_FOLD) || op->nb_out != 1)
        return false;
    uint64_t z, o, m = opt_mask(opt_type_bits((IrType)op->type));
    opt_kb_output(st, op, &z, &o);
    if ((z | o) != m)
        return false;
    opt_to_const(st, op, o);
    return true;
}

static bool rule_mask(OptState *st, IrOp *op)
{
    if (op->opc != IR_OP_and && op->opc != IR_OP_or && op->opc != IR_OP_andc)
        return false;
    uint64_t m = opt_mask(opt_type_bits((IrType)op->type));
    Bits a = in_bits(st, op, 0), b = in_bits(st, op, 1);
    IrTemp ta = ir_op_in(op, 0)->temp, tb = ir_op_in(op, 1)->temp;
    /* and: a passes where b is one or a is zero anyway */
    bool keep_a = op->opc == IR_OP_and  ? ((a.z | b.o) & m) == m
                : op->opc == IR_OP_or   ? ((a.o | b.z) & m) == m
                                        : ((a.z | b.z) & m) == m;
    bool keep_b = op->opc == IR_OP_and ? ((b.z | a.o) & m) == m
                : op->opc == IR_OP_or  ? ((b.o | a.z) & m) == m
                                       : false;
    if (keep_a) {
        opt_to_mov(st, op, ta);
        return true;
    }
    if (keep_b) {
        opt_to_mov(st, op, tb);
        return true;
    }
    return false;
}

static bool rule_ext(OptState *st, IrOp *op)
{
    if (op->opc != IR_OP_extract && op->opc != IR_OP_sextract)
        return false;
    unsigned w = opt_type_bits((IrType)op->type);
    uint64_t ofs = ir_op_const(op, 0)->uimm, len = ir_op_const(op, 1)->uimm;
    if (ofs != 0 || len == 0 || len >= w)
        return false;
    uint64_t m = opt_mask(w);
    Bits a = in_bits(st, op, 0);
    bool same;
    if (op->opc == IR_OP_extract) {
        uint64_t high = m & ~opt_mask((unsigned)len);
        same = (a.z & high) == high;
    } else {
        uint64_t high = m & ~opt_mask((unsigned)len - 1);
        same = (a.z & high) == high || (a.o & high) == high;
    }
    if (!same)
        return false;
    opt_to_mov(st, op, ir_op_in(op, 0)->temp);
    return true;
}

static bool rule_ext32(OptState *st, IrOp *op)
{
    if (op->opc != IR_OP_ext_i32_i64)
        return false;
    Bits a = in_bits(st, op, 0);
    if (!(a.z >> 31 & 1))
        return false;
    op->opc = IR_OP_extu_i32_i64;
    return true;
}

/* The signed or unsigned range [lo, hi] a value with bits B can take. */
static void range(Bits b, unsigned w, bool sign, int64_t *slo, int64_t *shi,
                  uint64_t *ulo, uint64_t *uhi)
{
    uint64_t m = opt_mask(w), s = (uint64_t)1 << (w - 1);
    *ulo = b.o;
    *uhi = ~b.z & m;
    if (sign) {
        *slo = opt_sext(b.o | (s & ~b.z), w);
        *shi = opt_sext((~b.z & m) & ~(s & ~b.o), w);
    }
}

int opt_kb_cond_decide(const OptState *st, IrCond c, IrTemp ta, IrTemp tb)
{
    if (!opt_is_int(st->ctx, ta))
        return -1;
    unsigned w = opt_type_bits(ir_temp_type(st->ctx, ta));
    Bits a, b;
    opt_bits_of(st, ta, &a.z, &a.o);
    opt_bits_of(st, tb, &b.z, &b.o);
    bool sign = c >= IR_COND_LT && c <= IR_COND_GT;
    int64_t alo = 0, ahi = 0, blo = 0, bhi = 0;
    uint64_t aulo, auhi, bulo, buhi;
    range(a, w, sign, &alo, &ahi, &aulo, &auhi);
    range(b, w, sign, &blo, &bhi, &bulo, &buhi);
    int lt = -1, le = -1;   /* a < b, a <= b */
    switch (c) {
    case IR_COND_EQ:
    case IR_COND_NE: {
        bool differ = (a.z & b.o) | (a.o & b.z);
        if (!differ)
            return -1;
        return c == IR_COND_NE;
    }
    case IR_COND_LT: case IR_COND_GE:
        lt = ahi < blo ? 1 : alo >= bhi ? 0 : -1;
        break;
    case IR_COND_LE: case IR_COND_GT:
        le = ahi <= blo ? 1 : alo > bhi ? 0 : -1;
        break;
    case IR_COND_LTU: case IR_COND_GEU:
        lt = auhi < bulo ? 1 : aulo >= buhi ? 0 : -1;
        break;
    case IR_COND_LEU: case IR_COND_GTU:
        le = auhi <= bulo ? 1 : aulo > buhi ? 0 : -1;
        break;
    default:
        return -1;
    }
    int r = lt >= 0 ? lt : le;
    if (r < 0)
        return -1;
    /* GE, GT, GEU, GTU are the inverses of LT, LE, LTU, LEU */
    bool inverse = c == IR_COND_GE || c == IR_COND_GT || c == IR_COND_GEU ||
                   c == IR_COND_GTU;
    return inverse ? !r : r;
}

static bool rule_cond(OptState *st, IrOp *op)
{
    if (op->opc != IR_OP_setcond && op->opc != IR_OP_movcond)
        return false;
    int d = opt_kb_cond_decide(st, (IrCond)ir_op_const(op, 0)->imm,
                               ir_op_in(op, 0)->temp, ir_op_in(op, 1)->temp);
    if (d < 0)
        return false;
    if (op->opc == IR_OP_setcond)
        opt_to_const(st, op, (uint64_t)d);
    else
        opt_to_mov(st, op, ir_op_in(op, d ? 2 : 3)->temp);
    return true;
}

bool opt_knownbits(OptState *st, IrOp *op)
{
    if (op->type > IR_I64 || op->opc == IR_OP_mov)
        return false;
    if (opt_on(st, OPT_RULE_KB_COND) && rule_cond(st, op))
        return true;
    if (opt_on(st, OPT_RULE_KB_MASK) && rule_mask(st, op))
        return true;
    if (opt_on(st, OPT_RULE_KB_EXT) && rule_ext(st, op))
        return true;
    if (opt_signbits(st, op))           /* kb-sext */
        return true;
    if (opt_on(st, OPT_RULE_KB_EXT32) && rule_ext32(st, op))
        return true;
    if (opt_field(st, (size_t)(op - st->ctx->ops)))  /* *-field, w-widen */
        return true;
    if (opt_on(st, OPT_RULE_KB_CONST) && rule_const(st, op))
        return true;
    return false;
}
