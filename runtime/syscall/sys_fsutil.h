/*
 * Helpers shared by the file system calls (sys_io.c, sys_file.c,
 * sys_fs.c, sys_stat.c, sys_ioctl.c): host results to guest results,
 * guest paths (copied out of guest memory, then through the -L sysroot),
 * guest buffers and iovec arrays checked before the host touches them,
 * and the file descriptors rvtcg keeps for itself.
 */
#ifndef SYS_FSUTIL_H
#define SYS_FSUTIL_H

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/uio.h>

#include "sys_gbuf.h"
#include "syscall.h"

/* A guest path argument.  GUEST is the guest's string (copied), HOST the
 * name to give the host: GUEST, or after sys_path_sysroot its copy under
 * the sysroot (rt_path).  NULL pointers are kept as NULL where the call
 * allows them.
 *
 * Which calls look in the -L sysroot follows qemu-riscv64 (its path() in
 * linux-user/syscall.c): openat, newfstatat, readlinkat and statfs (and
 * execve); the others (statx, faccessat, chdir, mkdirat, ...) use the
 * path as it is. */
typedef struct SysPath {
    const char *guest;
    const char *host;
    char gbuf[PATH_MAX];
    char hbuf[PATH_MAX];
} SysPath;

/* Reads the guest string at ADDR into P: 0, -EFAULT, or -ENAMETOOLONG
 * (PATH_MAX including the NUL, as the kernel's getname()).  With
 * NULL_OK, address 0 gives a NULL path. */
int sys_path_get(uint64_t addr, SysPath *p, bool null_ok);

/* P->host becomes the sysroot's copy of an absolute P->guest, if any. */
void sys_path_sysroot(SysPath *p);

/* Opens the emulated /proc file that guest path PATH relative to DIRFD
 * names, if any (sys_procfs_open): an fd, -errno, or SYS_PROCFS_PASS.
 * A relative PATH with a real DIRFD is resolved when DIRFD is a
 * directory of procfs. */
int sys_path_procfs_open(int dirfd, const char *path, int flags);

/* readlink(2) counterpart: the length, -errno or SYS_PROCFS_PASS. */
int64_t sys_path_procfs_readlink(int dirfd, const char *path, char *buf,
                                 size_t len);

/* The guest iovec array at ADDR (CNT entries; riscv64 and x86-64 share
 * struct iovec { void *base; size_t len; }) as host iovecs in *OUT
 * (ONE when CNT <= 1, else malloc'd: free with sys_iov_put), each buffer
 * checked for reading or writing.  As qemu-riscv64's lock_iovec: an
 * inaccessible first buffer is -EFAULT, a later one ends the vector
 * there (a short transfer).  Returns the number of host iovecs, or
 * -errno: -EINVAL for CNT > IOV_MAX or a negative length, -EFAULT for an
 * unreadable array or first buffer. */
int sys_iov_get(uint64_t addr, uint64_t cnt, bool write, struct iovec *one,
                struct iovec **out);
void sys_iov_put(struct iovec *v, struct iovec *one);

/* Is FD one of rvtcg's own (the -D log file, or one given to
 * sys_fd_reserve)?  The guest may not close, dup, replace or fcntl
 * those: it gets -EBADF, as for a closed fd. */
bool sys_fd_internal(int fd);

/* Marks FD as rvtcg's own (e.g. the code cache's memfd); at most 8. */
void sys_fd_reserve(int fd);

#endif
