/*
 * Self-modifying code with threads: each thread rewrites and runs its own
 * function, some in private pages, some in one page they all share (a
 * thread's page is invalidated while another runs code there), while the
 * others keep translating (printf into a buffer).  Run under a tiny code
 * cache too, so flushes stop every thread.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "smc_enc.h"

#define NTHREADS 4
#ifndef ITERS
#define ITERS 300
#endif

typedef long (*Fn)(void);

static uint32_t *shared_page;

typedef struct Arg {
    int id;
    uint32_t *own;
    long sum;
    unsigned long chk;
} Arg;

static void *worker(void *p)
{
    Arg *a = p;
    uint32_t *slot = shared_page + 64 * a->id;
    char buf[64];
    for (int i = 0; i < ITERS; i++) {
        uint32_t *c = (i & 1) ? slot : a->own;
        c[0] = enc_addi(R_A0, R_ZERO, a->id * 100 + i % 50);
        c[1] = ENC_RET;
        __builtin___clear_cache((char *)c, (char *)(c + 2));
        a->sum += ((Fn)(void *)c)();
        snprintf(buf, sizeof buf, "%d:%d:%g", a->id, i, i * 0.5);
        for (char *s = buf; *s; s++)
            a->chk = a->chk * 31 + (unsigned char)*s;
    }
    return NULL;
}

int main(void)
{
    shared_page = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (shared_page == MAP_FAILED)
        return 1;
    pthread_t th[NTHREADS];
    Arg args[NTHREADS];
    for (int i = 0; i < NTHREADS; i++) {
        memset(&args[i], 0, sizeof args[i]);
        args[i].id = i;
        args[i].own = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                           MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (args[i].own == MAP_FAILED)
            return 1;
        pthread_create(&th[i], NULL, worker, &args[i]);
    }
    for (int i = 0; i < NTHREADS; i++) {
        pthread_join(th[i], NULL);
        printf("thread %d: sum %ld check %lx\n", i, args[i].sum, args[i].chk);
    }
    return 0;
}
