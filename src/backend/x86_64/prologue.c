/*
 * The fixed code at the start of the code cache, emitted once by jit_new:
 *
 *   prologue   (SysV function: rdi = env, rsi = host code of a block)
 *              push the callee-saved rbp rbx r12 r13 r14 r15, sub rsp for
 *              the frame (rsp is then 16-byte aligned), rbp = env,
 *              [r15 = guest_base], load the pinned globals' registers
 *              from env (JitConfig.pins), jmp rsi
 *   ret0       xor eax, eax; falls into
 *   epilogue   store the pinned registers to env; add rsp; pop the
 *              callee-saved registers; ret (rax is the value jit_enter
 *              returns)
 *   slow-call stubs, one per helper (jit_helper_fcvt: the slow path of
 *              ftoi/ftou; jit_helper_atomic_be): save every caller-saved
 *              register (low 64 bits of the xmm registers: only scalars
 *              live there), call the helper with the frame's argument
 *              slots, store its result in the frame, restore
 *   pool       16-byte constants read rip-relative (JitConst)
 *
 * Register use and the frame are described in docs/backend.md.
 */
#include <stdio.h>
#include <string.h>

#include "jit_internal.h"

static const X86Reg saved_regs[] = {
    X86_RBP, X86_RBX, X86_R12, X86_R13, X86_R14, X86_R15,
};
#define NB_SAVED (sizeof saved_regs / sizeof saved_regs[0])

static const X86Reg caller_saved[] = {
    X86_RAX, X86_RCX, X86_RDX, X86_RSI, X86_RDI, X86_R8, X86_R9, X86_R10,
    X86_R11,
};
#define NB_CALLER_SAVED (sizeof caller_saved / sizeof caller_saved[0])

static void emit_prologue(Jit *jit, CodeBuf *cb)
{
    for (size_t i = 0; i < NB_SAVED; i++)
        x86_push_r64(cb, saved_regs[i]);
    x86_alu_ri(cb, X86_ALU_SUB, true, X86_RSP, JIT_FRAME_BYTES);
    x86_mov_rr(cb, true, JIT_ENV_REG, X86_RDI);
    if (jit->gbase_reg >= 0)
        x86_movabs_r64_i64(cb, (X86Reg)jit->gbase_reg,
                           (int64_t)jit->cfg.guest_base);
    for (unsigned i = 0; i < jit->cfg.nb_pins; i++)
        x86_mov_r64_m64(cb, (X86Reg)jit->cfg.pins[i].reg,
                        x86_mem(JIT_ENV_REG, jit->cfg.pins[i].env_ofs));
    x86_jmp_r64(cb, X86_RSI);
}

static void emit_epilogue(Jit *jit, CodeBuf *cb)
{
    jit->off_ret0 = (uint32_t)cb_offset(cb);
    x86_mov_ri(cb, X86_RAX, 0);
    jit->off_epilogue = (uint32_t)cb_offset(cb);
    for (unsigned i = 0; i < jit->cfg.nb_pins; i++)
        x86_mov_m64_r64(cb, x86_mem(JIT_ENV_REG, jit->cfg.pins[i].env_ofs),
                        (X86Reg)jit->cfg.pins[i].reg);
    x86_alu_ri(cb, X86_ALU_ADD, true, X86_RSP, JIT_FRAME_BYTES);
    for (size_t i = NB_SAVED; i-- > 0;)
        x86_pop_r64(cb, saved_regs[i]);
    x86_ret(cb);
}

/* A slow-call stub, called from a block with the frame's rsp F (16-byte
 * aligned): after the return address, 9 pushes and 128 bytes, rsp =
 * F - 208, aligned again for the call. */
static uint32_t emit_slow_stub(CodeBuf *cb, const void *helper)
{
    static const X86Reg arg_regs[JIT_SCR_NB_ARGS] = {
        X86_RDI, X86_RSI, X86_RDX, X86_RCX, X86_R8 };
    const int32_t xmm_bytes = 16 * 8;
    const int32_t to_frame = xmm_bytes + 8 * (int32_t)NB_CALLER_SAVED + 8;

    uint32_t off = (uint32_t)cb_offset(cb);
    for (size_t i = 0; i < NB_CALLER_SAVED; i++)
        x86_push_r64(cb, caller_saved[i]);
    x86_alu_ri(cb, X86_ALU_SUB, true, X86_RSP, xmm_bytes);
    for (int i = 0; i < 16; i++)
        x86_movsd_m64_x(cb, x86_mem(X86_RSP, 8 * i), x86_xmm((unsigned)i));
    for (int i = 0; i < JIT_SCR_NB_ARGS; i++)
        x86_mov_r64_m64(cb, arg_regs[i], x86_mem(X86_RSP, to_frame + JIT_SCR_ARG(i)));
    x86_call_to(cb, helper, X86_RAX);
    x86_mov_m64_r64(cb, x86_mem(X86_RSP, to_frame + JIT_SCR_RES), X86_RAX);
    for (int i = 0; i < 16; i++)
        x86_movsd_x_m64(cb, x86_xmm((unsigned)i), x86_mem(X86_RSP, 8 * i));
    x86_alu_ri(cb, X86_ALU_ADD, true, X86_RSP, xmm_bytes);
    for (size_t i = NB_CALLER_SAVED; i-- > 0;)
        x86_pop_r64(cb, caller_saved[i]);
    x86_ret(cb);
    return off;
}

static void emit_pool(Jit *jit, CodeBuf *cb)
{
    static const uint64_t pool[JIT_C_COUNT][2] = {
        [JIT_C_SIGN32] = { 0x8000000080000000ull, 0x8000000080000000ull },
        [JIT_C_ABS32] = { 0x7fffffff7fffffffull, 0x7fffffff7fffffffull },
        [JIT_C_SIGN64] = { 0x8000000000000000ull, 0x8000000000000000ull },
        [JIT_C_ABS64] = { 0x7fffffffffffffffull, 0x7fffffffffffffffull },
        [JIT_C_ZERO] = { 0, 0 },
        [JIT_C_U32LIM_F64] = { 0x41efffffffe00000ull, 0 },  /* 4294967295.0 */
        [JIT_C_U32LIM_F32] = { 0x4f800000ull, 0 },          /* 2^32 */
        [JIT_C_U64LIM_F64] = { 0x43e0000000000000ull, 0 },  /* 2^63 */
        [JIT_C_U64LIM_F32] = { 0x5f000000ull, 0 },          /* 2^63 */
        [JIT_C_BOXMASK] = { 0xffffffff00000000ull, 0xffffffff00000000ull },
    };
    jit->off_pool = (uint32_t)cb_offset(cb);
    for (int i = 0; i < JIT_C_COUNT; i++) {
        cb_emit64(cb, pool[i][0]);
        cb_emit64(cb, pool[i][1]);
    }
}

static void align16(CodeBuf *cb)
{
    while (cb_offset(cb) & 15)
        cb_emit8(cb, 0xcc);                 /* int3: never executed */
}

bool jit_pins_check(const Jit *jit, char *err, size_t errlen)
{
    uint32_t seen = 0, callee_gprs = 0;
    static const X86Reg cands[] = { X86_RBX, X86_R12, X86_R13, X86_R14,
                                    X86_R15 };
    for (size_t i = 0; i < sizeof cands / sizeof cands[0]; i++)
        if ((int)cands[i] != jit->gbase_reg)
            callee_gprs |= 1u << cands[i];
    if (jit->cfg.nb_pins > JIT_MAX_PINS) {
        snprintf(err, errlen, "%u pinned globals: at most %d",
                 jit->cfg.nb_pins, JIT_MAX_PINS);
        return false;
    }
    for (unsigned i = 0; i < jit->cfg.nb_pins; i++) {
        int r = jit->cfg.pins[i].reg;
        if (r < 0 || r >= 16 || !((callee_gprs >> r) & 1) || ((seen >> r) & 1)) {
            snprintf(err, errlen, "pinned global %u: register %d is not a "
                     "free callee-saved register", i, r);
            return false;
        }
        seen |= 1u << r;
    }
    /* the allocator needs one callee-saved register of its own
     * (docs/regalloc.md, "What the backend must provide") */
    if (seen == callee_gprs) {
        snprintf(err, errlen, "pinning every callee-saved register leaves "
                 "none to the register allocator");
        return false;
    }
    return true;
}

unsigned jit_max_pins(uintptr_t guest_base)
{
    /* rbx r12 r13 r14 r15, minus guest_base's, minus the allocator's one */
    unsigned n = jit_gbase_needs_reg(guest_base) ? 3 : 4;
    return n < JIT_MAX_PINS ? n : JIT_MAX_PINS;
}

uint32_t jit_pinned_regs(const Jit *jit)
{
    uint32_t m = 0;
    for (unsigned i = 0; i < jit->cfg.nb_pins; i++)
        m |= 1u << jit->cfg.pins[i].reg;
    return m;
}

bool jit_emit_fixed(Jit *jit)
{
    CodeBuf cb;
    cb_init(&cb, jit->cache.rw, jit->cache.size);
    cb.exec_delta = (intptr_t)(jit->cache.rx - jit->cache.rw);

    jit->off_prologue = 0;
    emit_prologue(jit, &cb);
    align16(&cb);
    emit_epilogue(jit, &cb);
    align16(&cb);
    jit->off_fcvt_stub = emit_slow_stub(&cb, (const void *)jit_helper_fcvt);
    align16(&cb);
    jit->off_atomic_be_stub = emit_slow_stub(&cb, (const void *)jit_helper_atomic_be);
    align16(&cb);
    emit_pool(jit, &cb);
    align16(&cb);
    if (cb.overflow)
        return false;
    jit->code_start = jit->code_ptr = (uint32_t)cb_offset(&cb);
    return true;
}
