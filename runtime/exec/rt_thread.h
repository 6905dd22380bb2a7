/*
 * A guest thread's state in the runtime: the guest CPU (first, so the env
 * pointer generated code gets is both an RvCpu * and an RtThread *), the
 * per-thread jump cache of the TB cache, signal state, and the links of the
 * process-wide thread registry (threads.c).
 *
 * Each host thread running guest code has exactly one RtThread, rt_self.
 * Other threads ask it to come back to the execution loop by setting
 * cpu.exit_request (rv_cpu.h: every TB checks it at its start) after
 * recording why (a pending signal, a flush); the loop calls
 * rt_handle_exit_request().
 */
#ifndef RT_THREAD_H
#define RT_THREAD_H

#include <pthread.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>

#include "rt_sigstate.h"
#include "rv_cpu.h"
#include "tb.h"

typedef struct RtThread {
    RvCpu cpu;                 /* must stay first */
    TbJumpCache jc;
    int tid;                   /* host (= guest) thread id */
    uint64_t clear_child_tid;  /* set_tid_address(2), CLONE_CHILD_CLEARTID */
    RtSigThread sig;           /* runtime/signal */
    volatile int in_gen;       /* between tb_exec_enter and tb_exec_leave */
    sigjmp_buf loop_jmp;       /* the execution loop's restart point: a
                                  fault handler that turns a host fault into
                                  a guest signal longjmps here (mask saved) */
    struct RtThread *next;     /* registry, under rt_threads_lock */
    struct RtThread *prev;
    uint64_t robust_list;      /* set_robust_list(2): guest head address */
    uint64_t robust_len;       /* and its length (0: none registered) */
    int heap;                  /* allocated by clone (freed at exit), not
                                  the static main thread of main.c */
} RtThread;

_Static_assert(offsetof(RtThread, cpu) == 0, "the env pointer is the RvCpu");

/* The calling host thread's guest thread (NULL in non-guest threads). */
extern __thread RtThread *rt_self;

/* The registry of live guest threads (threads.c). */
void rt_thread_register(RtThread *t);     /* also sets t->tid, rt_self */
int rt_thread_unregister(RtThread *t);    /* returns the threads left */
void rt_threads_lock(void);
void rt_threads_unlock(void);
RtThread *rt_threads_first(void);         /* under the lock; then ->next */
int rt_threads_count(void);
RtThread *rt_thread_find(int tid);        /* under the lock; NULL if none */
/* In the child of a fork: the registry holds only SELF (the forking
 * thread), with its new tid; the lock is fresh. */
void rt_threads_after_fork_child(RtThread *self);

/* Asks T to return to the execution loop soon (any thread may call it;
 * async-signal-safe). */
static inline void rt_thread_kick(RtThread *t)
{
    __atomic_store_n(&t->cpu.exit_request, 1, __ATOMIC_SEQ_CST);
}

#endif
