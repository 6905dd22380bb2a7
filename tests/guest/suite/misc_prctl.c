/* prctl: PR_SET_NAME/PR_GET_NAME (truncation to 15 chars), the thread
 * name in /proc/self/comm, PR_SET/GET_PDEATHSIG, PR_GET/SET_DUMPABLE,
 * PR_SET/GET_NO_NEW_PRIVS, timer slack; personality. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <unistd.h>

static int fails;

static void check(int ok, const char *what)
{
    printf("%s: %s\n", what, ok ? "ok" : "FAIL");
    fails += !ok;
}

int main(void)
{
    char name[32] = { 0 };
    check(prctl(PR_SET_NAME, "misc-worker", 0, 0, 0) == 0, "PR_SET_NAME");
    check(prctl(PR_GET_NAME, name, 0, 0, 0) == 0, "PR_GET_NAME");
    printf("name %s\n", name);
    check(prctl(PR_SET_NAME, "a-very-long-thread-name", 0, 0, 0) == 0,
          "long name");
    memset(name, 0, sizeof name);
    prctl(PR_GET_NAME, name, 0, 0, 0);
    printf("truncated %s (%zu)\n", name, strlen(name));

    int sig = -1;
    check(prctl(PR_SET_PDEATHSIG, SIGUSR1, 0, 0, 0) == 0, "PR_SET_PDEATHSIG");
    check(prctl(PR_GET_PDEATHSIG, &sig, 0, 0, 0) == 0 && sig == SIGUSR1,
          "PR_GET_PDEATHSIG");
    check(prctl(PR_SET_PDEATHSIG, 0, 0, 0, 0) == 0, "clear pdeathsig");
    check(prctl(PR_SET_PDEATHSIG, 99, 0, 0, 0) == -1 && errno == EINVAL,
          "bad signal EINVAL");

    int d = prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
    check(d == 0 || d == 1, "PR_GET_DUMPABLE");
    check(prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0 &&
              prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0, "dumpable off");
    check(prctl(PR_SET_DUMPABLE, 1, 0, 0, 0) == 0 &&
              prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 1, "dumpable on");

    check(prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == 0, "no_new_privs off");
    check(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0 &&
              prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == 1, "no_new_privs on");

    check(prctl(PR_SET_TIMERSLACK, 100000, 0, 0, 0) == 0 &&
              prctl(PR_GET_TIMERSLACK, 0, 0, 0, 0) == 100000, "timer slack");
    /* (not here: PR_GET_CHILD_SUBREAPER and PR_GET_SECCOMP, which
     * qemu-riscv64 7.2 gets wrong) */
    check(prctl(PR_CAPBSET_READ, 0, 0, 0, 0) >= 0, "PR_CAPBSET_READ");

    int p = personality(0xffffffff);
    printf("personality %#x\n", p);
    check(personality(PER_LINUX) == p, "personality set returns old");
    check(personality(0xffffffff) == PER_LINUX, "personality query");
    return fails != 0;
}
