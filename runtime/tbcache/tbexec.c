/*
 * The TB cache lock, and threads entering and leaving generated code
 * (tb.h, "Threads" and "Execution"): what lets tb_flush drop code no
 * thread is running.
 *
 * tb_lock is a mutex made recursive with a per-thread depth (the
 * translator holds it and may flush; a syscall holding it may prepare a
 * guest write).  pthread_atfork handlers take it around fork(2), so the
 * child never inherits it held by a thread that does not exist there.
 *
 * A flush ("stop the world"):
 *   1. the flusher, holding tb_lock, sets flush_stop;
 *   2. it kicks every other thread (exit_request: each TB checks it at its
 *      start) and waits until each is out of generated code (in_gen == 0);
 *      threads blocked in system calls or waiting for a lock are out
 *      already;
 *   3. flush_count becomes odd, the cache is emptied, it becomes even;
 *   4. flush_stop is cleared and the waiters are woken (futex).
 * tb_exec_enter sets in_gen, then looks at flush_stop (both sequentially
 * consistent: the flusher sees in_gen or the thread sees flush_stop) and
 * if set steps out again and waits.  The loop compares tb_flush_count()
 * from before its lookup with the value once inside: a change means the
 * TB it found may be gone.  Nobody waits while holding a lock the others
 * need: a waiting thread holds none, and the flusher only waits for
 * threads in generated code, which take no lock (lookups are lock-free,
 * tb_smc_fault too).
 */
#include <limits.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <stddef.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "rt_thread.h"
#include "tb_internal.h"

static pthread_mutex_t tb_mu = PTHREAD_MUTEX_INITIALIZER;
static __thread unsigned tb_depth;

static int flush_stop;             /* futex word */
static uint64_t flush_seq;         /* tb_flush_count: odd during a flush */

void tb_lock(void)
{
    if (tb_depth++ == 0)
        pthread_mutex_lock(&tb_mu);
}

void tb_unlock(void)
{
    if (--tb_depth == 0)
        pthread_mutex_unlock(&tb_mu);
}

bool tb_lock_held(void)
{
    return tb_depth > 0;
}

static void fork_prepare(void)
{
    tb_lock();
    tb_jc_lock();
}

static void fork_parent(void)
{
    tb_jc_unlock();
    tb_unlock();
}

static void fork_child(void)
{
    /* the owner's tid changed: fresh mutexes, held as before the fork */
    tb_jc_reinit_lock();
    pthread_mutex_init(&tb_mu, NULL);
    if (--tb_depth > 0)
        pthread_mutex_lock(&tb_mu);
    tb_jc_after_fork(rt_self ? &rt_self->jc : NULL);
}

void tb_exec_init(void)
{
    pthread_atfork(fork_prepare, fork_parent, fork_child);
}

uint64_t tb_flush_count(void)
{
    return __atomic_load_n(&flush_seq, __ATOMIC_SEQ_CST);
}

void tb_exec_enter(RtThread *t)
{
    for (;;) {
        __atomic_store_n(&t->in_gen, 1, __ATOMIC_SEQ_CST);
        if (!__atomic_load_n(&flush_stop, __ATOMIC_SEQ_CST))
            return;
        __atomic_store_n(&t->in_gen, 0, __ATOMIC_SEQ_CST);
        while (__atomic_load_n(&flush_stop, __ATOMIC_SEQ_CST))
            syscall(SYS_futex, &flush_stop, FUTEX_WAIT_PRIVATE, 1,
                    NULL, NULL, 0);
    }
}

void tb_exec_leave(RtThread *t)
{
    __atomic_store_n(&t->in_gen, 0, __ATOMIC_RELEASE);
}

static void wait_out_of_gen(RtThread *t)
{
    for (unsigned spins = 0; __atomic_load_n(&t->in_gen, __ATOMIC_SEQ_CST);
         spins++) {
        if (spins < 64) {
            sched_yield();
        } else {
            struct timespec ts = { 0, 50 * 1000 };
            nanosleep(&ts, NULL);
        }
    }
}

void tb_flush(void)
{
    tb_lock();
    RtThread *self = rt_self;
    __atomic_store_n(&flush_stop, 1, __ATOMIC_SEQ_CST);
    /* the jump cache registry is the thread list here: a thread keeps
     * its jc registered until it no longer runs guest code, and cannot
     * unregister (then free itself) while we hold the registry */
    tb_jc_lock();
    size_t n;
    TbJumpCache **jcs = tb_jc_all(&n);
    for (size_t i = 0; i < n; i++) {
        RtThread *t = (RtThread *)((char *)jcs[i] - offsetof(RtThread, jc));
        if (t != self)
            rt_thread_kick(t);
    }
    for (size_t i = 0; i < n; i++) {
        RtThread *t = (RtThread *)((char *)jcs[i] - offsetof(RtThread, jc));
        if (t != self)
            wait_out_of_gen(t);
    }
    tb_jc_unlock();
    __atomic_add_fetch(&flush_seq, 1, __ATOMIC_SEQ_CST);
    tb_flush_locked();
    __atomic_add_fetch(&flush_seq, 1, __ATOMIC_SEQ_CST);
    __atomic_store_n(&flush_stop, 0, __ATOMIC_SEQ_CST);
    syscall(SYS_futex, &flush_stop, FUTEX_WAKE_PRIVATE, INT_MAX, NULL, NULL, 0);
    tb_unlock();
}
