/* __thread variables: each thread has its own copy (tp = the tls argument
 * of clone), initialised from the TLS image, and the main thread's copy is
 * untouched by the others. */
#include <pthread.h>
#include <stdio.h>

static __thread int tv = 100;
static __thread long tarr[4] = { 1, 2, 3, 4 };
static __thread char tbss[64];

static void *work(void *arg)
{
    int k = (int)(long)arg;
    int start = tv;
    for (int i = 0; i < 1000; i++) {
        tv += k;
        tarr[i % 4] += k;
    }
    tbss[0] = (char)('a' + k);
    long r = start * 1000000L + tv * 10L + (tbss[1] == 0);
    r += tarr[0] + tarr[1] + tarr[2] + tarr[3];
    return (void *)r;
}

int main(void)
{
    pthread_t t[5];
    tv = 7;
    tbss[0] = 'M';
    for (long i = 0; i < 5; i++)
        pthread_create(&t[i], NULL, work, (void *)(i + 1));
    for (int i = 0; i < 5; i++) {
        void *r;
        pthread_join(t[i], &r);
        printf("thread %d: %ld\n", i + 1, (long)r);
    }
    printf("main: tv %d tarr %ld %ld %ld %ld tbss %c\n", tv, tarr[0], tarr[1],
           tarr[2], tarr[3], tbss[0]);
    return 0;
}
