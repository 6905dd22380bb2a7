/* uname (deterministic fields), sysinfo sanity, getrlimit/setrlimit
 * round trip, prlimit, sched_getaffinity, sysconf cpu counts. */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <unistd.h>

static int fails;

static void check(int ok, const char *what)
{
    printf("%s: %s\n", what, ok ? "ok" : "FAIL");
    fails += !ok;
}

int main(void)
{
    struct utsname u;
    check(uname(&u) == 0, "uname");
    printf("sysname %s\nmachine %s\n", u.sysname, u.machine);
    check(strlen(u.release) > 0 && strlen(u.nodename) > 0, "release, node");
    char host[65];
    check(gethostname(host, sizeof host) == 0 && !strcmp(host, u.nodename),
          "gethostname");

    struct sysinfo si;
    check(sysinfo(&si) == 0, "sysinfo");
    check(si.uptime > 0 && si.totalram > 0 && si.mem_unit > 0 &&
              si.freeram <= si.totalram && si.procs > 0, "sysinfo sane");
    check(get_nprocs() > 0 && get_nprocs_conf() >= get_nprocs(), "nprocs");
    check(sysconf(_SC_NPROCESSORS_ONLN) > 0, "_SC_NPROCESSORS_ONLN");
    check(sysconf(_SC_PAGESIZE) == 4096, "page size");

    cpu_set_t set;
    CPU_ZERO(&set);
    check(sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0,
          "sched_getaffinity");
    check(sched_setaffinity(0, sizeof set, &set) == 0, "sched_setaffinity");
    cpu_set_t none;
    CPU_ZERO(&none);
    check(sched_setaffinity(0, sizeof none, &none) == -1 && errno == EINVAL,
          "empty set EINVAL");

    struct rlimit r, r2;
    check(getrlimit(RLIMIT_NOFILE, &r) == 0 && r.rlim_cur > 0 &&
              r.rlim_cur <= r.rlim_max, "getrlimit NOFILE");
    struct rlimit lower = { 100, r.rlim_max };
    check(setrlimit(RLIMIT_NOFILE, &lower) == 0, "setrlimit NOFILE");
    check(getrlimit(RLIMIT_NOFILE, &r2) == 0 && r2.rlim_cur == 100,
          "round trip");
    check(dup2(0, 150) == -1 && errno == EBADF, "limit applies");
    check(setrlimit(RLIMIT_NOFILE, &r) == 0, "restore");
    struct rlimit bad = { 10, 5 };
    check(setrlimit(RLIMIT_NOFILE, &bad) == -1 && errno == EINVAL,
          "cur > max EINVAL");
    check(getrlimit(RLIMIT_STACK, &r) == 0 && r.rlim_cur > 0, "STACK");
    check(getrlimit(RLIMIT_CORE, &r) == 0, "CORE");
    struct rlimit old;
    check(prlimit(0, RLIMIT_NOFILE, NULL, &old) == 0 && old.rlim_cur > 0,
          "prlimit");
    check(getrlimit(999, &r) == -1 && errno == EINVAL, "bad resource");
    return fails != 0;
}
