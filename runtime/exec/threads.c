/*
 * The registry of live guest threads (rt_thread.h): a doubly linked list
 * under one mutex.  Used by whoever must reach every thread: a process-wide
 * signal, a code-cache flush waiting for all threads to leave generated
 * code, exit_group.
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

void rt_thread_unregister(RtThread *t)
{
    rt_threads_lock();
    if (t->prev)
        t->prev->next = t->next;
    else
        head = t->next;
    if (t->next)
        t->next->prev = t->prev;
    __atomic_sub_fetch(&count, 1, __ATOMIC_SEQ_CST);
    rt_threads_unlock();
    if (rt_self == t)
        rt_self = NULL;
}
