/* SIGSEGV recovery: a handler installed with SA_SIGINFO sees si_addr of
 * a bad read, a bad write and a write to a read-only page, and recovers
 * with siglongjmp each time; then mprotect makes the page writable and
 * the write succeeds.  Finally an unhandled SIGSEGV kills the process. */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

static sigjmp_buf env;
static volatile void *fault_addr;
static volatile int fault_code;

static void handler(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    fault_addr = si->si_addr;
    fault_code = si->si_code * 100 + sig;
    siglongjmp(env, 1);
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);

    volatile uintptr_t low = 0x10;   /* computed at run time: no -Warray-bounds */
    volatile int *bad = (volatile int *)low;
    if (sigsetjmp(env, 1) == 0) {
        printf("read %d\n", *bad);
    } else {
        printf("read fault at %p code %d\n", (void *)fault_addr, fault_code);
    }
    if (sigsetjmp(env, 1) == 0) {
        *(volatile int *)(uintptr_t)0xdead000 = 1;
    } else {
        printf("write fault at %p code %d\n", (void *)fault_addr, fault_code);
    }
    char *page = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (sigsetjmp(env, 1) == 0) {
        page[100] = 'x';
    } else {
        printf("read-only page fault at offset %ld code %d\n",
               (long)((char *)fault_addr - page), fault_code);
    }
    mprotect(page, 4096, PROT_READ | PROT_WRITE);
    page[100] = 'y';
    printf("after mprotect: %c\n", page[100]);
    int recovered = 0;
    for (int i = 0; i < 100; i++)
        if (sigsetjmp(env, 1) == 0)
            *(volatile char *)(uintptr_t)(0x1000 + i) = 0;
        else
            recovered++;
    printf("recovered %d times\n", recovered);
    fflush(stdout);
    signal(SIGSEGV, SIG_DFL);
    low = 8;
    *(volatile int *)low = 0;
    printf("not reached\n");
    return 0;
}
