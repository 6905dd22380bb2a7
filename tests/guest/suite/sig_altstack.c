/* sigaltstack(2) and SA_ONSTACK: the handler runs on the alternate stack
 * (a local's address is inside it, sigaltstack reports SS_ONSTACK there),
 * changing it while on it is EPERM, a too small one ENOMEM, and without
 * SA_ONSTACK the handler stays on the normal stack. */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *alt;
static size_t altsize = 65536;
static volatile int on_alt, flags_inside, eperm;

static void handler(int sig)
{
    (void)sig;
    volatile char local;
    uintptr_t p = (uintptr_t)&local;
    on_alt = p >= (uintptr_t)alt && p < (uintptr_t)alt + altsize;
    stack_t cur;
    sigaltstack(NULL, &cur);
    flags_inside = cur.ss_flags;
    stack_t other = { .ss_sp = alt, .ss_size = altsize, .ss_flags = 0 };
    eperm = sigaltstack(&other, NULL) == -1 && errno == EPERM;
}

int main(void)
{
    alt = malloc(altsize);
    stack_t ss = { .ss_sp = alt, .ss_size = altsize, .ss_flags = 0 };
    stack_t old;
    if (sigaltstack(&ss, &old) != 0)
        perror("sigaltstack");
    printf("initially disabled: %d\n", old.ss_flags == SS_DISABLE);
    stack_t small = { .ss_sp = alt, .ss_size = 100, .ss_flags = 0 };
    printf("too small: %d\n", sigaltstack(&small, NULL) == -1 && errno == ENOMEM);
    stack_t bad = { .ss_sp = alt, .ss_size = altsize, .ss_flags = 77 };
    printf("bad flags: %d\n", sigaltstack(&bad, NULL) == -1 && errno == EINVAL);

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sa.sa_flags = SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR1, &sa, NULL);
    raise(SIGUSR1);
    if (on_alt)
        printf("on altstack\n");
    printf("flags inside: %s, EPERM: %d\n",
           flags_inside == SS_ONSTACK ? "SS_ONSTACK" : "other", eperm);

    sa.sa_flags = 0;
    sigaction(SIGUSR1, &sa, NULL);
    raise(SIGUSR1);
    printf("without SA_ONSTACK on altstack: %d, flags inside: %d\n", on_alt,
           flags_inside);

    stack_t cur;
    sigaltstack(NULL, &cur);
    printf("after: flags %d size ok %d\n", cur.ss_flags,
           cur.ss_size == altsize && cur.ss_sp == alt);
    stack_t dis = { .ss_flags = SS_DISABLE };
    sigaltstack(&dis, NULL);
    sigaltstack(NULL, &cur);
    printf("disabled: %d\n", cur.ss_flags == SS_DISABLE);
    return 0;
}
