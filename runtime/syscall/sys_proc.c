/*
 * Process system calls: exit(2) (ends the calling thread, the process
 * with its last thread: sys_thread.c) and exit_group(2) (ends every
 * thread: the host _exit is exit_group), set_tid_address(2), prlimit64 (prlimit(2);
 * struct rlimit64 is two u64 on both sides), getrandom(2), and the
 * process/credential queries.
 */
#include <errno.h>
#include <sched.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <unistd.h>

#include "cpu_loop.h"
#include "guest_mem.h"
#include "sys_thread.h"
#include "syscall.h"

int64_t sys_exit(RtThread *t, const uint64_t *a)
{
    sys_thread_exit(t, (int)(a[0] & 0xff));
}

int64_t sys_exit_group(RtThread *t, const uint64_t *a)
{
    (void)t;
    rt_exit((int)(a[0] & 0xff));
}

int64_t sys_set_tid_address(RtThread *t, const uint64_t *a)
{
    t->clear_child_tid = a[0];
    return gettid();
}

int64_t sys_prlimit64(RtThread *t, const uint64_t *a)
{
    (void)t;
    int res = (int)a[1];
    const struct rlimit *nl = a[2] ? g2h(a[2]) : NULL;
    /* limits on the address space, data and stack would constrain the
     * emulator, not the guest: accept them without applying them */
    if (res == RLIMIT_AS || res == RLIMIT_DATA || res == RLIMIT_STACK)
        nl = NULL;
    if (prlimit((pid_t)a[0], (enum __rlimit_resource)res, nl,
                a[3] ? g2h(a[3]) : NULL) != 0)
        return -errno;
    return 0;
}

int64_t sys_getrandom(RtThread *t, const uint64_t *a)
{
    (void)t;
    ssize_t r = getrandom(g2h(a[0]), (size_t)a[1], (unsigned)a[2]);
    return r < 0 ? -errno : r;
}

/* Process and credential queries (getpid(2), getuid(2), getgid(2),
 * sched_yield(2)): the guest is this process, so the host's answers are
 * the guest's. */
int64_t sys_getpid(RtThread *t, const uint64_t *a)
{
    (void)t, (void)a;
    return getpid();
}

int64_t sys_getppid(RtThread *t, const uint64_t *a)
{
    (void)t, (void)a;
    return getppid();
}

int64_t sys_gettid(RtThread *t, const uint64_t *a)
{
    (void)t, (void)a;
    return gettid();
}

int64_t sys_getuid(RtThread *t, const uint64_t *a)
{
    (void)t, (void)a;
    return getuid();
}

int64_t sys_geteuid(RtThread *t, const uint64_t *a)
{
    (void)t, (void)a;
    return geteuid();
}

int64_t sys_getgid(RtThread *t, const uint64_t *a)
{
    (void)t, (void)a;
    return getgid();
}

int64_t sys_getegid(RtThread *t, const uint64_t *a)
{
    (void)t, (void)a;
    return getegid();
}

int64_t sys_sched_yield(RtThread *t, const uint64_t *a)
{
    (void)t, (void)a;
    return sched_yield() == 0 ? 0 : -errno;
}
