/* setjmp/longjmp: non-local exits through several frames, values (0 turns
 * into 1), volatile locals kept, sigsetjmp/siglongjmp restoring the
 * signal mask, and a longjmp-based coroutine-ish error handler. */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>

static jmp_buf env;
static int depth_reached;

static void dive(int d)
{
    depth_reached = d;
    if (d > 1000)
        return;
    if (d == 50)
        longjmp(env, d);
    dive(d + 1);
    printf("never printed\n");
}

static jmp_buf err;
static int parse_digit(char c)
{
    if (c < '0' || c > '9')
        longjmp(err, c);
    return c - '0';
}
static int parse(const char *s)
{
    int v = 0;
    while (*s)
        v = v * 10 + parse_digit(*s++);
    return v;
}

int main(void)
{
    volatile int counter = 0;
    int r = setjmp(env);
    counter++;
    if (r == 0)
        dive(1);
    printf("longjmp returned %d, depth %d, counter %d\n", r, depth_reached, counter);

    r = setjmp(env);
    if (r == 0)
        longjmp(env, 0);
    printf("longjmp(env, 0) makes setjmp return %d\n", r);

    const char *inputs[] = { "1234", "12x4", "999999", "" , "7?" };
    for (int i = 0; i < 5; i++) {
        int c = setjmp(err);
        if (c == 0)
            printf("parse(\"%s\") = %d\n", inputs[i], parse(inputs[i]));
        else
            printf("parse(\"%s\") failed at '%c'\n", inputs[i], c);
    }

    sigjmp_buf senv;
    sigset_t set, cur;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    if (sigsetjmp(senv, 1) == 0) {
        sigprocmask(SIG_BLOCK, &set, NULL);
        siglongjmp(senv, 1);
    }
    sigprocmask(SIG_BLOCK, NULL, &cur);
    printf("after siglongjmp SIGUSR1 blocked: %d\n", sigismember(&cur, SIGUSR1));
    return 0;
}
