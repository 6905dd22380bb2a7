/*
 * The random IR generator, one op at a time: operand pools (which values
 * can be read, which temps written) and, for every opcode that is not
 * control flow, the rules that make a random instance valid: types from
 * ir_op_info, field positions inside the width, memops that fit the type,
 * guest addresses inside their region, helper argument types, and the
 * guard that keeps NaN payloads out of integers.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "diff_helpers.h"
#include "edge_values.h"
#include "gen_internal.h"

const uint8_t gen_op_weight[IR_OP_COUNT] = {
    [IR_OP_nop] = 1, [IR_OP_discard] = 2, [IR_OP_insn_start] = 2,
    [IR_OP_mov] = 5,
    [IR_OP_add] = 6, [IR_OP_sub] = 5, [IR_OP_neg] = 3, [IR_OP_not] = 3,
    [IR_OP_and] = 4, [IR_OP_or] = 4, [IR_OP_xor] = 4, [IR_OP_andc] = 3,
    [IR_OP_orc] = 3, [IR_OP_eqv] = 3, [IR_OP_nand] = 3, [IR_OP_nor] = 3,
    [IR_OP_shl] = 4, [IR_OP_shr] = 4, [IR_OP_sar] = 4, [IR_OP_rotl] = 3,
    [IR_OP_rotr] = 3,
    [IR_OP_mul] = 4, [IR_OP_mulsh] = 3, [IR_OP_muluh] = 3, [IR_OP_mulsuh] = 3,
    [IR_OP_div] = 4, [IR_OP_divu] = 4, [IR_OP_rem] = 4, [IR_OP_remu] = 4,
    [IR_OP_clz] = 3, [IR_OP_ctz] = 3, [IR_OP_ctpop] = 3, [IR_OP_bswap] = 3,
    [IR_OP_clmul] = 2, [IR_OP_clmulh] = 2,
    [IR_OP_extract] = 3, [IR_OP_sextract] = 3, [IR_OP_deposit] = 3,
    [IR_OP_ext_i32_i64] = 3, [IR_OP_extu_i32_i64] = 3,
    [IR_OP_extrl_i64_i32] = 3, [IR_OP_extrh_i64_i32] = 3,
    [IR_OP_setcond] = 5, [IR_OP_movcond] = 4,
    [IR_OP_call] = 3, [IR_OP_mb] = 1,
    [IR_OP_ld_env] = 3, [IR_OP_st_env] = 3,
    [IR_OP_ld_guest] = 5, [IR_OP_st_guest] = 5,
    [IR_OP_cmpxchg] = 2, [IR_OP_xchg] = 2, [IR_OP_fetch_add] = 2,
    [IR_OP_fetch_and] = 1, [IR_OP_fetch_or] = 1, [IR_OP_fetch_xor] = 1,
    [IR_OP_fetch_smin] = 1, [IR_OP_fetch_smax] = 1, [IR_OP_fetch_umin] = 1,
    [IR_OP_fetch_umax] = 1,
    [IR_OP_fadd] = 4, [IR_OP_fsub] = 3, [IR_OP_fmul] = 4, [IR_OP_fdiv] = 3,
    [IR_OP_fsqrt] = 2, [IR_OP_fmin] = 3, [IR_OP_fmax] = 3, [IR_OP_fma] = 3,
    [IR_OP_fneg] = 2, [IR_OP_fabs] = 2, [IR_OP_fcmp] = 3,
    [IR_OP_itof] = 3, [IR_OP_utof] = 3, [IR_OP_ftoi] = 3, [IR_OP_ftou] = 3,
    [IR_OP_fcvt] = 3, [IR_OP_bitcast_f2i] = 2, [IR_OP_bitcast_i2f] = 2,
    [IR_OP_fminnum] = 2, [IR_OP_fmaxnum] = 2, [IR_OP_fcanon] = 2,
    [IR_OP_fcanon_fma] = 2, [IR_OP_fbox] = 2, [IR_OP_funbox] = 2,
    [IR_OP_fsetrm] = 1,
};

/* ---- pools -------------------------------------------------------------- */

IrTemp gen_const(Gen *g, IrType t)
{
    uint64_t v;
    switch (t) {
    case IR_F32: v = edge_random_f32(&g->r); break;
    case IR_F64: v = edge_random_f64(&g->r); break;
    default: v = edge_random_int(&g->r, type_bits(t)); break;
    }
    return ir_const(g->ctx, t, v);
}

static IrTemp global_of(Gen *g, IrType t)
{
    const DiffGlobals *gl = &g->p->g;
    switch (t) {
    case IR_I32: return gl->g32[rng_below(&g->r, DIFF_NB_G32)];
    case IR_I64: return gl->g64[rng_below(&g->r, DIFF_NB_G64)];
    case IR_F32: return gl->f32[rng_below(&g->r, DIFF_NB_F32)];
    default: return gl->f64[rng_below(&g->r, DIFF_NB_F64)];
    }
}

/* A temp of type T from the pools (NOWRITE: skip protected ones), or
   IR_NO_TEMP. */
static IrTemp pool_pick(Gen *g, IrType t, bool writable)
{
    IrTemp cand[2 * GEN_MAX_POOL];
    unsigned n = 0;
    for (unsigned i = 0; i < g->nb_tb; i++)
        if (ir_temp_type(g->ctx, g->tb[i]) == t &&
            !(writable && g->nowrite[g->tb[i].id]))
            cand[n++] = g->tb[i];
    for (unsigned i = 0; i < g->nb_bb; i++)
        if (ir_temp_type(g->ctx, g->bb[i]) == t)
            cand[n++] = g->bb[i];
    return n ? cand[rng_below(&g->r, n)] : IR_NO_TEMP;
}

IrTemp gen_in_reg(Gen *g, IrType t)
{
    if (rng_pct(&g->r, 75)) {
        IrTemp x = pool_pick(g, t, false);
        if (x.id)
            return x;
    }
    return global_of(g, t);
}

IrTemp gen_in(Gen *g, IrType t)
{
    return rng_pct(&g->r, 15) ? gen_const(g, t) : gen_in_reg(g, t);
}

static void grow_nowrite(Gen *g)
{
    if (g->ctx->nb_temps + 1 > g->nowrite_cap) {
        unsigned cap = g->nowrite_cap ? g->nowrite_cap * 2 : 256;
        while (cap < g->ctx->nb_temps + 1)
            cap *= 2;
        uint8_t *n = calloc(cap, 1);
        if (!n)
            abort();
        if (g->nowrite)
            memcpy(n, g->nowrite, g->nowrite_cap);
        free(g->nowrite);
        g->nowrite = n;
        g->nowrite_cap = cap;
    }
}

IrTemp gen_new_temp(Gen *g, IrType t, bool bb)
{
    IrTemp x = bb ? ir_temp_new_bb(g->ctx, t) : ir_temp_new(g->ctx, t);
    grow_nowrite(g);
    return x;
}

static bool writable(Gen *g, IrTemp x)
{
    return !ir_temp_is_const(g->ctx, x) &&
           !(x.id < g->nowrite_cap && g->nowrite[x.id]);
}

IrTemp gen_out(Gen *g, IrType t, const IrTemp *ins, unsigned nb_ins)
{
    unsigned r = rng_below(&g->r, 100);
    if (r < 15 && nb_ins) {
        IrTemp x = ins[rng_below(&g->r, nb_ins)];
        if (ir_temp_type(g->ctx, x) == t && writable(g, x))
            return x;
    }
    if (r < 30)
        return global_of(g, t);
    if (r < 50) {
        IrTemp x = pool_pick(g, t, true);
        if (x.id)
            return x;
    }
    return gen_new_temp(g, t, rng_pct(&g->r, 35));
}

static bool in_list(const IrTemp *l, unsigned n, IrTemp x)
{
    for (unsigned i = 0; i < n; i++)
        if (l[i].id == x.id)
            return true;
    return false;
}

void gen_defined(Gen *g, IrTemp d)
{
    const IrTempInfo *ti = ir_temp_info(g->ctx, d);
    if (ti->kind == IR_TEMP_TB && !in_list(g->tb, g->nb_tb, d) &&
        g->nb_tb < GEN_MAX_POOL)
        g->tb[g->nb_tb++] = d;
    if (ti->kind == IR_TEMP_BB && !in_list(g->bb, g->nb_bb, d) &&
        g->nb_bb < GEN_MAX_POOL)
        g->bb[g->nb_bb++] = d;
}

void gen_bb_end(Gen *g)
{
    g->nb_bb = 0;
}

/* ---- emission helpers --------------------------------------------------- */

/* Appends OPC of type T with temps TS (outputs, then inputs); the caller
   sets constants through the returned pointer before emitting again. */
static IrOp *emit(Gen *g, IrOpcode opc, IrType t, const IrTemp *ts, unsigned n)
{
    IrOp *op = ir_emit_op(g->ctx, opc, t);
    for (unsigned i = 0; i < n; i++)
        op->args[i].temp = ts[i];
    return op;
}

static IrCond random_cond(Gen *g)
{
    if (rng_pct(&g->r, 5))
        return (IrCond)rng_below(&g->r, 2);       /* NEVER, ALWAYS */
    return (IrCond)(IR_COND_EQ + rng_below(&g->r, IR_COND_COUNT - IR_COND_EQ));
}

/* A shift count: often a constant at the interesting edges. */
static IrTemp shift_count(Gen *g, IrType t)
{
    static const uint64_t counts[] = { 0, 1, 31, 32, 33, 63, 64, 127 };
    if (rng_pct(&g->r, 50))
        return ir_const(g->ctx, t, counts[rng_below(&g->r, 8)]);
    return gen_in(g, t);
}

static IrTemp divisor(Gen *g, IrType t)
{
    static const uint64_t special[] = { 0, 1, ~0ull };
    if (rng_pct(&g->r, 25))
        return ir_const(g->ctx, t, special[rng_below(&g->r, 3)]);
    return gen_in(g, t);
}

static IrTemp dividend(Gen *g, IrType t)
{
    if (rng_pct(&g->r, 15))
        return ir_const(g->ctx, t, t == IR_I32 ? 0x80000000ull
                                               : 0x8000000000000000ull);
    return gen_in(g, t);
}

/* d = a OP b for the two-input ops of the op's type (int or fp). */
static void gen_binary(Gen *g, IrOpcode opc, IrType t)
{
    IrTemp in[2];
    switch (opc) {
    case IR_OP_shl: case IR_OP_shr: case IR_OP_sar:
    case IR_OP_rotl: case IR_OP_rotr:
        in[0] = gen_in(g, t);
        in[1] = shift_count(g, t);
        break;
    case IR_OP_div: case IR_OP_divu: case IR_OP_rem: case IR_OP_remu:
        in[0] = dividend(g, t);
        in[1] = divisor(g, t);
        break;
    default:
        in[0] = gen_in(g, t);
        in[1] = rng_pct(&g->r, 10) ? in[0] : gen_in(g, t);
        break;
    }
    IrTemp ts[3] = { gen_out(g, t, in, 2), in[0], in[1] };
    emit(g, opc, t, ts, 3);
    gen_defined(g, ts[0]);
}

static void gen_unary(Gen *g, IrOpcode opc, IrType t, IrType st)
{
    IrTemp a = gen_in(g, st);
    IrTemp ts[2] = { gen_out(g, t, &a, 1), a };
    emit(g, opc, t, ts, 2);
    gen_defined(g, ts[0]);
}

static void field(Gen *g, unsigned w, unsigned *ofs, unsigned *len)
{
    if (rng_pct(&g->r, 40)) {
        static const unsigned lens[] = { 8, 16, 32, 1 };
        *ofs = 0;
        *len = lens[rng_below(&g->r, 4)];
        if (*len > w)
            *len = w;
        return;
    }
    *ofs = rng_below(&g->r, w);
    *len = 1 + rng_below(&g->r, w - *ofs);
}

static void gen_field_op(Gen *g, IrOpcode opc)
{
    IrType t = gen_int_type(g);
    unsigned ofs, len;
    field(g, type_bits(t), &ofs, &len);
    IrTemp in[2] = { gen_in(g, t), gen_in(g, t) };
    unsigned nin = opc == IR_OP_deposit ? 2 : 1;
    IrTemp ts[3] = { gen_out(g, t, in, nin), in[0], in[1] };
    IrOp *op = emit(g, opc, t, ts, 1 + nin);
    op->args[1 + nin].uimm = ofs;
    op->args[2 + nin].uimm = len;
    gen_defined(g, ts[0]);
}

static void gen_cond_op(Gen *g, IrOpcode opc)
{
    IrType t = gen_int_type(g);
    unsigned nin = opc == IR_OP_movcond ? 4 : 2;
    IrTemp in[4];
    for (unsigned i = 0; i < nin; i++)
        in[i] = i == 1 && rng_pct(&g->r, 10) ? in[0] : gen_in(g, t);
    IrTemp ts[5] = { gen_out(g, t, in, nin), in[0], in[1], in[2], in[3] };
    IrOp *op = emit(g, opc, t, ts, 1 + nin);
    op->args[1 + nin].imm = random_cond(g);
    gen_defined(g, ts[0]);
}

/* ---- floating point ----------------------------------------------------- */

static void gen_fma(Gen *g)
{
    IrType t = gen_fp_type(g);
    IrTemp in[3] = { gen_in(g, t), gen_in(g, t), gen_in(g, t) };
    if (rng_pct(&g->r, 10))
        in[2] = in[0];
    IrTemp ts[4] = { gen_out(g, t, in, 3), in[0], in[1], in[2] };
    IrOp *op = emit(g, IR_OP_fma, t, ts, 4);
    op->args[4].imm = rng_below(&g->r, 4);
    gen_defined(g, ts[0]);
}

static void gen_fcmp(Gen *g)
{
    static const IrCond conds[] = { IR_COND_EQ, IR_COND_LT, IR_COND_LE };
    IrType t = gen_fp_type(g), dt = gen_int_type(g);
    IrTemp a = gen_in(g, t), b = rng_pct(&g->r, 10) ? a : gen_in(g, t);
    IrTemp d = gen_out(g, dt, NULL, 0);
    ir_fcmp(g->ctx, t, d, a, b, conds[rng_below(&g->r, 3)]);
    gen_defined(g, d);
}

static void gen_ftoi(Gen *g, IrOpcode opc)
{
    static const IrRound rms[] = { IR_RM_RNE, IR_RM_RTZ, IR_RM_RDN, IR_RM_RUP,
                                   IR_RM_DYN };
    IrType t = gen_int_type(g);
    IrTemp a = gen_in(g, gen_fp_type(g));
    IrTemp ts[2] = { gen_out(g, t, NULL, 0), a };
    IrOp *op = emit(g, opc, t, ts, 2);
    op->args[2].imm = rms[rng_below(&g->r, 5)];
    gen_defined(g, ts[0]);
}

/* fcanon_fma: the product's factors and the value. */
static void gen_canon_fma(Gen *g)
{
    IrType t = gen_fp_type(g);
    IrTemp in[3] = { gen_in(g, t), gen_in(g, t), gen_in(g, t) };
    IrTemp ts[4] = { gen_out(g, t, in, 3), in[0], in[1], in[2] };
    emit(g, IR_OP_fcanon_fma, t, ts, 4);
    gen_defined(g, ts[0]);
}

/* funbox of a value whose bits are the same in the interpreter and the JIT
   (a NaN's payload is unspecified, and funbox would show it): half the
   time a fresh fbox of a single, else a double whose NaNs are replaced by
   a boxed constant, as in gen_bitcast_f2i. */
static void gen_funbox(Gen *g)
{
    IrTemp x;
    if (rng_pct(&g->r, 50)) {
        IrTemp s = gen_in(g, IR_F32);
        x = gen_new_temp(g, IR_F64, true);
        ir_fbox(g->ctx, x, s);
    } else {
        IrTemp a = gen_in(g, IR_F64);
        IrTemp raw = gen_new_temp(g, IR_I64, true);
        IrTemp ok = gen_new_temp(g, IR_I64, true);
        IrTemp sel = gen_new_temp(g, IR_I64, true);
        ir_bitcast_f2i(g->ctx, IR_I64, raw, a);
        ir_fcmp(g->ctx, IR_F64, ok, a, a, IR_COND_EQ);
        ir_movcond(g->ctx, IR_I64, sel, ok, ir_const_i64(g->ctx, 0), raw,
                   ir_const(g->ctx, IR_I64, 0xffffffff3fc00000ull), IR_COND_NE);
        x = gen_new_temp(g, IR_F64, true);
        ir_bitcast_i2f(g->ctx, IR_F64, x, sel);
    }
    IrTemp d = gen_out(g, IR_F32, NULL, 0);
    ir_funbox(g->ctx, d, x);
    gen_defined(g, d);
}

/* bitcast_f2i, with a NaN's bits (payload unspecified) replaced by a
   constant: raw = bits(x); ok = fcmp EQ x, x; d = ok != 0 ? raw : K */
static void gen_bitcast_f2i(Gen *g)
{
    IrType ft = gen_fp_type(g);
    IrType t = ft == IR_F32 ? IR_I32 : IR_I64;
    IrTemp x = gen_in(g, ft);
    IrTemp raw = gen_new_temp(g, t, true), ok = gen_new_temp(g, t, true);
    ir_bitcast_f2i(g->ctx, t, raw, x);
    ir_fcmp(g->ctx, ft, ok, x, x, IR_COND_EQ);
    IrTemp d = gen_out(g, t, NULL, 0);
    ir_movcond(g->ctx, t, d, ok, ir_const(g->ctx, t, 0), raw,
               ir_const(g->ctx, t, 0x7ff8000000000000ull >> (64 - type_bits(t))),
               IR_COND_NE);
    gen_defined(g, d);
}

/* ---- memory ------------------------------------------------------------- */

IrTemp gen_guest_addr(Gen *g, unsigned base, unsigned len, unsigned size,
                      bool aligned)
{
    if (rng_pct(&g->r, 30)) {
        uint64_t off = rng_below(&g->r, len - size + 1);
        if (aligned)
            off &= ~(uint64_t)(size - 1);
        return ir_const_i64(g->ctx, (int64_t)(base + off));
    }
    uint64_t mask = aligned ? (len - 1) & ~(uint64_t)(size - 1) : len / 2 - 1;
    IrTemp x = gen_in(g, IR_I64);
    IrTemp m = gen_new_temp(g, IR_I64, rng_pct(&g->r, 50));
    ir_and(g->ctx, IR_I64, m, x, ir_const_i64(g->ctx, (int64_t)mask));
    gen_defined(g, m);
    if (base == 0 && rng_pct(&g->r, 50))
        return m;
    IrTemp a = gen_new_temp(g, IR_I64, rng_pct(&g->r, 50));
    ir_add(g->ctx, IR_I64, a, m, ir_const_i64(g->ctx, base));
    gen_defined(g, a);
    return a;
}

/* A memop for an integer access of type T; *aligned says whether the
   address will be aligned (then IR_MO_ALIGN may be set). */
static IrMemOp int_memop(Gen *g, IrType t, bool sign_ok, bool aligned,
                         unsigned be_pct)
{
    IrMemOp mop = rng_below(&g->r, t == IR_I32 ? 3 : 4);
    if (sign_ok && rng_pct(&g->r, 50))
        mop |= IR_MO_SIGN;
    if (rng_pct(&g->r, be_pct))
        mop |= IR_MO_BE;
    if (aligned && rng_pct(&g->r, 50))
        mop |= IR_MO_ALIGN;
    return mop;
}

static IrMemOp fp_memop(Gen *g, IrType t)
{
    return (t == IR_F32 ? IR_MO_32 : IR_MO_64) |
           (rng_pct(&g->r, 50) ? IR_MO_ALIGN : 0);
}

static void gen_env_access(Gen *g, bool store)
{
    IrType t = rng_pct(&g->r, 60) ? gen_int_type(g) : gen_fp_type(g);
    IrMemOp mop;
    int32_t ofs;
    if (ir_type_class(t) == IR_TC_INT) {
        mop = int_memop(g, t, !store, false, 20);
        ofs = diff_env_ofs(g->p->init.env_bias, offsetof(DiffEnv, sint) +
                           rng_below(&g->r, DIFF_SINT_SIZE - ir_memop_size(mop) + 1));
    } else if (t == IR_F32) {
        mop = IR_MO_32;
        ofs = diff_env_ofs(g->p->init.env_bias, offsetof(DiffEnv, sf32) +
                           4 * rng_below(&g->r, DIFF_NB_SF32));
    } else {
        mop = IR_MO_64;
        ofs = diff_env_ofs(g->p->init.env_bias, offsetof(DiffEnv, sf64) +
                           8 * rng_below(&g->r, DIFF_NB_SF64));
    }
    if (store) {
        ir_st_env(g->ctx, t, gen_in(g, t), ofs, mop);
    } else {
        IrTemp d = gen_out(g, t, NULL, 0);
        ir_ld_env(g->ctx, t, d, ofs, mop);
        gen_defined(g, d);
    }
}

static void gen_guest_access(Gen *g, bool store)
{
    IrType t = rng_pct(&g->r, 70) ? gen_int_type(g) : gen_fp_type(g);
    IrMemOp mop;
    IrTemp addr;
    if (ir_type_class(t) == IR_TC_INT) {
        bool aligned = rng_pct(&g->r, 50);
        mop = int_memop(g, t, !store, aligned, 20);
        addr = gen_guest_addr(g, DIFF_GUEST_INT, DIFF_GUEST_INT_SIZE,
                              ir_memop_size(mop), aligned);
    } else {
        mop = fp_memop(g, t);
        addr = gen_guest_addr(g, t == IR_F32 ? DIFF_GUEST_F32 : DIFF_GUEST_F64,
                              DIFF_GUEST_FP_SIZE, ir_memop_size(mop), true);
    }
    if (store) {
        ir_st_guest(g->ctx, t, gen_in(g, t), addr, mop);
    } else {
        IrTemp d = gen_out(g, t, &addr, 1);
        ir_ld_guest(g->ctx, t, d, addr, mop);
        gen_defined(g, d);
    }
}

void gen_fault(Gen *g)
{
    IrTemp addr;
    IrMemOp align = IR_MO_ALIGN;
    unsigned k = rng_below(&g->r, 3);
    if (k == 0) {
        /* misaligned with IR_MO_ALIGN, inside guest memory */
        IrTemp m = gen_new_temp(g, IR_I64, true);
        addr = gen_new_temp(g, IR_I64, true);
        ir_and(g->ctx, IR_I64, m, gen_in(g, IR_I64), ir_const_i64(g->ctx, 0x1f0));
        ir_or(g->ctx, IR_I64, addr, m, ir_const_i64(g->ctx, 1 + rng_below(&g->r, 3)));
    } else if (k == 1) {
        /* guest_base + address >= 2^63: never a user-space address */
        addr = ir_const_i64(g->ctx, (int64_t)(0x8000000000000000ull +
                                              8 * rng_below(&g->r, 64)));
    } else {
        IrTemp m = gen_new_temp(g, IR_I64, true);
        addr = gen_new_temp(g, IR_I64, true);
        ir_and(g->ctx, IR_I64, m, gen_in(g, IR_I64), ir_const_i64(g->ctx, 0xfff8));
        ir_or(g->ctx, IR_I64, addr, m,
              ir_const_i64(g->ctx, (int64_t)0x8000000000000000ull));
    }
    IrType t = gen_int_type(g);
    IrTemp d = gen_new_temp(g, t, true);
    switch (rng_below(&g->r, 3)) {
    case 0:
        ir_ld_guest(g->ctx, t, d, addr, IR_MO_32 | (k == 0 ? align : 0));
        break;
    case 1:
        ir_st_guest(g->ctx, t, gen_in(g, t), addr, IR_MO_32 | (k == 0 ? align : 0));
        break;
    default:
        ir_fetch_add(g->ctx, t, d, addr, gen_in(g, t), IR_MO_32 | align);
        break;
    }
    g->p->faults = true;
}

static void gen_atomic(Gen *g, IrOpcode opc)
{
    IrType t = gen_int_type(g);
    IrMemOp mop = int_memop(g, t, true, true, 5);
    IrTemp addr = gen_guest_addr(g, DIFF_GUEST_INT, DIFF_GUEST_INT_SIZE,
                                 ir_memop_size(mop), true);
    IrTemp v = gen_in(g, t);
    if (opc == IR_OP_cmpxchg) {
        IrTemp cmpv;
        if (rng_pct(&g->r, 50)) {         /* likely to succeed */
            cmpv = gen_new_temp(g, t, true);
            ir_ld_guest(g->ctx, t, cmpv, addr, mop & ~(IrMemOp)IR_MO_ALIGN);
            gen_defined(g, cmpv);
        } else {
            cmpv = gen_in(g, t);
        }
        IrTemp in[3] = { addr, cmpv, v };
        IrTemp d = gen_out(g, t, in, 3);
        ir_cmpxchg(g->ctx, t, d, addr, cmpv, v, mop);
        gen_defined(g, d);
        return;
    }
    IrTemp in[2] = { addr, v };
    IrTemp ts[3] = { gen_out(g, t, in, 2), addr, v };
    IrOp *op = emit(g, opc, t, ts, 3);
    op->args[3].imm = mop;
    gen_defined(g, ts[0]);
}

static IrType type_from_mask(Gen *g, uint8_t mask)
{
    IrType c[4];
    unsigned n = 0;
    for (int t = 0; t < 4; t++)
        if ((mask >> t) & 1)
            c[n++] = (IrType)t;
    return c[rng_below(&g->r, n)];
}

static void gen_call(Gen *g)
{
    const DiffHelper *h = &diff_helpers[rng_below(&g->r, diff_helper_count)];
    IrTemp args[6];
    for (unsigned i = 0; i < h->nb_args; i++)
        args[i] = gen_in(g, type_from_mask(g, h->arg_types[i]));
    bool is_void = (h->ret_types & IR_TM_VOID) &&
                   (!(h->ret_types & IR_TM_INT) || rng_pct(&g->r, 30));
    if (is_void) {
        ir_call(g->ctx, IR_VOID, 0, NULL, h->nb_args, args, &h->h);
        return;
    }
    IrType t = type_from_mask(g, h->ret_types & IR_TM_INT);
    IrTemp d = gen_out(g, t, args, h->nb_args);
    ir_call(g->ctx, t, 1, &d, h->nb_args, args, &h->h);
    gen_defined(g, d);
}

/* Drops a temp defined in the current scope (or a BB temp). */
static void gen_discard(Gen *g, unsigned scope_mark)
{
    unsigned ntb = g->nb_tb - scope_mark, n = ntb + g->nb_bb;
    if (n == 0)
        return;
    unsigned i = rng_below(&g->r, n);
    IrTemp *slot = i < ntb ? &g->tb[scope_mark + i] : &g->bb[i - ntb];
    IrTemp x = *slot;
    if (!writable(g, x))
        return;
    ir_discard(g->ctx, ir_temp_type(g->ctx, x), x);
    if (i < ntb)
        *slot = g->tb[--g->nb_tb];
    else
        *slot = g->bb[--g->nb_bb];
}

void gen_def(Gen *g, IrTemp d, IrType t)
{
    static const IrOpcode int_ops[] = {
        IR_OP_add, IR_OP_sub, IR_OP_xor, IR_OP_mul, IR_OP_shl, IR_OP_or,
        IR_OP_mov,
    };
    static const IrOpcode fp_ops[] = {
        IR_OP_fadd, IR_OP_fmul, IR_OP_fsub, IR_OP_fmin, IR_OP_mov,
    };
    bool fp = ir_type_class(t) == IR_TC_FP;
    IrOpcode opc = fp ? fp_ops[rng_below(&g->r, 5)] : int_ops[rng_below(&g->r, 7)];
    IrTemp ts[3] = { d, gen_in(g, t), gen_in(g, t) };
    emit(g, opc, t, ts, opc == IR_OP_mov ? 2 : 3);
    gen_defined(g, d);
}

static IrOpcode pick_opcode(Gen *g)
{
    static unsigned total;
    if (!total)
        for (int i = 0; i < IR_OP_COUNT; i++)
            total += gen_op_weight[i];
    unsigned r = rng_below(&g->r, total);
    for (int i = 0; i < IR_OP_COUNT; i++) {
        if (r < gen_op_weight[i])
            return (IrOpcode)i;
        r -= gen_op_weight[i];
    }
    return IR_OP_nop;
}

void gen_one_op(Gen *g)
{
    IrOpcode opc = pick_opcode(g);
    switch (opc) {
    case IR_OP_nop:
        ir_nop(g->ctx);
        break;
    case IR_OP_discard:
        gen_discard(g, g->scope);
        break;
    case IR_OP_insn_start:
        ir_insn_start(g->ctx, g->pc += 4);
        break;
    case IR_OP_mov: {
        IrType t = type_from_mask(g, IR_TM_ANY);
        IrTemp s = gen_in(g, t);
        IrTemp d = gen_out(g, t, &s, 1);
        ir_mov(g->ctx, t, d, s);
        gen_defined(g, d);
        break;
    }
    case IR_OP_neg: case IR_OP_not: case IR_OP_clz: case IR_OP_ctz:
    case IR_OP_ctpop: case IR_OP_bswap: {
        IrType t = gen_int_type(g);
        gen_unary(g, opc, t, t);
        break;
    }
    case IR_OP_extract: case IR_OP_sextract: case IR_OP_deposit:
        gen_field_op(g, opc);
        break;
    case IR_OP_ext_i32_i64: case IR_OP_extu_i32_i64:
        gen_unary(g, opc, IR_I64, IR_I32);
        break;
    case IR_OP_extrl_i64_i32: case IR_OP_extrh_i64_i32:
        gen_unary(g, opc, IR_I32, IR_I64);
        break;
    case IR_OP_setcond: case IR_OP_movcond:
        gen_cond_op(g, opc);
        break;
    case IR_OP_call:
        gen_call(g);
        break;
    case IR_OP_mb:
        ir_mb(g->ctx, 1 + rng_below(&g->r, IR_BAR_ALL));
        break;
    case IR_OP_ld_env: case IR_OP_st_env:
        gen_env_access(g, opc == IR_OP_st_env);
        break;
    case IR_OP_ld_guest: case IR_OP_st_guest:
        gen_guest_access(g, opc == IR_OP_st_guest);
        break;
    case IR_OP_cmpxchg: case IR_OP_xchg: case IR_OP_fetch_add:
    case IR_OP_fetch_and: case IR_OP_fetch_or: case IR_OP_fetch_xor:
    case IR_OP_fetch_smin: case IR_OP_fetch_smax: case IR_OP_fetch_umin:
    case IR_OP_fetch_umax:
        gen_atomic(g, opc);
        break;
    case IR_OP_fadd: case IR_OP_fsub: case IR_OP_fmul: case IR_OP_fdiv:
    case IR_OP_fmin: case IR_OP_fmax:
        gen_binary(g, opc, gen_fp_type(g));
        break;
    case IR_OP_fsqrt: case IR_OP_fneg: case IR_OP_fabs: {
        IrType t = gen_fp_type(g);
        gen_unary(g, opc, t, t);
        break;
    }
    case IR_OP_fma:
        gen_fma(g);
        break;
    case IR_OP_fcmp:
        gen_fcmp(g);
        break;
    case IR_OP_itof: case IR_OP_utof:
        gen_unary(g, opc, gen_fp_type(g), gen_int_type(g));
        break;
    case IR_OP_ftoi: case IR_OP_ftou:
        gen_ftoi(g, opc);
        break;
    case IR_OP_fcvt: {
        IrType t = gen_fp_type(g);
        gen_unary(g, opc, t, t == IR_F32 ? IR_F64 : IR_F32);
        break;
    }
    case IR_OP_bitcast_i2f: {
        IrType t = gen_fp_type(g);
        gen_unary(g, opc, t, t == IR_F32 ? IR_I32 : IR_I64);
        break;
    }
    case IR_OP_bitcast_f2i:
        gen_bitcast_f2i(g);
        break;
    case IR_OP_fminnum: case IR_OP_fmaxnum:
        gen_binary(g, opc, gen_fp_type(g));
        break;
    case IR_OP_fcanon: {
        IrType t = gen_fp_type(g);
        gen_unary(g, opc, t, t);
        break;
    }
    case IR_OP_fcanon_fma:
        gen_canon_fma(g);
        break;
    case IR_OP_fbox:
        gen_unary(g, opc, IR_F64, IR_F32);
        break;
    case IR_OP_funbox:
        gen_funbox(g);
        break;
    case IR_OP_fsetrm:
        ir_fsetrm(g->ctx, (IrRound)rng_below(&g->r, 4));
        break;
    case IR_OP_clmul: case IR_OP_clmulh:        /* i64 only */
        gen_binary(g, opc, IR_I64);
        break;
    default:
        gen_binary(g, opc, gen_int_type(g));
        break;
    }
}
