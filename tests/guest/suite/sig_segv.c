/* SIGSEGV recovery with siglongjmp: a load from NULL (SEGV_MAPERR,
 * si_addr 0), a store into a read-only page (SEGV_ACCERR, si_addr the
 * address written), a store through a wild pointer; each time the handler
 * jumps back out and the program goes on. */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

static sigjmp_buf env;
static volatile int code;
static volatile uintptr_t addr;
static volatile int signo;

static void on_segv(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    signo = sig;
    code = si->si_code;
    addr = (uintptr_t)si->si_addr;
    siglongjmp(env, 1);
}

static const char *code_name(int c)
{
    return c == SEGV_MAPERR ? "SEGV_MAPERR" : c == SEGV_ACCERR ? "SEGV_ACCERR"
                                                               : "other";
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, NULL);

    if (sigsetjmp(env, 1) == 0) {
        volatile int *p = NULL;
        printf("read %d\n", *p);
    } else {
        printf("null load: sig %d %s addr %#lx\n", signo, code_name(code),
               (unsigned long)addr);
    }

    char *ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (ro == MAP_FAILED)
        return 1;
    if (sigsetjmp(env, 1) == 0) {
        ((volatile char *)ro)[100] = 1;
        printf("wrote read-only\n");
    } else {
        printf("read-only store: sig %d %s addr offset %ld\n", signo,
               code_name(code), (long)(addr - (uintptr_t)ro));
    }

    munmap(ro, 4096);
    if (sigsetjmp(env, 1) == 0) {
        ((volatile char *)ro)[8] = 1;
        printf("wrote unmapped\n");
    } else {
        printf("unmapped store: sig %d %s addr offset %ld\n", signo,
               code_name(code), (long)(addr - (uintptr_t)ro));
    }

    /* the mask saved by sigsetjmp came back: SIGSEGV is not blocked */
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    printf("SIGSEGV blocked after: %d\n", sigismember(&cur, SIGSEGV));
    if (sigsetjmp(env, 1) == 0) {
        volatile long *volatile p = (long *)16;
        *p = 5;
    } else {
        printf("again: sig %d addr %#lx\n", signo, (unsigned long)addr);
    }
    return 0;
}
