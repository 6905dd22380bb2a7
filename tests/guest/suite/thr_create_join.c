/* pthread_create/pthread_join: arguments in, return values out, several
 * rounds of threads (clone with CLONE_SETTLS/PARENT_SETTID/CHILD_CLEARTID,
 * futex wait on the tid word). */
#include <pthread.h>
#include <stdio.h>

static void *square(void *arg)
{
    long v = (long)arg;
    return (void *)(v * v);
}

int main(void)
{
    for (int round = 0; round < 3; round++) {
        pthread_t t[6];
        for (long i = 0; i < 6; i++)
            if (pthread_create(&t[i], NULL, square, (void *)(i + round * 10)))
                return 1;
        long sum = 0;
        for (int i = 0; i < 6; i++) {
            void *r;
            if (pthread_join(t[i], &r))
                return 2;
            printf("round %d thread %d -> %ld\n", round, i, (long)r);
            sum += (long)r;
        }
        printf("round %d sum %ld\n", round, sum);
    }
    return 0;
}
