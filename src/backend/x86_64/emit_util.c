/*
 * Small emission services shared by the lowering files: short forward and
 * backward branches inside one op, rip-relative references to the fixed
 * constant pool and to the block's literals, branches to IR labels (with
 * forward fixups that jit_emit_finish resolves), registers borrowed by
 * slow paths, calls to the fixed code, the IrCond -> x86 condition map.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

#include "jit_internal.h"

/* Grows a dynamic array *P of *CAP elements of SIZE bytes to hold N+1. */
bool jit_grow(JitEmit *em, void **p, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return true;
    size_t ncap = *cap ? *cap * 2 : 16;
    void *q = realloc(*p, ncap * size);
    if (!q) {
        fprintf(stderr, "rvtcg jit: out of memory\n");
        abort();
    }
    (void)em;
    *p = q;
    *cap = ncap;
    return true;
}

/* ---- branches and constants inside one op ---- */

uint32_t jit_jcc8_fwd(JitEmit *em, X86Cond cc)
{
    x86_jcc_rel8(jit_cb(em), cc, 0);
    return jit_off(em);
}

uint32_t jit_jmp8_fwd(JitEmit *em)
{
    x86_jmp_rel8(jit_cb(em), 0);
    return jit_off(em);
}

void jit_fwd8_here(JitEmit *em, uint32_t fix)
{
    CodeBuf *cb = jit_cb(em);
    if (cb->overflow)          /* the branch itself may be missing */
        return;
    uint32_t dist = jit_off(em) - fix;
    assert(dist <= 127);
    cb->start[fix - 1] = (uint8_t)dist;
}

void jit_jcc8_back(JitEmit *em, X86Cond cc, uint32_t target)
{
    int32_t rel = (int32_t)target - (int32_t)(jit_off(em) + 2);
    assert(rel >= -128);
    x86_jcc_rel8(jit_cb(em), cc, rel);
}

void jit_rip_const(JitEmit *em, JitConst c, unsigned imm_bytes)
{
    CodeBuf *cb = jit_cb(em);
    if (cb->overflow)
        return;
    uintptr_t target = jit_fixed_addr(em->jit, em->jit->off_pool) + 16u * c;
    /* rip-relative: from the end of the instruction (SDM Vol. 2 2.2.1.6) */
    int64_t disp = (int64_t)(target - cb_exec_ptr(cb));
    assert(disp >= INT32_MIN && disp <= INT32_MAX);
    cb_patch32(cb->ptr - 4 - imm_bytes, (uint32_t)disp);
}

void jit_rip_literal(JitEmit *em, uint64_t val, unsigned imm_bytes)
{
    size_t idx;
    for (idx = 0; idx < em->nb_pool; idx++)
        if (em->pool[idx] == val)
            break;
    if (idx == em->nb_pool) {
        if (!jit_grow(em, (void **)&em->pool, &em->cap_pool, em->nb_pool,
                  sizeof(uint64_t)))
            return;
        em->pool[em->nb_pool++] = val;
    }
    if (!jit_grow(em, (void **)&em->pfix, &em->cap_pfix, em->nb_pfix,
              sizeof(JitFixup)))
        return;
    uint32_t end = jit_off(em);
    em->pfix[em->nb_pfix++] = (JitFixup){ .at = end - imm_bytes - 4, .end = end,
                                          .target = (uint32_t)idx };
}

void jit_branch_label(JitEmit *em, int cc, uint32_t label)
{
    CodeBuf *cb = jit_cb(em);
    assert(label < em->nb_labels);
    int32_t target = em->label_off[label];
    if (target >= 0) {                      /* backward: already placed */
        int32_t rel8 = target - (int32_t)(jit_off(em) + 2);
        if (rel8 >= -128) {
            if (cc < 0)
                x86_jmp_rel8(cb, rel8);
            else
                x86_jcc_rel8(cb, (X86Cond)cc, rel8);
        } else if (cc < 0) {
            x86_jmp_rel32(cb, target - (int32_t)(jit_off(em) + 5));
        } else {
            x86_jcc_rel32(cb, (X86Cond)cc, target - (int32_t)(jit_off(em) + 6));
        }
        return;
    }
    if (cc < 0)
        x86_jmp_rel32(cb, 0);
    else
        x86_jcc_rel32(cb, (X86Cond)cc, 0);
    if (!jit_grow(em, (void **)&em->lfix, &em->cap_lfix, em->nb_lfix,
              sizeof(JitFixup)))
        return;
    em->lfix[em->nb_lfix++] = (JitFixup){ .at = jit_off(em) - 4,
                                          .target = label };
}

/* ---- registers borrowed for slow paths, calls to the fixed code ---- */

static const X86Reg borrow_order[] = {
    X86_RAX, X86_RCX, X86_RDX, X86_RSI, X86_RDI, X86_R8, X86_R9, X86_R10,
    X86_R11, X86_RBX, X86_R12, X86_R13, X86_R14, X86_R15,
};

X86Reg jit_borrow_gpr(JitEmit *em, uint32_t avoid)
{
    /* never a pinned global's register: a fault in between would show
     * the borrowed value as the guest register's */
    avoid |= em->host.reserved | jit_pinned_regs(em->jit);
    for (size_t i = 0; i < sizeof borrow_order / sizeof borrow_order[0]; i++) {
        X86Reg r = borrow_order[i];
        if (!(avoid & (1u << r))) {
            x86_mov_m64_r64(jit_cb(em), x86_mem(X86_RSP, JIT_SCR_SAVE), r);
            return r;
        }
    }
    abort();                                /* cannot happen: 14 candidates */
}

void jit_return_gpr(JitEmit *em, X86Reg r)
{
    x86_mov_r64_m64(jit_cb(em), r, x86_mem(X86_RSP, JIT_SCR_SAVE));
}

void jit_call_fixed(JitEmit *em, uint32_t off)
{
    CodeBuf *cb = jit_cb(em);
    int64_t rel = (int64_t)(jit_fixed_addr(em->jit, off) - (cb_exec_ptr(cb) + 5));
    x86_call_rel32(cb, (int32_t)rel);
}

X86Cond jit_cond(IrCond c)
{
    static const X86Cond map[IR_COND_COUNT] = {
        [IR_COND_EQ] = X86_CC_E,   [IR_COND_NE] = X86_CC_NE,
        [IR_COND_LT] = X86_CC_L,   [IR_COND_GE] = X86_CC_GE,
        [IR_COND_LE] = X86_CC_LE,  [IR_COND_GT] = X86_CC_G,
        [IR_COND_LTU] = X86_CC_B,  [IR_COND_GEU] = X86_CC_AE,
        [IR_COND_LEU] = X86_CC_BE, [IR_COND_GTU] = X86_CC_A,
    };
    assert(c >= IR_COND_EQ && c < IR_COND_COUNT);
    return map[c];
}

