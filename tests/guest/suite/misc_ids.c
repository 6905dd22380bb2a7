/* Credentials and scheduling: getres[ug]id, set*id to the current ids,
 * getgroups, process groups and sessions, getpriority/setpriority,
 * sched_getscheduler/getparam/priority ranges, getcpu, capget. */
#define _GNU_SOURCE
#include <errno.h>
#include <grp.h>
#include <sched.h>
#include <sys/fsuid.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/capability.h>

static int fails;

static void check(int ok, const char *what)
{
    printf("%s: %s\n", what, ok ? "ok" : "FAIL");
    fails += !ok;
}

int main(void)
{
    uid_t r, e, s;
    gid_t gr, ge, gs;
    check(getresuid(&r, &e, &s) == 0 && r == getuid() && e == geteuid(),
          "getresuid");
    check(getresgid(&gr, &ge, &gs) == 0 && gr == getgid() && ge == getegid(),
          "getresgid");
    check(setuid(getuid()) == 0, "setuid same");
    check(setgid(getgid()) == 0, "setgid same");
    check(setreuid(-1, -1) == 0 && setregid(-1, -1) == 0, "setre[ug]id -1");
    check(setresuid(-1, -1, -1) == 0 && setresgid(-1, -1, -1) == 0,
          "setres[ug]id -1");
    check(setfsuid(-1) == (int)geteuid() && setfsgid(-1) == (int)getegid(),
          "setfs[ug]id query");

    int n = getgroups(0, NULL);
    check(n >= 0, "getgroups count");
    gid_t g[256];
    check(n > 256 || getgroups(256, g) == n, "getgroups list");
    if (getuid() != 0) {
        check(setgroups(0, NULL) == -1 && errno == EPERM, "setgroups EPERM");
        check(setuid(0) == -1 && errno == EPERM, "setuid 0 EPERM");
    } else {
        printf("setgroups EPERM: ok\nsetuid 0 EPERM: ok\n");
    }

    pid_t pg = getpgid(0), sid = getsid(0);
    check(pg > 0 && sid > 0 && getpgrp() == pg, "getpgid/getsid");
    check(getpgid(-5) == -1 && errno == ESRCH, "getpgid ESRCH");
    check(setsid() == -1 ? errno == EPERM || sid != getpid() : getsid(0) ==
              getpid(), "setsid");
    check(setpgid(0, 0) == 0 || errno == EPERM, "setpgid");

    errno = 0;
    int prio = getpriority(PRIO_PROCESS, 0);
    check(errno == 0 && prio >= -20 && prio <= 19, "getpriority");
    int want = prio < 19 ? prio + 1 : 19;
    check(setpriority(PRIO_PROCESS, 0, want) == 0 &&
              getpriority(PRIO_PROCESS, 0) == want, "setpriority nicer");
    check(nice(0) == want, "nice(0)");

    check(sched_getscheduler(0) == SCHED_OTHER, "SCHED_OTHER");
    struct sched_param sp = { 5 };
    check(sched_getparam(0, &sp) == 0 && sp.sched_priority == 0,
          "sched_getparam");
    check(sched_setscheduler(0, SCHED_BATCH, &sp) == 0 &&
              sched_getscheduler(0) == SCHED_BATCH, "SCHED_BATCH");
    check(sched_setparam(0, &sp) == 0, "sched_setparam");
    check(sched_get_priority_max(SCHED_FIFO) == 99 &&
              sched_get_priority_min(SCHED_FIFO) == 1 &&
              sched_get_priority_max(SCHED_OTHER) == 0, "priority ranges");
    check(sched_get_priority_max(77) == -1 && errno == EINVAL,
          "bad policy EINVAL");
    struct timespec rr;
    check(sched_rr_get_interval(0, &rr) == 0, "sched_rr_get_interval");

    unsigned cpu = 9999, node = 9999;
    check(getcpu(&cpu, &node) == 0 && cpu < 9999 && node < 9999, "getcpu");
    check(sched_getcpu() >= 0, "sched_getcpu");

    struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
    struct __user_cap_data_struct d[2];
    check(syscall(SYS_capget, &h, d) == 0, "capget v3");
    h.version = 0x1234;
    /* an unknown version: the kernel's preferred one is written back;
     * with no data pointer that is a success */
    check(syscall(SYS_capget, &h, NULL) == 0 &&
              h.version == _LINUX_CAPABILITY_VERSION_3, "capget probe");
    h.version = 0x1234;
    check(syscall(SYS_capget, &h, d) == -1 && errno == EINVAL,
          "capget bad version EINVAL");
    h.version = _LINUX_CAPABILITY_VERSION_3;
    check(syscall(SYS_capset, &h, d) == 0, "capset same");
    check(syscall(SYS_membarrier, 0, 0, 0) >= 0, "membarrier query");
    return fails != 0;
}
