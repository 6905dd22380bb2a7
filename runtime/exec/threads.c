/*
 * The registry of live guest threads (rt_thread.h): a doubly linked list
 * under one mutex.  Used by whoever must reach every thread: a process-wide
 * signal, a code-cache flush waiting for all threads to leave generated
 * code, exit_group, thread exit (is it the last one?), fork (the child
 * keeps only the forking thread).
 */
#include <pthread.h>
#include <unistd.h>

#include "rt_thread.h"

__thread RtThread *rt_self;

static pthread_mutex_t threads_mu = PTHREAD_MUTEX_INITIALIZER;
static RtThread *head;
static int count;

void rt_threads_lock(void)
{
    pthread_mutex_lock(&threads_mu);
}

void rt_threads_unlock(void)
{
    pthread_mutex_unlock(&threads_mu);
}

RtThread *rt_threads_first(void)
{
    return head;
}

int rt_threads_count(void)
{
    return __atomic_load_n(&count, __ATOMIC_SEQ_CST);
}

void rt_thread_register(RtThread *t)
{
    t->tid = gettid();
    rt_self = t;
    rt_threads_lock();
    t->prev = NULL;
    t->next = head;
    if (head)
        head->prev = t;
    head = t;
    __atomic_add_fetch(&count, 1, __ATOMIC_SEQ_CST);
    rt_threads_unlock();
}

int rt_thread_unregister(RtThread *t)
{
    rt_threads_lock();
    if (t->prev)
        t->prev->next = t->next;
    else
        head = t->next;
    if (t->next)
        t->next->prev = t->prev;
    t->next = t->prev = NULL;
    int left = __atomic_sub_fetch(&count, 1, __ATOMIC_SEQ_CST);
    rt_threads_unlock();
    if (rt_self == t)
        rt_self = NULL;
    return left;
}

RtThread *rt_thread_find(int tid)
{
    for (RtThread *t = head; t; t = t->next)
        if (t->tid == tid)
            return t;
    return NULL;
}

/*
 * In the child of fork(2) only the forking thread exists (man 2 fork).
 * The other threads' RtThreads stay allocated but unreachable.  The
 * mutex is re-created, not unlocked: another thread may have held it at
 * the fork, and the list it protected is rebuilt from scratch anyway.
 */
void rt_threads_after_fork_child(RtThread *self)
{
    pthread_mutex_t fresh = PTHREAD_MUTEX_INITIALIZER;
    threads_mu = fresh;
    self->tid = gettid();
    self->next = self->prev = NULL;
    head = self;
    __atomic_store_n(&count, 1, __ATOMIC_SEQ_CST);
    rt_self = self;
}
