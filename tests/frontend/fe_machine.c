/*
 * The frontend tests' miniature execution environment (fe_machine.h).
 */
#include "fe_machine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "ir_text.h"
#include "ir_verify.h"
#include "opt.h"

static const void *lookup_hook(void *env, uint64_t pc);

static bool can_fetch(void *opaque, uint64_t pc, unsigned len)
{
    FeMachine *m = opaque;
    return pc >= FE_ORIGIN && pc + len <= FE_ORIGIN + FE_MEM_SIZE &&
           pc + len <= m->fetch_end;
}

FeMachine *fe_new(bool opt)
{
    FeMachine *m = calloc(1, sizeof *m);
    if (!m)
        abort();
    m->mem = mmap(NULL, FE_MEM_SIZE, PROT_READ | PROT_WRITE,
                  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m->mem == MAP_FAILED)
        abort();
    m->guest_base = (uintptr_t)m->mem - FE_ORIGIN;
    m->fetch_end = FE_ORIGIN + FE_MEM_SIZE;
    rv_cpu_init(&m->hart.cpu);
    m->hart.m = m;
    JitConfig cfg = {
        .host_features = x86_host_features(),
        .guest_base = m->guest_base,
        .code_size = 4u << 20,
        .lookup = lookup_hook,
    };
    char err[256];
    m->jit = jit_new(&cfg, err, sizeof err);
    if (!m->jit) {
        fprintf(stderr, "jit_new: %s\n", err);
        abort();
    }
    m->ir = ir_ctx_new();
    rv_frontend_init(m->ir);
    m->opt = opt;
    m->chain = true;
    m->max_insns = 512;
    pthread_mutex_init(&m->lock, NULL);
    return m;
}

void fe_flush(FeMachine *m)
{
    for (unsigned i = 0; i < m->nb_tbs; i++)
        jit_tb_free(&m->tbs[i].jtb);
    m->nb_tbs = 0;
    jit_flush(m->jit);
}

void fe_free(FeMachine *m)
{
    fe_flush(m);
    jit_free(m->jit);
    ir_ctx_free(m->ir);
    munmap(m->mem, FE_MEM_SIZE);
    pthread_mutex_destroy(&m->lock);
    free(m);
}

void fe_i(FeAsm *a, uint32_t insn)
{
    memcpy(fe_host(a->m, a->pc), &insn, 4);
    a->pc += 4;
}

void fe_c(FeAsm *a, uint32_t insn)
{
    uint16_t h = (uint16_t)insn;
    memcpy(fe_host(a->m, a->pc), &h, 2);
    a->pc += 2;
}

bool fe_translate_ir(FeMachine *m, uint64_t pc, RvTbFlags flags,
                     uintptr_t token, RvTbInfo *info)
{
    RvTranslateCfg cfg = {
        .guest_base = m->guest_base,
        .max_insns = m->max_insns,
        .ext = m->ext,
        .can_fetch = can_fetch,
        .opaque = m,
    };
    ir_ctx_reset(m->ir);
    if (!rv_translate(m->ir, &cfg, pc, flags, token, info))
        return false;
    char err[512];
    if (!ir_verify(m->ir, err, sizeof err)) {
        fprintf(stderr, "invalid IR for pc %#llx: %s\n",
                (unsigned long long)pc, err);
        ir_dump(m->ir, stderr);
        abort();
    }
    return true;
}

static FeTb *find_locked(FeMachine *m, uint64_t pc, uint8_t frm)
{
    for (unsigned i = 0; i < m->nb_tbs; i++)
        if (m->tbs[i].pc == pc && m->tbs[i].frm == frm)
            return &m->tbs[i];
    return NULL;
}

static FeTb *translate_locked(FeMachine *m, uint64_t pc, uint8_t frm)
{
    if (m->nb_tbs == FE_MAX_TBS) {
        fprintf(stderr, "fe_machine: more than %u blocks\n", FE_MAX_TBS);
        abort();
    }
    FeTb *tb = &m->tbs[m->nb_tbs];
    memset(tb, 0, sizeof *tb);
    tb->pc = pc;
    tb->frm = frm;
    if (!fe_translate_ir(m, pc, (RvTbFlags){ .frm = frm }, (uintptr_t)tb,
                         &tb->info))
        return NULL;
    if (m->opt) {
        OptConfig oc = opt_config_default();
        opt_run(m->ir, &oc);
    }
    int rc = jit_compile(m->jit, m->ir, &tb->jtb);
    if (rc != 0) {
        fprintf(stderr, "jit_compile failed (%d) at %#llx\n", rc,
                (unsigned long long)pc);
        abort();
    }
    m->nb_tbs++;
    m->nb_translated++;
    return tb;
}

FeTb *fe_get_tb(FeMachine *m, FeHart *h, uint64_t pc)
{
    pthread_mutex_lock(&m->lock);
    uint8_t frm = (uint8_t)h->cpu.frm;
    FeTb *tb = find_locked(m, pc, frm);
    if (!tb)
        tb = translate_locked(m, pc, frm);
    pthread_mutex_unlock(&m->lock);
    return tb;
}

static const void *lookup_hook(void *env, uint64_t pc)
{
    FeHart *h = env;
    FeMachine *m = h->m;
    pthread_mutex_lock(&m->lock);
    FeTb *tb = find_locked(m, pc, (uint8_t)h->cpu.frm);
    pthread_mutex_unlock(&m->lock);
    return tb ? tb->jtb.code : NULL;
}

unsigned fe_run_hart(FeMachine *m, FeHart *h, unsigned max_tbs)
{
    for (unsigned n = 0; n < max_tbs; n++) {
        FeTb *tb = fe_get_tb(m, h, h->cpu.pc);
        if (!tb) {
            fprintf(stderr, "cannot fetch at %#llx\n",
                    (unsigned long long)h->cpu.pc);
            abort();
        }
        uintptr_t v = jit_enter(m->jit, h, tb->jtb.code);
        if (v == 0)
            continue;
        FeTb *from = (FeTb *)(v & ~(uintptr_t)RV_EXIT_SLOT_MASK);
        unsigned slot = v & RV_EXIT_SLOT_MASK;
        if (slot == RV_EXIT_EXCEPTION)
            return h->cpu.exception;
        if (slot > 1) {
            fprintf(stderr, "bad exit value %#lx\n", (unsigned long)v);
            abort();
        }
        if (m->chain) {
            FeTb *to = fe_get_tb(m, h, h->cpu.pc);
            pthread_mutex_lock(&m->lock);
            if (to && from >= m->tbs && from < m->tbs + m->nb_tbs) {
                jit_tb_link(m->jit, &from->jtb, slot, to->jtb.code);
                m->nb_links++;
            }
            pthread_mutex_unlock(&m->lock);
        }
    }
    return FE_TIMEOUT;
}
