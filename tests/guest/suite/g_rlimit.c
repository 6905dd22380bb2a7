/* Resource limits and process identity, printing only values the
 * program sets itself or relations between calls: setrlimit(NOFILE) to
 * 64 then opening descriptors until EMFILE, prlimit reading it back,
 * raising the soft limit above the hard limit fails with EINVAL,
 * getrusage succeeds, uname reports riscv64 and matches gethostname,
 * getpid/getppid/gettid relations, and getpgrp == getpgid(0). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <unistd.h>

int main(void)
{
    struct rlimit rl;
    getrlimit(RLIMIT_NOFILE, &rl);
    struct rlimit small = { 64, rl.rlim_max < 64 ? rl.rlim_max : 64 };
    printf("setrlimit NOFILE 64: %d\n", setrlimit(RLIMIT_NOFILE, &small));
    int opened = 0, last_errno = 0;
    for (;;) {
        int fd = open("/dev/null", O_RDONLY);
        if (fd < 0) { last_errno = errno; break; }
        opened++;
    }
    /* the emulator may hold a descriptor or two itself: print a range */
    printf("opened between 50 and 61 more descriptors: %d, then %s\n", opened >= 50 && opened <= 61,
           last_errno == EMFILE ? "EMFILE" : strerror(last_errno));
    struct rlimit back;
    prlimit(0, RLIMIT_NOFILE, NULL, &back);
    printf("prlimit reads %llu/%llu\n", (unsigned long long)back.rlim_cur, (unsigned long long)back.rlim_max);
    struct rlimit bad = { 1000, 64 };
    errno = 0;
    printf("soft above hard: %d %s\n", setrlimit(RLIMIT_NOFILE, &bad), errno == EINVAL ? "EINVAL" : "?");
    struct rusage ru;
    printf("getrusage: %d\n", getrusage(RUSAGE_SELF, &ru));
    struct utsname u;
    uname(&u);
    char host[256];
    gethostname(host, sizeof host);
    printf("uname sysname %s machine %s, nodename matches gethostname %d\n", u.sysname, u.machine,
           strcmp(u.nodename, host) == 0);
    printf("gettid == getpid in main thread: %d, getppid differs: %d\n", gettid() == getpid(),
           getppid() != getpid());
    printf("getpgrp == getpgid(0): %d, getsid(0) > 0: %d\n", getpgrp() == getpgid(0), getsid(0) > 0);
    return 0;
}
