/*
 * Waiting for child processes: wait4(2) and waitid(2) (riscv64 has no
 * wait/waitpid syscalls; glibc builds them on these two).
 *
 * The guest's children are the host's children (fork is a host fork,
 * sys_thread.c), so both go to the host with the guest buffers in place:
 * the layouts agree on LP64 Linux.  The status word is an int; struct
 * rusage is two struct timeval and 14 longs (144 bytes) on riscv64 and
 * x86-64 alike (include/uapi/linux/resource.h); siginfo_t is the generic
 * 128-byte layout on both (asm-generic/siginfo.h: si_signo, si_errno,
 * si_code, then the union at offset 16 with _sigchld's pid, uid, status,
 * utime, stime).  The option bits (WNOHANG ... __WCLONE) are the same
 * generic values.
 */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "guest_mem.h"
#include "sys_intr.h"
#include "syscall.h"

_Static_assert(sizeof(struct rusage) == 144, "riscv64 struct rusage");
_Static_assert(sizeof(siginfo_t) == 128, "riscv64 siginfo_t");

/* A wait interrupted by a guest signal restarts (SA_RESTART semantics,
 * man 7 signal: -SYS_ERESTARTSYS); a host signal that is no deliverable
 * guest signal (rvtcg's own, blocked, ignored) does not end it. */
static bool interrupted(RtThread *t, long r)
{
    return r < 0 && errno == EINTR && !sys_wait_signalled(t);
}

static int64_t wait_result(long r)
{
    if (r >= 0)
        return r;
    return errno == EINTR ? -SYS_ERESTARTSYS : -errno;
}

int64_t sys_wait4(RtThread *t, const uint64_t *a)
{
    uint64_t status = a[1], ru = a[3];
    if (status && mem_prepare_write(status, sizeof(int)) != 0)
        return -EFAULT;
    if (ru && mem_prepare_write(ru, sizeof(struct rusage)) != 0)
        return -EFAULT;
    long r;
    do
        r = syscall(SYS_wait4, (pid_t)a[0], status ? g2h(status) : NULL,
                    (int)a[2], ru ? g2h(ru) : NULL);
    while (interrupted(t, r));
    return wait_result(r);
}

int64_t sys_waitid(RtThread *t, const uint64_t *a)
{
    uint64_t info = a[2], ru = a[4];
    if (info && mem_prepare_write(info, sizeof(siginfo_t)) != 0)
        return -EFAULT;
    if (ru && mem_prepare_write(ru, sizeof(struct rusage)) != 0)
        return -EFAULT;
    long r;
    do
        r = syscall(SYS_waitid, (int)a[0], (pid_t)a[1],
                    info ? g2h(info) : NULL, (int)a[3],
                    ru ? g2h(ru) : NULL);
    while (interrupted(t, r));
    return wait_result(r);
}
