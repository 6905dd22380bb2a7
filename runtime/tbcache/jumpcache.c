/*
 * The per-thread jump cache (tb.h): a direct-mapped array indexed by a
 * hash of the guest pc, consulted before the global hash table by the
 * execution loop and by lookup_tb in generated code (indirect jumps).
 * An entry is only a hint: its key is checked on every hit
 * (tb_key_matches), so an entry a flush or an invalidation missed (the
 * owner stored it meanwhile) is harmless.
 *
 * The registry of jump caches has its own leaf mutex (nothing else is
 * taken under it), so threads come and go without tb_lock.
 */
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rt_thread.h"
#include "stats.h"
#include "tb_internal.h"

/* The return-address stack of JC's thread (rv_cpu.h) points into the code
 * cache like a jump cache: emptied with it at a flush, and when the
 * thread registers (its RvCpu may be a copy made before a flush). */
static void ras_clear(TbJumpCache *jc)
{
    RtThread *t = (RtThread *)((char *)jc - offsetof(RtThread, jc));
    rv_ras_clear(&t->cpu);
}

static pthread_mutex_t jc_mu = PTHREAD_MUTEX_INITIALIZER;
static TbJumpCache **jcs;
static size_t nb_jcs, cap_jcs;

void tb_jc_lock(void)
{
    pthread_mutex_lock(&jc_mu);
}

void tb_jc_unlock(void)
{
    pthread_mutex_unlock(&jc_mu);
}

void tb_jc_reinit_lock(void)
{
    pthread_mutex_init(&jc_mu, NULL);
}

TbDesc *tb_jc_find(TbJumpCache *jc, uint64_t pc, RvTbFlags flags)
{
    unsigned i = tb_jc_index(pc);
    TbDesc *tb = __atomic_load_n(&jc->e[i], __ATOMIC_ACQUIRE);
    if (tb && tb_key_matches(tb, pc, flags))
        return tb;
    RT_STAT_INC(jc_misses);
    tb = tb_lookup(pc, flags);
    if (!tb) {
        RT_STAT_INC(hash_misses);
        return NULL;
    }
    __atomic_store_n(&jc->e[i], tb, __ATOMIC_RELEASE);
    return tb;
}

void tb_jc_register(TbJumpCache *jc)
{
    memset(jc, 0, sizeof *jc);
    ras_clear(jc);
    tb_jc_lock();
    if (nb_jcs == cap_jcs) {
        size_t cap = cap_jcs ? 2 * cap_jcs : 16;
        TbJumpCache **n = realloc(jcs, cap * sizeof *n);
        if (!n) {
            fputs("rvtcg: out of memory\n", stderr);
            exit(1);
        }
        jcs = n;
        cap_jcs = cap;
    }
    jcs[nb_jcs++] = jc;
    tb_jc_unlock();
}

void tb_jc_unregister(TbJumpCache *jc)
{
    tb_jc_lock();
    for (size_t i = 0; i < nb_jcs; i++)
        if (jcs[i] == jc) {
            jcs[i] = jcs[--nb_jcs];
            break;
        }
    tb_jc_unlock();
}

void tb_jc_forget(TbDesc *tb)
{
    tb_jc_lock();
    if (!tb) {
        /* a flush: every other thread is out of generated code */
        for (size_t i = 0; i < nb_jcs; i++) {
            for (unsigned k = 0; k < TB_JC_SIZE; k++)
                __atomic_store_n(&jcs[i]->e[k], NULL, __ATOMIC_RELAXED);
            ras_clear(jcs[i]);
        }
    } else {
        unsigned k = tb_jc_index(tb->pc);
        for (size_t i = 0; i < nb_jcs; i++) {
            TbDesc *expected = tb;
            __atomic_compare_exchange_n(&jcs[i]->e[k], &expected, NULL,
                                        false, __ATOMIC_RELAXED,
                                        __ATOMIC_RELAXED);
        }
    }
    tb_jc_unlock();
}

void tb_jc_after_fork(TbJumpCache *self_jc)
{
    /* the other threads do not exist in the child */
    nb_jcs = 0;
    if (self_jc && cap_jcs)
        jcs[nb_jcs++] = self_jc;
}

TbJumpCache **tb_jc_all(size_t *n)
{
    *n = nb_jcs;
    return jcs;
}
