/* Thread-local storage (riscv64 TLS ABI, tp register): initialized and
 * zero-initialized __thread variables, an aligned TLS array, addresses
 * differ between threads, values independent per thread, and a TLS
 * destructor via pthread_key_create running at thread exit. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static __thread int counter = 42;
static __thread long zeroed;
static __thread char buf[100] __attribute__((aligned(64))) = "initial";
static pthread_key_t key;
static int destructor_runs;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void destroy(void *v)
{
    pthread_mutex_lock(&m);
    destructor_runs += (int)(intptr_t)v;
    pthread_mutex_unlock(&m);
}

static void *worker(void *arg)
{
    long id = (long)arg;
    int ok = counter == 42 && zeroed == 0 && strcmp(buf, "initial") == 0 &&
             ((uintptr_t)buf % 64) == 0;
    counter += id;
    zeroed = id * 100;
    snprintf(buf, sizeof buf, "thread %ld", id);
    pthread_setspecific(key, (void *)(intptr_t)(id + 1));
    for (int i = 0; i < 1000; i++) counter++;
    return (void *)(intptr_t)(ok && counter == 1042 + id && zeroed == id * 100 &&
                              strncmp(buf, "thread", 6) == 0 ? (uintptr_t)&counter : 0);
}

int main(void)
{
    pthread_key_create(&key, destroy);
    pthread_t t[6];
    void *addr[6];
    for (long i = 0; i < 6; i++) pthread_create(&t[i], NULL, worker, (void *)i);
    int distinct = 1, good = 1;
    for (int i = 0; i < 6; i++) {
        pthread_join(t[i], &addr[i]);
        good &= addr[i] != NULL;
        for (int j = 0; j < i; j++) distinct &= addr[i] != addr[j];
    }
    printf("threads saw their own TLS: %d, distinct addresses: %d\n", good, distinct);
    printf("main: counter %d zeroed %ld buf %s\n", counter, zeroed, buf);
    printf("key destructors ran with values summing to %d\n", destructor_runs);
    uintptr_t tp;
    __asm__("mv %0, tp" : "=r"(tp));
    printf("tp is set: %d\n", tp != 0);
    return 0;
}
