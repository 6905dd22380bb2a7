/*
 * Lowering of the return-address stack ops (JitConfig.ras, jit.h;
 * docs/frontend.md "Fusion and the return-address stack"; RISC-V
 * Unprivileged ISA 20191213, 2.5, Table 2.1 "Return-address stack
 * prediction hints encoded in the register operands of a JALR").
 *
 * The "stack" is a direct-mapped table in env (the guest CPU state: per
 * thread) indexed by the guest stack pointer: a callee returns with the
 * sp its caller had at the call (the calling convention), so the entry
 * of that sp is the call's.  No top-of-stack index is carried from push
 * to pop through memory (which made a ring slower than the jump-cache
 * probe: a store-to-load chain through every call and return), and
 * longjmp, deep recursion or a changed sp just miss.  An entry is
 * { guest return pc, host address }: a call stores its return pc and the
 * address of a return stub in its own block (label l); the stub is plain
 * IR (trans_rvi_ctrl.c) that checks the rounding mode the block was
 * translated for and leaves through a goto_tb slot, which the runtime
 * chains to the block at the return pc like any other exit (and unchains
 * when that block is invalidated).  A return whose target is exactly the
 * entry's pc jumps to the stub: two jumps, no lookup; anything else falls
 * into the usual lookup_tb code.  The only thing a stale entry could do
 * wrong is point into a dropped code cache: the runtime empties every
 * table at a flush (entries with an odd pc, which no return target has).
 *
 *   ras_push = sp [ret, l]  e = table[(sp >> 4) % n]; e = { ret, &l }
 *   ras_lookup_tb d = pc, sp
 *                           e = table[(sp >> 4) % n];
 *                           d = e.pc == pc ? e.code : lookup_tb's result
 * Without a table (JitRas off) ras_push emits nothing and ras_lookup_tb is
 * lookup_tb.
 */
#include <assert.h>

#include "jit_internal.h"

static bool ras_on(const Jit *jit)
{
    return jit->cfg.ras.enabled && jit->cfg.ras.bits >= 1 &&
           jit->cfg.ras.bits <= 12;
}

/* The byte offset of sp's entry: (sp >> 4) % n * 16 = sp & mask. */
static int32_t ring_mask(const JitRas *r)
{
    return (int32_t)((16u << r->bits) - 16u);
}

static void lower_push(JitEmit *em, uint64_t ret, uint32_t label, X86Reg sp,
                       X86Reg t, X86Reg v)
{
    CodeBuf *cb = jit_cb(em);
    const JitRas *r = &em->jit->cfg.ras;
    x86_mov_rr(cb, false, t, sp);
    x86_and_r32_i32(cb, t, ring_mask(r));
    X86Mem pc_m = x86_mem_idx(JIT_ENV_REG, t, 1, r->ring_ofs);
    if ((int64_t)ret == (int64_t)(int32_t)ret) {
        x86_mov_m64_i32(cb, pc_m, (int32_t)ret);
    } else {
        x86_mov_ri(cb, v, (int64_t)ret);
        x86_mov_m64_r64(cb, pc_m, v);
    }
    /* lea v, [rip + l]: a label fixup like a forward jump's rel32 (the
     * disp32 ends the instruction) */
    assert(label < em->nb_labels);
    x86_lea_r64_m(cb, v, x86_mem_rip(0));
    if (em->label_off[label] >= 0) {
        cb_patch32(cb->ptr - 4, (uint32_t)(em->label_off[label] -
                                           (int32_t)jit_off(em)));
    } else if (jit_grow(em, (void **)&em->lfix, &em->cap_lfix, em->nb_lfix,
                        sizeof(JitFixup))) {
        em->lfix[em->nb_lfix++] = (JitFixup){ .at = jit_off(em) - 4,
                                              .target = label };
    }
    x86_mov_m64_r64(cb, x86_mem_idx(JIT_ENV_REG, t, 1, r->ring_ofs + 8), v);
}

/*
 * ras_lookup_tb: pc into rsi and sp's entry offset into rcx first (either
 * may sit in the other's register; rax rcx rdx rsi are free: the op
 * clobbers the SysV caller-saved set).  A hit leaves the stub's address
 * in d and jumps over the lookup_tb code, which a miss falls into.
 */
static void lower_lookup(JitEmit *em, X86Reg d, X86Reg pc, X86Reg sp)
{
    CodeBuf *cb = jit_cb(em);
    const JitRas *r = &em->jit->cfg.ras;
    if (sp != X86_RSI) {
        x86_mov_rr(cb, true, X86_RSI, pc);
        x86_mov_rr(cb, false, X86_RCX, sp);
    } else if (pc != X86_RCX) {
        x86_mov_rr(cb, false, X86_RCX, sp);
        x86_mov_rr(cb, true, X86_RSI, pc);
    } else {
        x86_mov_rr(cb, false, X86_RDX, sp);
        x86_mov_rr(cb, true, X86_RSI, pc);
        x86_mov_rr(cb, false, X86_RCX, X86_RDX);
    }
    x86_and_r32_i32(cb, X86_RCX, ring_mask(r));
    x86_cmp_r64_m64(cb, X86_RSI, x86_mem_idx(JIT_ENV_REG, X86_RCX, 1,
                                             r->ring_ofs));
    uint32_t miss = jit_jcc8_fwd(em, X86_CC_NE);
    x86_mov_r64_m64(cb, d, x86_mem_idx(JIT_ENV_REG, X86_RCX, 1,
                                       r->ring_ofs + 8));
    x86_jmp_rel32(cb, 0);
    uint32_t hit = jit_off(em);
    jit_fwd8_here(em, miss);
    jit_emit_lookup_tb(em, d, X86_RSI);
    if (!cb->overflow)
        cb_patch32(cb->start + hit - 4, jit_off(em) - hit);
}

void jit_lower_ras(JitEmit *em, const IrOp *op, const IrConsSet *cs,
                   const RaArg *a)
{
    const IrArg *k = &op->args[op->nb_out + op->nb_in];
    bool on = ras_on(em->jit);
    (void)cs;

    switch (op->opc) {
    case IR_OP_ras_push:                /* = sp [ret, l] scratch t, v */
        if (on)
            lower_push(em, k[0].uimm, k[1].label.id, (X86Reg)a[0].reg,
                       (X86Reg)a[1].reg, (X86Reg)a[2].reg);
        break;
    case IR_OP_ras_lookup_tb:           /* d = pc, sp */
        if (on)
            lower_lookup(em, (X86Reg)a[0].reg, (X86Reg)a[1].reg,
                         (X86Reg)a[2].reg);
        else
            jit_emit_lookup_tb(em, (X86Reg)a[0].reg, (X86Reg)a[1].reg);
        break;
    default:
        assert(0);
    }
}
