/*
 * The JIT driver (jit.h): creating the code cache with its fixed code,
 * entering generated code, linking goto_tb slots, flushing.  Compiling a
 * block is in jit_compile.c (it needs the register allocator).
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jit_internal.h"

#define JIT_DEFAULT_CODE_SIZE (32u << 20)
#define JIT_MAX_CODE_SIZE     (1u << 30)  /* every rel32 stays in reach */

Jit *jit_new(const JitConfig *cfg, char *err, size_t errlen)
{
    size_t size = cfg->code_size ? cfg->code_size : JIT_DEFAULT_CODE_SIZE;
    if (size > JIT_MAX_CODE_SIZE) {
        snprintf(err, errlen, "code cache: %zu bytes is more than %u", size,
                 JIT_MAX_CODE_SIZE);
        return NULL;
    }
    Jit *jit = calloc(1, sizeof *jit);
    if (!jit) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    jit->cfg = *cfg;
    jit->features = cfg->host_features & x86_host_features();

    /* guest_base: nothing, a disp32 (sign-extended: any value whose
     * 64-bit two's complement fits), or r15 */
    jit->gbase_reg = -1;
    if (jit_gbase_needs_reg(cfg->guest_base))
        jit->gbase_reg = JIT_GBASE_REG;
    else
        jit->gbase_disp = (int32_t)(int64_t)cfg->guest_base;
    if (!jit_pins_check(jit, err, errlen)) {
        free(jit);
        return NULL;
    }

    if (!jit_cache_map(&jit->cache, size, cfg->wx, err, errlen)) {
        free(jit);
        return NULL;
    }
    if (!jit_emit_fixed(jit)) {
        snprintf(err, errlen, "code cache: %zu bytes is too small", size);
        jit_free(jit);
        return NULL;
    }
    return jit;
}

void jit_free(Jit *jit)
{
    if (!jit)
        return;
    jit_cache_unmap(&jit->cache);
    free(jit);
}

uintptr_t jit_enter(Jit *jit, void *env, const void *code)
{
    typedef uintptr_t Prologue(void *env, const void *code);
    Prologue *fn;
    void *p = jit->cache.rx + jit->off_prologue;
    memcpy(&fn, &p, sizeof fn);             /* object -> function pointer */
    return fn(env, code);
}

static void patch_jump(Jit *jit, const JitTb *tb, unsigned slot,
                       const void *target)
{
    assert(slot < 2 && tb->jmp_insn[slot] != JIT_NO_JMP);
    const uint8_t *insn = tb->code + tb->jmp_insn[slot];
    int64_t rel = (int64_t)((intptr_t)target - (intptr_t)(insn + 5));
    assert(rel >= INT32_MIN && rel <= INT32_MAX);
    /* the rel32 is 4-byte aligned (lower_ctrl.c): one atomic store, so a
     * thread running the jump sees the old or the new target (SDM Vol. 3A
     * 8.1.1, 8.1.3) */
    uint32_t *field = (uint32_t *)(void *)jit_rw_of(jit, insn + 1);
    assert(((uintptr_t)field & 3) == 0);
    __atomic_store_n(field, (uint32_t)rel, __ATOMIC_RELEASE);
}

/* The direct conditional jump to SLOT (JitTb.jcc_rel), if any: its rel32
 * is 4-byte aligned too (lower_ctrl.c, emit_direct_jcc). */
static void patch_jcc(Jit *jit, const JitTb *tb, unsigned slot,
                      const void *target)
{
    if (!tb->jcc_rel[slot])
        return;
    const uint8_t *field = tb->code + tb->jcc_rel[slot];
    int64_t rel = (int64_t)((intptr_t)target - (intptr_t)(field + 4));
    assert(rel >= INT32_MIN && rel <= INT32_MAX);
    uint32_t *p = (uint32_t *)(void *)jit_rw_of(jit, field);
    assert(((uintptr_t)p & 3) == 0);
    __atomic_store_n(p, (uint32_t)rel, __ATOMIC_RELEASE);
}

/* The slot's jmp first, then the jcc (undone in the opposite order): the
 * jcc reaches the target either way, directly or through the jmp. */
void jit_tb_link(Jit *jit, const JitTb *tb, unsigned slot, const void *target)
{
    patch_jump(jit, tb, slot, target);
    patch_jcc(jit, tb, slot, target);
}

void jit_tb_unlink(Jit *jit, const JitTb *tb, unsigned slot)
{
    patch_jcc(jit, tb, slot, tb->code + tb->jmp_insn[slot]);
    patch_jump(jit, tb, slot, tb->code + tb->jmp_reset[slot]);
}

void jit_flush(Jit *jit)
{
    jit->code_ptr = jit->code_start;
}

void jit_tb_free(JitTb *tb)
{
    free(tb->pc_map);
    tb->pc_map = NULL;
    tb->nb_insns = 0;
}

const void *jit_ret0_stub(const Jit *jit)
{
    return jit->cache.rx + jit->off_ret0;
}
