/*
 * Path system calls: faccessat(2), faccessat2, readlinkat(2), mkdirat(2),
 * mknodat(2), unlinkat(2), renameat2(2), linkat(2), symlinkat(2),
 * fchmodat(2), fchownat(2), utimensat(2), truncate(2), chdir(2),
 * getcwd(2).
 *
 * Each path is copied out of guest memory (-EFAULT, -ENAMETOOLONG);
 * only readlinkat looks in the -L sysroot, as in qemu-riscv64
 * (sys_fsutil.h).  A symlink's target is data, not a path to look up.  The AT_* flags, modes, dev_t encoding and struct
 * timespec are the same on riscv64 and x86-64.  Host calls are made with
 * syscall(2) so that the guest sees the kernel's behaviour, not glibc's
 * emulations (faccessat flags, for one).
 */
#include <fcntl.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "guest_mem.h"
#include "sys_fsutil.h"
#include "sys_procfs.h"
#include "syscall.h"

#ifndef SYS_faccessat2
#define SYS_faccessat2 439
#endif

int64_t sys_faccessat(RtThread *t, const uint64_t *a)
{
    (void)t;
    SysPath p;
    int r = sys_path_get(a[1], &p, false);
    if (r)
        return r;
    return sys_host_ret(syscall(SYS_faccessat, (int)a[0], p.host,
                                (int)a[2]));
}

int64_t sys_faccessat2(RtThread *t, const uint64_t *a)
{
    (void)t;
    SysPath p;
    int r = sys_path_get(a[1], &p, false);
    if (r)
        return r;
    return sys_host_ret(syscall(SYS_faccessat2, (int)a[0], p.host,
                                (int)a[2], (int)a[3]));
}

int64_t sys_readlinkat(RtThread *t, const uint64_t *a)
{
    (void)t;
    SysPath p;
    int r = sys_path_get(a[1], &p, false);
    if (r)
        return r;
    sys_path_sysroot(&p);
    int dirfd = (int)a[0];
    if ((int)a[3] <= 0)
        return -EINVAL;
    size_t len = (size_t)(int)a[3];
    if (mem_prepare_write(a[2], len) != 0)
        return -EFAULT;
    int64_t n = sys_path_procfs_readlink(dirfd, p.guest, g2h(a[2]), len);
    if (n != SYS_PROCFS_PASS)
        return n;
    return sys_host_ret(syscall(SYS_readlinkat, dirfd, p.host, g2h(a[2]),
                                len));
}

int64_t sys_mkdirat(RtThread *t, const uint64_t *a)
{
    (void)t;
    SysPath p;
    int r = sys_path_get(a[1], &p, false);
    if (r)
        return r;
    return sys_host_ret(syscall(SYS_mkdirat, (int)a[0], p.host,
                                (mode_t)a[2]));
}

int64_t sys_mknodat(RtThread *t, const uint64_t *a)
{
    (void)t;
    SysPath p;
    int r = sys_path_get(a[1], &p, false);
    if (r)
        return r;
    return sys_host_ret(syscall(SYS_mknodat, (int)a[0], p.host,
                                (mode_t)a[2], (unsigned)a[3]));
}

int64_t sys_unlinkat(RtThread *t, const uint64_t *a)
{
    (void)t;
    SysPath p;
    int r = sys_path_get(a[1], &p, false);
    if (r)
        return r;
    return sys_host_ret(syscall(SYS_unlinkat, (int)a[0], p.host,
                                (int)a[2]));
}

int64_t sys_renameat2(RtThread *t, const uint64_t *a)
{
    (void)t;
    SysPath from, to;
    int r = sys_path_get(a[1], &from, false);
    if (!r)
        r = sys_path_get(a[3], &to, false);
    if (r)
        return r;
    return sys_host_ret(syscall(SYS_renameat2, (int)a[0], from.host,
                                (int)a[2], to.host, (unsigned)a[4]));
}

int64_t sys_linkat(RtThread *t, const uint64_t *a)
{
    (void)t;
    SysPath from, to;
    int r = sys_path_get(a[1], &from, false);
    if (!r)
        r = sys_path_get(a[3], &to, false);
    if (r)
        return r;
    return sys_host_ret(syscall(SYS_linkat, (int)a[0], from.host,
                                (int)a[2], to.host, (int)a[4]));
}

/* symlinkat(target, newdirfd, linkpath): TARGET is stored, not looked
 * up, so it does not go through the sysroot. */
int64_t sys_symlinkat(RtThread *t, const uint64_t *a)
{
    (void)t;
    SysPath target, link;
    int r = sys_path_get(a[0], &target, false);
    if (!r)
        r = sys_path_get(a[2], &link, false);
    if (r)
        return r;
    return sys_host_ret(syscall(SYS_symlinkat, target.guest, (int)a[1],
                                link.host));
}

/* fchmodat(dirfd, path, mode): the system call has no flags argument. */
int64_t sys_fchmodat(RtThread *t, const uint64_t *a)
{
    (void)t;
    SysPath p;
    int r = sys_path_get(a[1], &p, false);
    if (r)
        return r;
    return sys_host_ret(syscall(SYS_fchmodat, (int)a[0], p.host,
                                (mode_t)a[2]));
}

int64_t sys_fchownat(RtThread *t, const uint64_t *a)
{
    (void)t;
    SysPath p;
    int r = sys_path_get(a[1], &p, false);
    if (r)
        return r;
    return sys_host_ret(syscall(SYS_fchownat, (int)a[0], p.host,
                                (uid_t)a[2], (gid_t)a[3], (int)a[4]));
}

/* utimensat(dirfd, path, times[2], flags): PATH NULL means DIRFD itself;
 * TIMES NULL means now; struct timespec is { i64, i64 } on both. */
int64_t sys_utimensat(RtThread *t, const uint64_t *a)
{
    (void)t;
    SysPath p;
    int r = sys_path_get(a[1], &p, true);
    if (r)
        return r;
    const void *times = NULL;
    if (a[2]) {
        if (!mem_read_ok(a[2], 32))
            return -EFAULT;
        times = g2h(a[2]);
    }
    return sys_host_ret(syscall(SYS_utimensat, (int)a[0], p.host, times,
                                (int)a[3]));
}

int64_t sys_truncate(RtThread *t, const uint64_t *a)
{
    (void)t;
    SysPath p;
    int r = sys_path_get(a[0], &p, false);
    if (r)
        return r;
    return sys_host_ret(syscall(SYS_truncate, p.host, (off_t)a[1]));
}

int64_t sys_chdir(RtThread *t, const uint64_t *a)
{
    (void)t;
    SysPath p;
    int r = sys_path_get(a[0], &p, false);
    if (r)
        return r;
    return sys_host_ret(syscall(SYS_chdir, p.host));
}

/* getcwd(buf, size): the system call returns the length including the
 * NUL (man 2 getcwd, "C library/kernel differences"). */
int64_t sys_getcwd(RtThread *t, const uint64_t *a)
{
    (void)t;
    char buf[PATH_MAX];
    size_t size = a[1] < sizeof buf ? (size_t)a[1] : sizeof buf;
    int64_t n = syscall(SYS_getcwd, buf, size);
    if (n < 0)
        return -errno;
    if (mem_prepare_write(a[0], (uint64_t)n) != 0)
        return -EFAULT;
    memcpy(g2h(a[0]), buf, (size_t)n);
    return n;
}
