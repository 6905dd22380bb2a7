/*
 * Lowering of conditions and control flow: setcond/movcond/brcond/br
 * (CMP + SETcc/CMOVcc/Jcc), and the ops that leave or link translation
 * blocks (docs/backend.md, "Chaining and exits"):
 *   goto_tb SLOT  a `jmp rel32` whose rel32 field is 4-byte aligned, so
 *                 jit_tb_link() can retarget it with one atomic store; it
 *                 first jumps to the next instruction (the exit_tb that
 *                 follows);
 *   brcond to a label that starts a goto_tb (the frontend's conditional
 *                 branch), with JitConfig.direct_jcc: its `jcc rel32` gets
 *                 an aligned rel32 too, and jit_tb_link() points it
 *                 straight at the slot's target (JitTb.jcc_rel): a taken
 *                 chained branch is one jump, not jcc + jmp;
 *   exit_tb VAL   mov rax, VAL; jmp epilogue (VAL 0: jmp to the stub that
 *                 clears eax in front of the epilogue);
 *   goto_ptr P    jmp P;
 *   lookup_tb     the inline probe of JitConfig.lookup_cache when enabled,
 *                 else (or on its miss) call JitConfig.lookup(env, pc), a
 *                 miss (NULL) replaced
 *                 by the "return 0" stub;
 *   call          call the helper (SysV: arguments already in place, rsp
 *                 16-byte aligned);
 *   mb            MFENCE only for store -> load ordering (x86-TSO, SDM
 *                 Vol. 3A 9.2.2 keeps every other order).
 */
#include <assert.h>

#include "jit_internal.h"

static void emit_cmp(CodeBuf *cb, bool w64, X86Reg a, const RaArg *b)
{
    if (b->reg >= 0)
        x86_alu_rr(cb, X86_ALU_CMP, w64, a, (X86Reg)b->reg);
    else
        x86_alu_ri(cb, X86_ALU_CMP, w64, a, b->val);    /* 0 -> test */
}

static void lower_setcond(CodeBuf *cb, bool w64, const RaArg *a, IrCond c)
{
    X86Reg d = (X86Reg)a[0].reg, x = (X86Reg)a[1].reg;
    if (c == IR_COND_NEVER || c == IR_COND_ALWAYS) {
        x86_mov_ri(cb, d, c == IR_COND_ALWAYS);
        return;
    }
    if (d != x && d != (X86Reg)a[2].reg) {
        /* zero d first (no partial-register merge), then set its low byte */
        x86_mov_ri(cb, d, 0);
        emit_cmp(cb, w64, x, &a[2]);
        x86_setcc_r8(cb, jit_cond(c), d);
    } else {
        emit_cmp(cb, w64, x, &a[2]);
        x86_setcc_r8(cb, jit_cond(c), d);
        x86_movzx_r32_r8(cb, d, d);
    }
}

/*
 * Direct conditional chaining: is the first code after label L (set after
 * OP) a goto_tb?  The frontend's conditional branch is brcond L; goto_tb 1;
 * mov pc; exit_tb; set_label L; goto_tb 0: a few ops ahead at most.  The
 * emitter checks again that nothing was emitted in between (lower_goto_tb).
 */
#define DJCC_LOOKAHEAD 16

static bool label_starts_goto_tb(const JitEmit *em, const IrOp *op,
                                 uint32_t l)
{
    const IrCtx *ctx = em->ctx;
    const IrOp *last = ctx->ops + ctx->nb_ops;
    if (op < ctx->ops || op >= last)
        return false;
    const IrOp *stop = last - op > DJCC_LOOKAHEAD ? op + DJCC_LOOKAHEAD : last;
    for (const IrOp *p = op + 1; p < stop; p++) {
        if (p->opc != IR_OP_set_label ||
            p->args[p->nb_out + p->nb_in].label.id != l)
            continue;
        for (p++; p < last && (p->opc == IR_OP_nop || p->opc == IR_OP_discard);
             p++)
            ;
        return p < last && p->opc == IR_OP_goto_tb;
    }
    return false;
}

/*
 * cmp + `jcc rel32` to forward label L with the rel32 4-byte aligned (the
 * padding goes before the cmp: cmp + jcc stay adjacent and can fuse),
 * remembered for lower_goto_tb.
 */
static void emit_direct_jcc(JitEmit *em, bool w64, X86Reg x, const RaArg *b,
                            X86Cond cc, uint32_t l)
{
    CodeBuf *cb = jit_cb(em);
    uint8_t *start = cb->ptr;
    emit_cmp(cb, w64, x, b);
    if (cb->overflow)
        return;
    /* jcc rel32 is 0F 8x rel32: the field starts 2 bytes in */
    size_t len = (size_t)(cb->ptr - start);
    unsigned pad = (unsigned)(-(cb_exec_ptr(cb) + 2) & 3);
    if (pad) {
        cb->ptr = start;                /* again, behind the padding */
        x86_nops(cb, pad);
        emit_cmp(cb, w64, x, b);
        assert(cb->overflow || (size_t)(cb->ptr - start) == len + pad);
        (void)len;
    }
    jit_branch_label(em, (int)cc, l);
    if (cb->overflow)
        return;
    uint32_t at = jit_off(em) - 4;
    assert(((cb_exec_ptr(cb) - 4) & 3) == 0);
    if (em->nb_djcc < sizeof em->djcc / sizeof em->djcc[0])
        em->djcc[em->nb_djcc++] = (JitDirectJcc){ .at = at, .label = l };
}

void jit_lower_cond(JitEmit *em, const IrOp *op, const IrConsSet *cs,
                    const RaArg *a)
{
    CodeBuf *cb = jit_cb(em);
    bool w64 = op->type == IR_I64;
    const IrArg *k = &op->args[op->nb_out + op->nb_in];
    (void)cs;

    switch (op->opc) {
    case IR_OP_setcond:
        lower_setcond(cb, w64, a, (IrCond)k[0].imm);
        break;
    case IR_OP_movcond: {               /* d = c1, c2, v1, v2 (d == v2) */
        IrCond c = (IrCond)k[0].imm;
        X86Reg d = (X86Reg)a[0].reg, v1 = (X86Reg)a[3].reg;
        assert(d == (X86Reg)a[4].reg);
        if (c == IR_COND_ALWAYS) {
            x86_mov_rr(cb, w64, d, v1);
        } else if (c != IR_COND_NEVER) {
            emit_cmp(cb, w64, (X86Reg)a[1].reg, &a[2]);
            (w64 ? x86_cmovcc_r64_r64 : x86_cmovcc_r32_r32)(cb, jit_cond(c),
                                                            d, v1);
        }
        break;
    }
    case IR_OP_brcond: {                /* = a, b [cond, l] */
        IrCond c = (IrCond)k[0].imm;
        if (c == IR_COND_ALWAYS) {
            jit_branch_label(em, -1, k[1].label.id);
        } else if (c != IR_COND_NEVER && em->jit->cfg.direct_jcc &&
                   label_starts_goto_tb(em, op, k[1].label.id)) {
            emit_direct_jcc(em, w64, (X86Reg)a[0].reg, &a[1], jit_cond(c),
                            k[1].label.id);
        } else if (c != IR_COND_NEVER) {
            emit_cmp(cb, w64, (X86Reg)a[0].reg, &a[1]);
            jit_branch_label(em, (int)jit_cond(c), k[1].label.id);
        }
        break;
    }
    default:                            /* br [l] */
        jit_branch_label(em, -1, k[0].label.id);
        break;
    }
}

static void lower_goto_tb(JitEmit *em, unsigned slot)
{
    CodeBuf *cb = jit_cb(em);
    assert(slot < 2 && em->jmp_insn[slot] == JIT_NO_JMP);
    /* a direct jcc whose label is right here: linked with the slot */
    for (unsigned i = 0; i < em->nb_djcc; i++)
        if (em->label_off[em->djcc[i].label] == (int32_t)jit_off(em))
            em->jcc_rel[slot] = em->djcc[i].at;
    /* the rel32 field (after the 1-byte opcode) on a 4-byte boundary: a
     * naturally aligned 4-byte store is atomic (SDM Vol. 3A 8.1.1) */
    x86_nops(cb, (unsigned)((3 - cb_exec_ptr(cb)) & 3));
    em->jmp_insn[slot] = jit_off(em);
    x86_jmp_rel32(cb, 0);
    em->jmp_reset[slot] = jit_off(em);
}

/*
 * The inline probe of JitConfig.lookup_cache (jit.h), pc in rsi; rax, rcx,
 * rdx are free (the op clobbers the SysV caller-saved set).  Leaves the
 * target in rax and jumps to the end on a hit; falls through on a miss.
 * Returns the jmp8 fixup of the hit, or UINT32_MAX without a probe.
 */
static uint32_t lookup_probe(JitEmit *em, uint32_t *miss, unsigned *nmiss)
{
    CodeBuf *cb = jit_cb(em);
    const JitLookupCache *lc = &em->jit->cfg.lookup_cache;
    x86_mov_rr(cb, true, X86_RAX, X86_RSI);
    x86_shr_r64_1(cb, X86_RAX);
    x86_mov_rr(cb, true, X86_RCX, X86_RSI);
    x86_shr_r64_u8(cb, X86_RCX, 1 + lc->bits);
    x86_xor_r64_r64(cb, X86_RAX, X86_RCX);
    x86_and_r32_i32(cb, X86_RAX, (int64_t)((1u << lc->bits) - 1));
    x86_mov_r64_m64(cb, X86_RAX,
                    x86_mem_idx(JIT_ENV_REG, X86_RAX, 8, lc->table_ofs));
    x86_test_r64_r64(cb, X86_RAX, X86_RAX);
    miss[(*nmiss)++] = jit_jcc8_fwd(em, X86_CC_E);
    x86_cmp_r64_m64(cb, X86_RSI, x86_mem(X86_RAX, lc->pc_ofs));
    miss[(*nmiss)++] = jit_jcc8_fwd(em, X86_CC_NE);
    x86_movzx_r32_m8(cb, X86_RCX, x86_mem(X86_RAX, lc->key_ofs));
    x86_movzx_r32_m8(cb, X86_RDX, x86_mem(JIT_ENV_REG, lc->env_key_ofs));
    x86_cmp_r32_r32(cb, X86_RCX, X86_RDX);
    miss[(*nmiss)++] = jit_jcc8_fwd(em, X86_CC_NE);
    x86_mov_r64_m64(cb, X86_RAX, x86_mem(X86_RAX, lc->code_ofs));
    return jit_jmp8_fwd(em);
}

static void lower_lookup_tb(JitEmit *em, X86Reg d, X86Reg pc)
{
    CodeBuf *cb = jit_cb(em);
    const void *ret0 = jit_ret0_stub(em->jit);
    if (!em->jit->cfg.lookup) {
        x86_mov_ri(cb, d, (int64_t)(uintptr_t)ret0);
        return;
    }
    /* rsi first: pc may sit in rdi */
    x86_mov_rr(cb, true, X86_RSI, pc);
    uint32_t miss[3], hit = UINT32_MAX;
    unsigned nmiss = 0;
    if (em->jit->cfg.lookup_cache.enabled)
        hit = lookup_probe(em, miss, &nmiss);
    for (unsigned i = 0; i < nmiss; i++)
        jit_fwd8_here(em, miss[i]);
    x86_mov_rr(cb, true, X86_RDI, JIT_ENV_REG);
    x86_call_to(cb, (const void *)em->jit->cfg.lookup, X86_RAX);
    x86_test_r64_r64(cb, X86_RAX, X86_RAX);
    uint32_t found = jit_jcc8_fwd(em, X86_CC_NE);
    x86_mov_ri_keepflags(cb, X86_RAX, (int64_t)(uintptr_t)ret0);
    jit_fwd8_here(em, found);
    if (hit != UINT32_MAX)
        jit_fwd8_here(em, hit);
    x86_mov_rr(cb, true, d, X86_RAX);
}

void jit_emit_lookup_tb(JitEmit *em, X86Reg d, X86Reg pc)
{
    lower_lookup_tb(em, d, pc);
}

void jit_lower_ctrl(JitEmit *em, const IrOp *op, const IrConsSet *cs,
                    const RaArg *a)
{
    CodeBuf *cb = jit_cb(em);
    const IrArg *k = &op->args[op->nb_out + op->nb_in];
    Jit *jit = em->jit;
    (void)cs;

    switch (op->opc) {
    case IR_OP_goto_tb:
        lower_goto_tb(em, (unsigned)k[0].uimm);
        break;
    case IR_OP_exit_tb:
        if (k[0].uimm == 0) {
            x86_jmp_to(cb, (const void *)jit_fixed_addr(jit, jit->off_ret0));
        } else {
            x86_mov_ri(cb, X86_RAX, (int64_t)k[0].uimm);
            x86_jmp_to(cb, (const void *)jit_fixed_addr(jit, jit->off_epilogue));
        }
        break;
    case IR_OP_goto_ptr:
        x86_jmp_r64(cb, (X86Reg)a[0].reg);
        break;
    case IR_OP_lookup_tb:
        lower_lookup_tb(em, (X86Reg)a[0].reg, (X86Reg)a[1].reg);
        break;
    case IR_OP_call:
        /* arguments are in rdi rsi rdx rcx r8 r9 (the constraint); r11 is
         * clobbered and holds none of them */
        x86_call_to(cb, (const void *)k[0].helper->func, X86_R11);
        break;
    case IR_OP_mb:
        if (k[0].imm & IR_BAR_ST_LD)
            x86_mfence(cb);
        break;
    default:
        assert(0);
    }
}
