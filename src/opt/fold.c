/*
 * Rule "fold": evaluates an op whose inputs are all constants, exactly as
 * docs/ir.md defines each opcode ("The opcodes"): integer arithmetic wraps
 * at the op's width, shifts and rotates take the count modulo the width,
 * division by zero and signed overflow give the RISC-V results (RISC-V
 * unprivileged spec, "M" extension, table "Semantics for division by zero
 * and division overflow"), clz/ctz of 0 give the width, and i32 results are
 * 32-bit values.  Every op with the `fold` flag is covered; besides them
 * only the exact float bit operations fneg, fabs and the bitcasts are
 * folded.  Ops with `fpenv` (float arithmetic, conversions) never are: they
 * round and raise flags at run time.
 */
#include "opt_int.h"

bool opt_cond_eval(IrCond c, uint64_t a, uint64_t b, unsigned bits)
{
    uint64_t m = opt_mask(bits);
    a &= m;
    b &= m;
    int64_t sa = opt_sext(a, bits), sb = opt_sext(b, bits);
    switch (c) {
    case IR_COND_NEVER: return false;
    case IR_COND_ALWAYS: return true;
    case IR_COND_EQ: return a == b;
    case IR_COND_NE: return a != b;
    case IR_COND_LT: return sa < sb;
    case IR_COND_GE: return sa >= sb;
    case IR_COND_LE: return sa <= sb;
    case IR_COND_GT: return sa > sb;
    case IR_COND_LTU: return a < b;
    case IR_COND_GEU: return a >= b;
    case IR_COND_LEU: return a <= b;
    case IR_COND_GTU: return a > b;
    default: return false;
    }
}

/* The high BITS bits of the 2*BITS-bit product; SA/SB: signed operands. */
static uint64_t mul_high(uint64_t a, uint64_t b, unsigned bits, bool sa,
                         bool sb)
{
    if (bits == 32) {
        int64_t x = sa ? opt_sext(a, 32) : (int64_t)(a & 0xffffffffu);
        int64_t y = sb ? opt_sext(b, 32) : (int64_t)(b & 0xffffffffu);
        if (!sa && !sb)
            return ((a & 0xffffffffu) * (b & 0xffffffffu)) >> 32;
        /* |x| <= 2^32 - 1, |y| < 2^32: the signed product may not fit
           int64 only for unsigned x unsigned, handled above */
        return (uint64_t)((x * y) >> 32);
    }
    __int128 x = sa ? (__int128)(int64_t)a : (__int128)a;
    __int128 y = sb ? (__int128)(int64_t)b : (__int128)b;
    if (!sa && !sb)
        return (uint64_t)(((unsigned __int128)a * b) >> 64);
    return (uint64_t)((x * y) >> 64);
}

static uint64_t rotl(uint64_t a, unsigned n, unsigned bits)
{
    uint64_t m = opt_mask(bits);
    a &= m;
    n %= bits;
    return n ? ((a << n) | (a >> (bits - n))) & m : a;
}

/* Carry-less product of two 64-bit values (RISC-V Bit-Manipulation
 * ISA-extensions 1.0.0, 2.3 Zbc): the low or, if HIGH, the high 64 bits. */
static uint64_t clmul_half(uint64_t a, uint64_t b, bool high)
{
    uint64_t lo = 0, hi = 0;
    for (unsigned i = 0; i < 64; i++) {
        if (!((b >> i) & 1))
            continue;
        lo ^= a << i;
        if (i)
            hi ^= a >> (64 - i);
    }
    return high ? hi : lo;
}

/* Field [OFS, OFS+LEN) of a BITS-wide value is valid. */
static bool field_ok(uint64_t ofs, uint64_t len, unsigned bits)
{
    return len > 0 && len <= bits && ofs <= bits - len;
}

bool opt_fold_eval(const IrCtx *ctx, const IrOp *op, const uint64_t *in,
                   uint64_t *out)
{
    IrType type = (IrType)op->type;
    if (type > IR_I64)
        return false;
    unsigned w = opt_type_bits(type);
    uint64_t m = opt_mask(w);
    uint64_t a = op->nb_in > 0 ? in[0] : 0, b = op->nb_in > 1 ? in[1] : 0;
    int64_t sa = opt_sext(a, w), sb = opt_sext(b, w);
    const IrArg *k = &op->args[op->nb_out + op->nb_in];
    uint64_t r;
    (void)ctx;

    switch ((IrOpcode)op->opc) {
    case IR_OP_add: r = a + b; break;
    case IR_OP_sub: r = a - b; break;
    case IR_OP_neg: r = 0 - a; break;
    case IR_OP_not: r = ~a; break;
    case IR_OP_and: r = a & b; break;
    case IR_OP_or: r = a | b; break;
    case IR_OP_xor: r = a ^ b; break;
    case IR_OP_andc: r = a & ~b; break;
    case IR_OP_orc: r = a | ~b; break;
    case IR_OP_eqv: r = ~(a ^ b); break;
    case IR_OP_nand: r = ~(a & b); break;
    case IR_OP_nor: r = ~(a | b); break;
    case IR_OP_shl: r = (a & m) << (b % w); break;
    case IR_OP_shr: r = (a & m) >> (b % w); break;
    case IR_OP_sar: r = (uint64_t)(sa >> (b % w)); break;
    case IR_OP_rotl: r = rotl(a, (unsigned)(b % w), w); break;
    case IR_OP_rotr: r = rotl(a, (unsigned)((w - b % w) % w), w); break;
    case IR_OP_mul: r = a * b; break;
    case IR_OP_mulsh: r = mul_high(a, b, w, true, true); break;
    case IR_OP_muluh: r = mul_high(a, b, w, false, false); break;
    case IR_OP_mulsuh: r = mul_high(a, b, w, true, false); break;
    case IR_OP_div:
        /* RISC-V: x / 0 = -1; MIN / -1 = MIN (the overflow wraps) */
        if (sb == 0)
            r = m;
        else if (sb == -1)
            r = 0 - a;
        else
            r = (uint64_t)(sa / sb);
        break;
    case IR_OP_divu:
        r = (b & m) == 0 ? m : (a & m) / (b & m);
        break;
    case IR_OP_rem:
        /* RISC-V: x % 0 = x; MIN % -1 = 0 */
        if (sb == 0)
            r = a;
        else if (sb == -1)
            r = 0;
        else
            r = (uint64_t)(sa % sb);
        break;
    case IR_OP_remu:
        r = (b & m) == 0 ? a : (a & m) % (b & m);
        break;
    case IR_OP_clz:
        r = (a & m) ? (uint64_t)(__builtin_clzll(a & m) - (64 - w)) : w;
        break;
    case IR_OP_ctz:
        r = (a & m) ? (uint64_t)__builtin_ctzll(a & m) : w;
        break;
    case IR_OP_ctpop:
        r = (uint64_t)__builtin_popcountll(a & m);
        break;
    case IR_OP_clmul:           /* i64 only: the low half of a GF(2) product */
    case IR_OP_clmulh:          /* the high half */
        r = clmul_half(a, b, op->opc == IR_OP_clmulh);
        break;
    case IR_OP_bswap:
        r = w == 32 ? __builtin_bswap32((uint32_t)a) : __builtin_bswap64(a);
        break;
    case IR_OP_extract:
        if (!field_ok(k[0].uimm, k[1].uimm, w))
            return false;
        r = ((a & m) >> k[0].uimm) & opt_mask((unsigned)k[1].uimm);
        break;
    case IR_OP_sextract:
        if (!field_ok(k[0].uimm, k[1].uimm, w))
            return false;
        r = (uint64_t)opt_sext((a & m) >> k[0].uimm, (unsigned)k[1].uimm);
        break;
    case IR_OP_deposit: {
        if (!field_ok(k[0].uimm, k[1].uimm, w))
            return false;
        uint64_t f = opt_mask((unsigned)k[1].uimm) << k[0].uimm;
        r = (a & ~f) | ((b << k[0].uimm) & f);
        break;
    }
    case IR_OP_ext_i32_i64: r = (uint64_t)opt_sext(a, 32); break;
    case IR_OP_extu_i32_i64: r = a & 0xffffffffu; break;
    case IR_OP_extrl_i64_i32: r = a & 0xffffffffu; break;
    case IR_OP_extrh_i64_i32: r = a >> 32; break;
    case IR_OP_setcond: {
        unsigned iw = opt_type_bits(ir_temp_type(ctx, op->args[1].temp));
        r = opt_cond_eval((IrCond)k[0].imm, a, b, iw);
        break;
    }
    case IR_OP_movcond:
        r = opt_cond_eval((IrCond)k[0].imm, a, b, w) ? in[2] : in[3];
        break;
    default:
        return false;
    }
    *out = r & m;
    return true;
}

/* fneg, fabs, bitcast_f2i, bitcast_i2f, fbox, funbox of a constant: exact
   bit changes (NaN boxing: RISC-V Unprivileged ISA 12.2). */
static bool fold_fp_bits(const IrOp *op, uint64_t a, uint64_t *out)
{
    unsigned w = opt_type_bits((IrType)op->type);
    uint64_t sign = (uint64_t)1 << (w - 1);
    switch ((IrOpcode)op->opc) {
    case IR_OP_fneg: *out = a ^ sign; return true;
    case IR_OP_fabs: *out = a & ~sign; return true;
    case IR_OP_bitcast_f2i:
    case IR_OP_bitcast_i2f: *out = a & opt_mask(w); return true;
    case IR_OP_fbox: *out = 0xffffffff00000000ull | (a & 0xffffffffu); return true;
    case IR_OP_funbox:
        *out = (a >> 32) == 0xffffffffu ? a & 0xffffffffu : 0x7fc00000u;
        return true;
    default: return false;
    }
}

bool opt_rule_fold(OptState *st, IrOp *op)
{
    if (!opt_on(st, OPT_RULE_FOLD) || op->nb_out != 1)
        return false;
    uint32_t flags = ir_op_info[op->opc].flags;
    uint64_t in[IR_MAX_INS], r;
    for (unsigned k = 0; k < op->nb_in; k++)
        if (!opt_const_of(st, ir_op_in(op, k)->temp, &in[k]))
            return false;
    if (flags & IR_OPF_FOLD) {
        if (!opt_fold_eval(st->ctx, op, in, &r))
            return false;
    } else if (op->nb_in != 1 || !fold_fp_bits(op, in[0], &r)) {
        return false;
    }
    opt_to_const(st, op, r);
    return true;
}
