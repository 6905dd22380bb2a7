/*
 * Helpers of the file system calls (sys_fsutil.h).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "guest_mem.h"
#include "log.h"
#include "sys_fsutil.h"
#include "sys_procfs.h"
#include "sysroot.h"

#define SYS_IOV_MAX 1024            /* UIO_MAXIOV, include/uapi/linux/uio.h */
#define SYS_PROC_SUPER_MAGIC 0x9fa0 /* include/uapi/linux/magic.h */

int sys_path_get(uint64_t addr, SysPath *p, bool null_ok)
{
    if (!addr && null_ok) {
        p->guest = p->host = NULL;
        return 0;
    }
    int64_t n = mem_strlen(addr, PATH_MAX - 1);
    if (n < 0)
        return (int)n;
    memcpy(p->gbuf, g2h(addr), (size_t)n);
    p->gbuf[n] = 0;
    p->guest = p->host = p->gbuf;
    return 0;
}

void sys_path_sysroot(SysPath *p)
{
    if (p->guest)
        p->host = rt_path(p->guest, p->hbuf, sizeof p->hbuf);
}

/* The path to give sys_procfs_*: PATH itself when it is absolute or
 * relative to the cwd; for a relative PATH under a directory fd, the
 * directory's name + PATH when that directory is on procfs (else NULL:
 * nothing there is emulated). */
static const char *procfs_name(int dirfd, const char *path, char *buf,
                               size_t len)
{
    if (!path)
        return NULL;
    if (path[0] == '/' || dirfd == AT_FDCWD)
        return path;
    struct statfs sf;
    if (fstatfs(dirfd, &sf) != 0 || sf.f_type != SYS_PROC_SUPER_MAGIC)
        return NULL;
    char link[64];
    snprintf(link, sizeof link, "/proc/self/fd/%d", dirfd);
    ssize_t n = readlink(link, buf, len - 1);
    if (n <= 0)
        return NULL;
    buf[n] = 0;
    size_t used = (size_t)n;
    int m = snprintf(buf + used, len - used, "/%s", path);
    if (m < 0 || (size_t)m >= len - used)
        return NULL;
    return buf;
}

int sys_path_procfs_open(int dirfd, const char *path, int flags)
{
    char buf[PATH_MAX];
    const char *name = procfs_name(dirfd, path, buf, sizeof buf);
    return name ? sys_procfs_open(name, flags) : SYS_PROCFS_PASS;
}

int64_t sys_path_procfs_readlink(int dirfd, const char *path, char *out,
                                 size_t len)
{
    char buf[PATH_MAX];
    const char *name = procfs_name(dirfd, path, buf, sizeof buf);
    return name ? sys_procfs_readlink(name, out, len) : SYS_PROCFS_PASS;
}

int sys_iov_get(uint64_t addr, uint64_t cnt, bool write, struct iovec *one,
                struct iovec **out)
{
    *out = one;
    if (cnt > SYS_IOV_MAX)
        return -EINVAL;
    if (!cnt)
        return 0;
    if (!mem_read_ok(addr, cnt * 16))
        return -EFAULT;
    struct iovec *v = cnt == 1 ? one : malloc(cnt * sizeof *v);
    if (!v)
        return -ENOMEM;
    /* Lengths first, as the kernel's import_iovec: each at most
     * SSIZE_MAX, else EINVAL. */
    for (uint64_t i = 0; i < cnt; i++) {
        int64_t l;
        memcpy(&l, g2h(addr + 16 * i + 8), sizeof l);
        if (l < 0) {
            if (v != one)
                free(v);
            return -EINVAL;
        }
    }
    int n = 0;
    for (uint64_t i = 0; i < cnt; i++) {
        uint64_t g[2];
        memcpy(g, g2h(addr + 16 * i), sizeof g);
        if (!sys_buf_ok(g[0], g[1], write)) {
            if (i == 0) {
                if (v != one)
                    free(v);
                return -EFAULT;
            }
            break;
        }
        if (g[1]) {
            v[n].iov_base = g2h(g[0]);
            v[n].iov_len = (size_t)g[1];
            n++;
        }
    }
    *out = v;
    return n;
}

void sys_iov_put(struct iovec *v, struct iovec *one)
{
    if (v != one)
        free(v);
}

static int reserved[8];
static unsigned n_reserved;

void sys_fd_reserve(int fd)
{
    if (fd >= 0 && n_reserved < sizeof reserved / sizeof reserved[0])
        reserved[n_reserved++] = fd;
}

bool sys_fd_internal(int fd)
{
    if (fd < 0)
        return false;
    for (unsigned i = 0; i < n_reserved; i++)
        if (reserved[i] == fd)
            return true;
    return rt_logfile && rt_logfile != stderr && fd == fileno(rt_logfile);
}
