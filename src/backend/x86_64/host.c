/*
 * The backend side of the register allocator's contract (regalloc.h):
 * the RaHost of one translation block, its move/constant/spill hooks, the
 * op hook that dispatches to the lower_*.c files and records the meta ops
 * (insn_start -> pc map, set_label -> label offsets).  jit_emit_finish()
 * resolves labels, appends the block's literals and commits the block.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jit_internal.h"

/* ---- the RaHost hooks ---- */

static void hook_mov(void *be, IrType t, int dst, int src)
{
    JitEmit *em = be;
    CodeBuf *cb = jit_cb(em);
    X86Reg d = (X86Reg)dst, s = (X86Reg)src;
    bool w64 = t == IR_I64 || t == IR_F64;
    if (dst == src)
        return;
    if (x86_is_xmm(d) && x86_is_xmm(s)) {
        x86_movaps_x_x(cb, d, s);           /* whole register: no merge */
    } else if (x86_is_xmm(d)) {
        if (w64)
            x86_movq_x_r64(cb, d, s);
        else
            x86_movd_x_r32(cb, d, s);
    } else if (x86_is_xmm(s)) {
        if (w64)
            x86_movq_r64_x(cb, d, s);
        else
            x86_movd_r32_x(cb, d, s);
    } else {
        x86_mov_rr(cb, w64, d, s);
    }
}

static void hook_movi(void *be, IrType t, int dst, uint64_t val)
{
    JitEmit *em = be;
    CodeBuf *cb = jit_cb(em);
    X86Reg d = (X86Reg)dst;
    if (x86_is_gpr(d)) {
        /* i32: the low 32 bits, zero-extended (upper bits are don't-care) */
        x86_mov_ri(cb, d, (int64_t)(t == IR_I64 || t == IR_F64
                                    ? val : (uint32_t)val));
        return;
    }
    if (t == IR_F32 || t == IR_I32)
        val = (uint32_t)val;
    if (val == 0) {
        x86_xorps_x_x(cb, d, d);
    } else if (t == IR_F64 || t == IR_I64) {
        x86_movsd_x_m64(cb, d, jit_rip0());
        jit_rip_literal(em, val, 0);
    } else {
        x86_movss_x_m32(cb, d, jit_rip0());
        jit_rip_literal(em, val, 0);
    }
}

static void hook_load(void *be, IrType t, int dst, int base, int32_t off)
{
    JitEmit *em = be;
    CodeBuf *cb = jit_cb(em);
    X86Mem m = x86_mem((X86Reg)base, off);
    X86Reg d = (X86Reg)dst;
    if (x86_is_xmm(d)) {
        if (t == IR_F64 || t == IR_I64)
            x86_movsd_x_m64(cb, d, m);
        else
            x86_movss_x_m32(cb, d, m);
    } else if (t == IR_I64 || t == IR_F64) {
        x86_mov_r64_m64(cb, d, m);
    } else {
        x86_mov_r32_m32(cb, d, m);
    }
}

static void hook_store(void *be, IrType t, int src, int base, int32_t off)
{
    JitEmit *em = be;
    CodeBuf *cb = jit_cb(em);
    X86Mem m = x86_mem((X86Reg)base, off);
    X86Reg s = (X86Reg)src;
    if (x86_is_xmm(s)) {
        if (t == IR_F64 || t == IR_I64)
            x86_movsd_m64_x(cb, m, s);
        else
            x86_movss_m32_x(cb, m, s);
    } else if (t == IR_I64 || t == IR_F64) {
        x86_mov_m64_r64(cb, m, s);
    } else {
        x86_mov_m32_r32(cb, m, s);
    }
}

static void lower_meta(JitEmit *em, const IrOp *op, const RaArg *a)
{
    switch (op->opc) {
    case IR_OP_insn_start:
        if (jit_grow(em, (void **)&em->pc_map, &em->cap_pc, em->nb_pc,
                 sizeof(JitPcMap)))
            em->pc_map[em->nb_pc++] = (JitPcMap){
                .host_off = jit_off(em),
                .guest_pc = op->args[op->nb_out + op->nb_in].uimm };
        break;
    case IR_OP_set_label: {
        uint32_t l = op->args[op->nb_out + op->nb_in].label.id;
        assert(l < em->nb_labels && em->label_off[l] < 0);
        em->label_off[l] = (int32_t)jit_off(em);
        break;
    }
    case IR_OP_mov:                 /* the allocator emits these itself */
        if (a[1].reg >= 0)
            hook_mov(em, (IrType)op->type, a[0].reg, a[1].reg);
        else
            hook_movi(em, (IrType)op->type, a[0].reg, (uint64_t)a[1].val);
        break;
    default:                        /* nop, discard: no code */
        break;
    }
}

static JitLowerFn *lower_fn(IrOpcode opc)
{
    switch (opc) {
    case IR_OP_add: case IR_OP_sub: case IR_OP_neg: case IR_OP_not:
    case IR_OP_and: case IR_OP_or: case IR_OP_xor: case IR_OP_andc:
    case IR_OP_orc: case IR_OP_eqv: case IR_OP_nand: case IR_OP_nor:
    case IR_OP_mul:
        return jit_lower_alu;
    case IR_OP_shl: case IR_OP_shr: case IR_OP_sar: case IR_OP_rotl:
    case IR_OP_rotr:
        return jit_lower_shift;
    case IR_OP_mulsh: case IR_OP_muluh: case IR_OP_mulsuh: case IR_OP_div:
    case IR_OP_divu: case IR_OP_rem: case IR_OP_remu:
        return jit_lower_muldiv;
    case IR_OP_clz: case IR_OP_ctz: case IR_OP_ctpop: case IR_OP_bswap:
    case IR_OP_extract: case IR_OP_sextract: case IR_OP_deposit:
    case IR_OP_ext_i32_i64: case IR_OP_extu_i32_i64:
    case IR_OP_extrl_i64_i32: case IR_OP_extrh_i64_i32:
        return jit_lower_bits;
    case IR_OP_clmul: case IR_OP_clmulh:
        return jit_lower_clmul;
    case IR_OP_setcond: case IR_OP_movcond: case IR_OP_brcond: case IR_OP_br:
        return jit_lower_cond;
    case IR_OP_goto_tb: case IR_OP_exit_tb: case IR_OP_goto_ptr:
    case IR_OP_lookup_tb: case IR_OP_call: case IR_OP_mb:
        return jit_lower_ctrl;
    case IR_OP_ras_push: case IR_OP_ras_lookup_tb:
        return jit_lower_ras;
    case IR_OP_ld_env: case IR_OP_st_env: case IR_OP_ld_guest:
    case IR_OP_st_guest:
        return jit_lower_mem;
    case IR_OP_cmpxchg: case IR_OP_xchg: case IR_OP_fetch_add:
    case IR_OP_fetch_and: case IR_OP_fetch_or: case IR_OP_fetch_xor:
    case IR_OP_fetch_smin: case IR_OP_fetch_smax: case IR_OP_fetch_umin:
    case IR_OP_fetch_umax:
        return jit_lower_atomic;
    case IR_OP_fadd: case IR_OP_fsub: case IR_OP_fmul: case IR_OP_fdiv:
    case IR_OP_fsqrt: case IR_OP_fmin: case IR_OP_fmax: case IR_OP_fma:
    case IR_OP_fneg: case IR_OP_fabs: case IR_OP_fcmp: case IR_OP_itof:
    case IR_OP_utof: case IR_OP_fcvt: case IR_OP_bitcast_f2i:
    case IR_OP_bitcast_i2f:
        return jit_lower_fp;
    case IR_OP_ftoi: case IR_OP_ftou:
        return jit_lower_fcvt;
    case IR_OP_fminnum: case IR_OP_fmaxnum: case IR_OP_fcanon:
    case IR_OP_fcanon_fma: case IR_OP_fbox: case IR_OP_funbox:
    case IR_OP_fsetrm:
        return jit_lower_fpx;
    default:
        return NULL;
    }
}

static void hook_op(void *be, const IrOp *op, const IrConsSet *cs,
                    const RaArg *args)
{
    JitEmit *em = be;
    uint32_t start = jit_off(em);
    JitLowerFn *fn = lower_fn((IrOpcode)op->opc);
    if (fn) {
        assert(cs);
        fn(em, op, cs, args);
    } else {
        lower_meta(em, op, args);
    }
    if (em->want_spans && jit_off(em) != start &&
        jit_grow(em, (void **)&em->spans, &em->cap_spans, em->nb_spans,
             sizeof(JitOpSpan)))
        em->spans[em->nb_spans++] = (JitOpSpan){
            .op_index = (uint32_t)(op - em->ctx->ops),
            .start = start, .end = jit_off(em) };
}

/* ---- one block ---- */

JitEmit *jit_emit_begin(Jit *jit, IrCtx *ctx, bool want_spans)
{
    JitEmit *em = calloc(1, sizeof *em);
    if (em) {
        em->nb_labels = ctx->nb_labels + 1;
        em->label_off = malloc(em->nb_labels * sizeof *em->label_off);
    }
    if (!em || !em->label_off) {
        fprintf(stderr, "rvtcg jit: out of memory\n");
        abort();
    }
    for (uint32_t i = 0; i < em->nb_labels; i++)
        em->label_off[i] = -1;
    em->jit = jit;
    em->ctx = ctx;
    em->features = jit->features;
    em->want_spans = want_spans;
    em->jmp_insn[0] = em->jmp_insn[1] = JIT_NO_JMP;
    em->jmp_reset[0] = em->jmp_reset[1] = JIT_NO_JMP;

    uint32_t align = jit->cfg.align_blocks ? 64u : 16u;  /* jit.h */
    uint32_t start = (jit->code_ptr + align - 1) & ~(align - 1);
    if (start > jit->cache.size)
        start = (uint32_t)jit->cache.size;
    cb_init(&em->cb, jit->cache.rw + start, jit->cache.size - start);
    em->cb.exec_delta = (intptr_t)(jit->cache.rx - jit->cache.rw);

    uint32_t reserved = (1u << X86_RSP) | (1u << JIT_ENV_REG);
    if (jit->gbase_reg >= 0)
        reserved |= 1u << jit->gbase_reg;
    em->host = (RaHost){
        .features = jit->features,
        .allocatable = (IR_X86_GPRS | IR_X86_XMMS) & ~reserved,
        .reserved = reserved,
        .env_reg = JIT_ENV_REG,
        .frame_reg = X86_RSP,
        .frame_offset = 0,
        .frame_size = JIT_SPILL_BYTES,
        .be = em,
        .mov = hook_mov,
        .movi = hook_movi,
        .load = hook_load,
        .store = hook_store,
        .op = hook_op,
    };
    return em;
}

const RaHost *jit_emit_host(JitEmit *em)
{
    return &em->host;
}

void jit_emit_abort(JitEmit *em)
{
    if (!em)
        return;
    free(em->label_off);
    free(em->lfix);
    free(em->pfix);
    free(em->pool);
    free(em->pc_map);
    free(em->spans);
    free(em);
}

int jit_emit_finish(JitEmit *em, JitTb *tb, JitOpSpan **spans,
                    size_t *nb_spans, uint32_t *code_bytes)
{
    CodeBuf *cb = jit_cb(em);
    Jit *jit = em->jit;

    for (size_t i = 0; i < em->nb_lfix && !cb->overflow; i++) {
        const JitFixup *f = &em->lfix[i];
        int32_t target = em->label_off[f->target];
        if (target < 0) {
            fprintf(stderr, "rvtcg jit: branch to label L%u that is never set\n",
                    f->target);
            abort();
        }
        cb_patch32(cb->start + f->at, (uint32_t)(target - (int32_t)(f->at + 4)));
    }

    uint32_t ncode = jit_off(em);
    if (em->nb_pool) {
        while (jit_off(em) & 7)
            cb_emit8(cb, 0xcc);             /* int3 between code and data */
        uint32_t pool_off = jit_off(em);
        for (size_t i = 0; i < em->nb_pool; i++)
            cb_emit64(cb, em->pool[i]);
        for (size_t i = 0; i < em->nb_pfix && !cb->overflow; i++) {
            const JitFixup *f = &em->pfix[i];
            cb_patch32(cb->start + f->at,
                       pool_off + 8 * f->target - f->end);
        }
    }

    if (cb->overflow) {
        jit_emit_abort(em);
        return -1;
    }

    uint32_t start = (uint32_t)(cb->start - jit->cache.rw);
    memset(tb, 0, sizeof *tb);
    tb->code = jit->cache.rx + start;
    tb->size = jit_off(em);
    for (int i = 0; i < 2; i++) {
        tb->jmp_insn[i] = em->jmp_insn[i];
        tb->jmp_reset[i] = em->jmp_reset[i];
        tb->jcc_rel[i] = em->jcc_rel[i];
    }
    tb->nb_insns = (uint32_t)em->nb_pc;
    tb->pc_map = em->pc_map;
    em->pc_map = NULL;
    jit->code_ptr = start + tb->size;
    if (code_bytes)
        *code_bytes = ncode;
    if (spans) {
        *spans = em->spans;
        *nb_spans = em->nb_spans;
        em->spans = NULL;
    }
    jit_emit_abort(em);
    return 0;
}
