/*
 * Sign bits: besides its known bits, the forward pass keeps for every
 * integer temp how many of its top bits are known to be equal (copies of
 * its sign bit) -- 33 for an i64 that is the sign extension of a 32-bit
 * value (the result of lw, of every RV64 W instruction, of ext_i32_i64),
 * whatever the value.  Known bits cannot say this: the bits are unknown,
 * only known to be equal.  The transfer functions follow the usual
 * reasoning (as LLVM's ComputeNumSignBits): bitwise ops keep the smaller
 * count, add/sub may lose one bit, a product needs the valid bits of
 * both factors, shifts move the count, sign-extending loads and fields
 * fix it.  The rule:
 *   kb-sext   sextract x, 0, len of a value whose top w-len+1 bits are
 *             already equal is x (a redundant sign extension).  With the
 *             rule ext-field (field.c), which makes the RISC-V frontend's
 *             W-op pattern "extrl_i64_i32 t, x; ext_i32_i64 d, t" into
 *             "sextract.i64 d, x, 0, 32", this removes the sign extension
 *             of a value that already is one (lw, W ops, addiw ... 0).
 */
#include "opt_int.h"

/* Leading bits of V (within W bits) that are 1. */
static unsigned leading_ones(uint64_t v, unsigned w)
{
    uint64_t x = ~(v << (64 - w));
    unsigned n = x ? (unsigned)__builtin_clzll(x) : 64;
    return n > w ? w : n;
}

unsigned opt_sign_bits(const OptState *st, IrTemp t)
{
    const IrTempInfo *ti = &st->ctx->temps[t.id];
    if (ti->type > IR_I64)
        return 1;
    unsigned w = opt_type_bits((IrType)ti->type);
    uint64_t z, o;
    opt_bits_of(st, t, &z, &o);
    unsigned n = leading_ones(z, w), m = leading_ones(o, w);
    if (m > n)
        n = m;
    if (ti->kind != IR_TEMP_CONST && opt_fact_valid(st, t) &&
        st->facts[t.id].sb > n)
        n = st->facts[t.id].sb;
    if (n > w)
        n = w;
    return n ? n : 1;
}

static unsigned in_sb(const OptState *st, const IrOp *op, unsigned k)
{
    return opt_sign_bits(st, ((IrOp *)op)->args[op->nb_out + k].temp);
}

static unsigned min_u(unsigned a, unsigned b)
{
    return a < b ? a : b;
}

/* The sign bits a load or atomic of memop MO leaves in a W-bit result
 * (zero extension is in the known bits). */
static unsigned loaded_sb(int64_t mo, unsigned w)
{
    unsigned size = 8u << (mo & IR_MO_SIZE);
    if (size >= w || !(mo & IR_MO_SIGN))
        return 1;
    return w - size + 1;
}

unsigned opt_sb_output(const OptState *st, const IrOp *op)
{
    if (!op->nb_out)
        return 1;
    IrType ot = ir_temp_type(st->ctx, ((IrOp *)op)->args[0].temp);
    if (ot > IR_I64)
        return 1;
    unsigned w = opt_type_bits(ot), r = 1;
    const IrArg *k = &op->args[op->nb_out + op->nb_in];
    uint64_t c;

    switch ((IrOpcode)op->opc) {
    case IR_OP_mov:
    case IR_OP_not:
        r = in_sb(st, op, 0);
        break;
    case IR_OP_and: case IR_OP_or: case IR_OP_xor: case IR_OP_andc:
    case IR_OP_orc: case IR_OP_eqv: case IR_OP_nand: case IR_OP_nor:
        r = min_u(in_sb(st, op, 0), in_sb(st, op, 1));
        break;
    case IR_OP_add:
    case IR_OP_sub:         /* a carry may take one more bit */
        r = min_u(in_sb(st, op, 0), in_sb(st, op, 1));
        r = r > 1 ? r - 1 : 1;
        break;
    case IR_OP_neg:         /* -MIN needs the extra bit */
        r = in_sb(st, op, 0);
        r = r > 1 ? r - 1 : 1;
        break;
    case IR_OP_mul: {
        /* |a| < 2^(w-sa), |b| < 2^(w-sb): the product needs at most
         * (w-sa+1) + (w-sb+1) bits as a signed value */
        unsigned valid = (w - in_sb(st, op, 0) + 1) + (w - in_sb(st, op, 1) + 1);
        r = valid < w ? w - valid + 1 : 1;
        break;
    }
    case IR_OP_shl:
    case IR_OP_sar:
        if (!opt_const_of(st, ((IrOp *)op)->args[op->nb_out + 1].temp, &c))
            break;
        c %= w;
        r = in_sb(st, op, 0);
        if (op->opc == IR_OP_shl)
            r = r > c ? r - (unsigned)c : 1;
        else
            r = min_u(w, r + (unsigned)c);
        break;
    case IR_OP_sextract:
        if (k[1].uimm == 0 || k[0].uimm + k[1].uimm > w)
            break;
        r = w - (unsigned)k[1].uimm + 1;
        break;
    case IR_OP_ext_i32_i64:
        r = in_sb(st, op, 0) + 32;
        break;
    case IR_OP_extrl_i64_i32: {
        unsigned s = in_sb(st, op, 0);
        r = s > 32 ? s - 32 : 1;
        break;
    }
    case IR_OP_movcond:
        r = min_u(in_sb(st, op, 2), in_sb(st, op, 3));
        break;
    case IR_OP_ld_env:
    case IR_OP_ld_guest:
        r = loaded_sb(k[1 - (op->opc == IR_OP_ld_guest)].imm, w);
        break;
    case IR_OP_cmpxchg: case IR_OP_xchg: case IR_OP_fetch_add:
    case IR_OP_fetch_and: case IR_OP_fetch_or: case IR_OP_fetch_xor:
    case IR_OP_fetch_smin: case IR_OP_fetch_smax: case IR_OP_fetch_umin:
    case IR_OP_fetch_umax:
        r = loaded_sb(k[0].imm, w);
        break;
    default:
        break;
    }
    if (r > w)
        r = w;
    return r ? r : 1;
}

/* ---- Rules ----------------------------------------------------------------------- */

static bool rule_sext(OptState *st, IrOp *op)
{
    if (op->opc != IR_OP_sextract)
        return false;
    unsigned w = opt_type_bits((IrType)op->type);
    uint64_t ofs = ir_op_const(op, 0)->uimm, len = ir_op_const(op, 1)->uimm;
    if (ofs != 0 || len == 0 || len >= w)
        return false;
    IrTemp a = ir_op_in(op, 0)->temp;
    if (opt_sign_bits(st, a) < w - (unsigned)len + 1)
        return false;
    opt_to_mov(st, op, a);
    return true;
}

bool opt_signbits(OptState *st, IrOp *op)
{
    if (opt_on(st, OPT_RULE_KB_SEXT) && rule_sext(st, op))
        return true;
    return false;
}
