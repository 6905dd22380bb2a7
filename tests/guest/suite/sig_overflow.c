/* Stack overflow: unbounded recursion faults on the guard below the
 * stack; a SIGSEGV handler on the alternate stack (the normal one is
 * exhausted) siglongjmps back, and the program goes on. */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static sigjmp_buf env;
static volatile int depth_reached;

static void on_segv(int sig)
{
    (void)sig;
    siglongjmp(env, 1);
}

#pragma GCC diagnostic ignored "-Winfinite-recursion"
static int recurse(int n)
{
    volatile char pad[1024];
    pad[0] = (char)n;
    depth_reached = n;
    return recurse(n + 1) + pad[0];
}

int main(void)
{
    stack_t ss = { .ss_sp = malloc(65536), .ss_size = 65536 };
    sigaltstack(&ss, NULL);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_segv;
    sa.sa_flags = SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, NULL);
    if (sigsetjmp(env, 1) == 0)
        printf("%d\n", recurse(0));
    else
        printf("recovered after a deep recursion: %d\n", depth_reached > 1000);
    if (sigsetjmp(env, 1) == 0)
        printf("%d\n", recurse(0));
    else
        printf("and again: %d\n", depth_reached > 1000);
    return 0;
}
