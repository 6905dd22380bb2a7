/* Many atexit/on_exit handlers: order, the status passed to on_exit, and
 * the final exit status 9 from main's return. */
#include <stdio.h>
#include <stdlib.h>

static int order[40];
static int n;

static void h(int status, void *arg)
{
    order[n++] = (int)(long)arg;
    printf("on_exit handler %ld sees status %d\n", (long)arg, status);
}

static void last(void)
{
    printf("atexit handler ran after %d on_exit handlers\n", n);
}

int main(void)
{
    atexit(last);
    for (long i = 0; i < 32; i++)
        on_exit(h, (void *)i);
    return 9;
}
