/*
 * File descriptor system calls: openat(2), openat2(2), close(2),
 * close_range(2), dup(2), dup3(2), fcntl(2), flock(2), pipe2(2), fsync(2),
 * fdatasync(2), sync_file_range(2), sync(2), syncfs(2), ftruncate(2),
 * fallocate(2), fchmod(2), fchown(2), fchdir(2), getdents64(2),
 * memfd_create(2), umask(2).
 *
 * riscv64 and x86-64 agree on what these pass: the open(2) flag bits
 * (both use include/uapi/asm-generic/fcntl.h unchanged: O_DIRECT 040000,
 * O_LARGEFILE 0100000, O_DIRECTORY 0200000, O_NOFOLLOW 0400000), the
 * fcntl commands (64-bit: F_GETLK 5, F_SETLK 6, F_SETLKW 7, no *64
 * variants), struct flock { short l_type, l_whence; off_t l_start, l_len;
 * pid_t l_pid; } (32 bytes, no __ARCH_FLOCK_PAD on either), struct
 * f_owner_ex and struct linux_dirent64.  So these are passed through;
 * what rvtcg adds is the checking of guest pointers, the /proc/self
 * emulation (sys_procfs.h) and the -L sysroot for openat's path, and
 * keeping the guest away from rvtcg's own descriptors (sys_fd_internal).
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "guest_mem.h"
#include "sys_fsutil.h"
#include "sys_procfs.h"
#include "syscall.h"

_Static_assert(O_DIRECT == 040000 && O_DIRECTORY == 0200000 &&
               O_NOFOLLOW == 0400000 && O_CLOEXEC == 02000000 &&
               O_NONBLOCK == 04000 && O_APPEND == 02000 &&
               O_SYNC == 04010000 && O_PATH == 010000000 &&
               O_TMPFILE == 020200000,
               "open flags differ from asm-generic/fcntl.h");
_Static_assert(sizeof(struct flock) == 32, "struct flock layout");

int64_t sys_openat(RtThread *t, const uint64_t *a)
{
    (void)t;
    SysPath p;
    int r = sys_path_get(a[1], &p, false);
    if (r)
        return r;
    sys_path_sysroot(&p);
    int dirfd = (int)a[0], flags = (int)a[2];
    int fd = sys_path_procfs_open(dirfd, p.guest, flags);
    if (fd != SYS_PROCFS_PASS)
        return fd;
    /* Opening a FIFO blocks: restartable (man 7 signal). */
    return sys_host_ret_restart(syscall(SYS_openat, dirfd, p.host, flags,
                                        (mode_t)a[3]));
}

/* openat2(dirfd, path, how, size): struct open_how { u64 flags, mode,
 * resolve; } (include/uapi/linux/openat2.h) is the same on both; a
 * larger SIZE (a newer struct) is passed on for the host to judge. */
int64_t sys_openat2(RtThread *t, const uint64_t *a)
{
    (void)t;
    SysPath p;
    int r = sys_path_get(a[1], &p, false);
    if (r)
        return r;
    sys_path_sysroot(&p);
    uint64_t size = a[3];
    if (size < 24 || size > MEM_PAGE_SIZE)
        return size < 24 ? -EINVAL : -E2BIG;
    if (!mem_read_ok(a[2], size))
        return -EFAULT;
    int dirfd = (int)a[0];
    uint64_t flags;
    memcpy(&flags, g2h(a[2]), sizeof flags);
    int fd = sys_path_procfs_open(dirfd, p.guest, (int)flags);
    if (fd != SYS_PROCFS_PASS)
        return fd;
    return sys_host_ret_restart(syscall(SYS_openat2, dirfd, p.host, g2h(a[2]),
                                      (size_t)size));
}

int64_t sys_close(RtThread *t, const uint64_t *a)
{
    (void)t;
    int fd = (int)a[0];
    if (sys_fd_internal(fd))
        return -EBADF;
    /* close(2): EINTR is not restarted (the fd is gone anyway). */
    return sys_host_ret(close(fd));
}

/* close_range(first, last, flags): the range minus rvtcg's own fds. */
int64_t sys_close_range(RtThread *t, const uint64_t *a)
{
    (void)t;
    unsigned first = (unsigned)a[0], last = (unsigned)a[1];
    unsigned flags = (unsigned)a[2];
    if (first > last)
        return -EINVAL;
    unsigned lo = first;
    for (unsigned fd = first; fd <= last && fd < 65536; fd++) {
        if (!sys_fd_internal((int)fd))
            continue;
        if (fd > lo && syscall(SYS_close_range, lo, fd - 1, flags) != 0)
            return -errno;
        lo = fd + 1;
    }
    if (lo < first || lo > last)          /* the last fd was rvtcg's */
        return 0;
    return sys_host_ret(syscall(SYS_close_range, lo, last, flags));
}

int64_t sys_dup(RtThread *t, const uint64_t *a)
{
    (void)t;
    int fd = (int)a[0];
    if (sys_fd_internal(fd))
        return -EBADF;
    return sys_host_ret(dup(fd));
}

int64_t sys_dup3(RtThread *t, const uint64_t *a)
{
    (void)t;
    int oldfd = (int)a[0], newfd = (int)a[1];
    if (sys_fd_internal(oldfd) || sys_fd_internal(newfd))
        return -EBADF;
    return sys_host_ret(syscall(SYS_dup3, oldfd, newfd, (int)a[2]));
}

/* fcntl(2): what the argument of each command is (include/uapi/linux/
 * fcntl.h and asm-generic/fcntl.h; the same numbers on both). */
enum {
    FC_INT,        /* an int (or nothing) */
    FC_FLOCK,      /* struct flock *, read and written */
    FC_FLOCK_W,    /* struct flock *, read; may block (restart) */
    FC_OWNER_R,    /* struct f_owner_ex * read by the kernel */
    FC_OWNER_W,    /* struct f_owner_ex * written */
    FC_UIDS_W,     /* u32[2] written */
    FC_U64_R,      /* u64 * read */
    FC_U64_W,      /* u64 * written */
    FC_BAD,
};

static int fcntl_kind(int cmd)
{
    switch (cmd) {
    case F_DUPFD: case F_DUPFD_CLOEXEC: case F_GETFD: case F_SETFD:
    case F_GETFL: case F_SETFL: case F_SETOWN: case F_GETOWN:
    case F_SETSIG: case F_GETSIG: case F_SETLEASE: case F_GETLEASE:
    case F_NOTIFY: case 1029 /* F_CANCELLK */: case F_SETPIPE_SZ:
    case F_GETPIPE_SZ: case F_ADD_SEALS: case F_GET_SEALS:
    case 1027 /* F_DUPFD_QUERY */: case 1028 /* F_CREATED_QUERY */:
        return FC_INT;
    case F_GETLK: case F_SETLK: case F_OFD_GETLK: case F_OFD_SETLK:
        return FC_FLOCK;
    case F_SETLKW: case F_OFD_SETLKW:
        return FC_FLOCK_W;
    case F_SETOWN_EX:
        return FC_OWNER_R;
    case F_GETOWN_EX:
        return FC_OWNER_W;
    case 17 /* F_GETOWNER_UIDS */:
        return FC_UIDS_W;
    case 1036 /* F_SET_RW_HINT */: case 1038 /* F_SET_FILE_RW_HINT */:
        return FC_U64_R;
    case 1035 /* F_GET_RW_HINT */: case 1037 /* F_GET_FILE_RW_HINT */:
        return FC_U64_W;
    default:
        return FC_BAD;
    }
}

int64_t sys_fcntl(RtThread *t, const uint64_t *a)
{
    (void)t;
    int fd = (int)a[0], cmd = (int)a[1];
    uint64_t arg = a[2];
    if (sys_fd_internal(fd))
        return -EBADF;
    int kind = fcntl_kind(cmd);
    uint64_t len = 0;
    bool rd = false, wr = false;
    switch (kind) {
    case FC_INT:
        return sys_host_ret(syscall(SYS_fcntl, fd, cmd, (long)(int)arg));
    case FC_FLOCK: len = 32, rd = wr = true; break;
    case FC_FLOCK_W: len = 32, rd = true; break;
    case FC_OWNER_R: len = 8, rd = true; break;
    case FC_OWNER_W: len = 8, wr = true; break;
    case FC_UIDS_W: len = 8, wr = true; break;
    case FC_U64_R: len = 8, rd = true; break;
    case FC_U64_W: len = 8, wr = true; break;
    default: {
        static bool warned;
        if (!warned) {
            warned = true;
            fprintf(stderr, "rvtcg: unsupported fcntl command %d\n", cmd);
        }
        return -EINVAL;
    }
    }
    if ((rd && !mem_read_ok(arg, len)) ||
        (wr && mem_prepare_write(arg, len) != 0))
        return -EFAULT;
    /* The structures are the same on both: the kernel works on the
     * guest's memory directly. */
    int64_t r = syscall(SYS_fcntl, fd, cmd, g2h(arg));
    return kind == FC_FLOCK_W ? sys_host_ret_restart(r) : sys_host_ret(r);
}

int64_t sys_flock(RtThread *t, const uint64_t *a)
{
    (void)t;
    int fd = (int)a[0];
    if (sys_fd_internal(fd))
        return -EBADF;
    return sys_host_ret_restart(flock(fd, (int)a[1]));
}

int64_t sys_pipe2(RtThread *t, const uint64_t *a)
{
    (void)t;
    if (mem_prepare_write(a[0], 8) != 0)
        return -EFAULT;
    int fds[2];
    if (pipe2(fds, (int)a[1]) != 0)
        return -errno;
    memcpy(g2h(a[0]), fds, sizeof fds);
    return 0;
}

int64_t sys_fsync(RtThread *t, const uint64_t *a)
{
    (void)t;
    return sys_host_ret(fsync((int)a[0]));
}

int64_t sys_fdatasync(RtThread *t, const uint64_t *a)
{
    (void)t;
    return sys_host_ret(fdatasync((int)a[0]));
}

int64_t sys_sync(RtThread *t, const uint64_t *a)
{
    (void)t, (void)a;
    sync();
    return 0;
}

/* sync_file_range(fd, offset, nbytes, flags): the riscv64 argument order
 * is x86-64's (not the sync_file_range2 order of arm/powerpc). */
int64_t sys_sync_file_range(RtThread *t, const uint64_t *a)
{
    (void)t;
    return sys_host_ret(syscall(SYS_sync_file_range, (int)a[0], (off_t)a[1],
                              (off_t)a[2], (unsigned)a[3]));
}

int64_t sys_syncfs(RtThread *t, const uint64_t *a)
{
    (void)t;
    return sys_host_ret(syncfs((int)a[0]));
}

int64_t sys_ftruncate(RtThread *t, const uint64_t *a)
{
    (void)t;
    return sys_host_ret(ftruncate((int)a[0], (off_t)a[1]));
}

/* The FALLOC_FL_* modes are generic (include/uapi/linux/falloc.h). */
int64_t sys_fallocate(RtThread *t, const uint64_t *a)
{
    (void)t;
    return sys_host_ret(syscall(SYS_fallocate, (int)a[0], (int)a[1],
                                (off_t)a[2], (off_t)a[3]));
}

int64_t sys_fchmod(RtThread *t, const uint64_t *a)
{
    (void)t;
    return sys_host_ret(fchmod((int)a[0], (mode_t)a[1]));
}

int64_t sys_fchown(RtThread *t, const uint64_t *a)
{
    (void)t;
    return sys_host_ret(syscall(SYS_fchown, (int)a[0], (uid_t)a[1],
                                (gid_t)a[2]));
}

int64_t sys_fchdir(RtThread *t, const uint64_t *a)
{
    (void)t;
    return sys_host_ret(fchdir((int)a[0]));
}

/* struct linux_dirent64 { u64 d_ino; s64 d_off; u16 d_reclen;
 * u8 d_type; char d_name[]; } is the same everywhere. */
int64_t sys_getdents64(RtThread *t, const uint64_t *a)
{
    (void)t;
    int fd = (int)a[0];
    uint32_t n = (uint32_t)a[2];
    if (!sys_buf_ok(a[1], n, true)) {
        /* The fd's error first (ENOTDIR for a file, as qemu-riscv64,
         * which reads into a buffer of its own), then EFAULT. */
        if (syscall(SYS_getdents64, fd, NULL, 0) < 0 && errno != EINVAL)
            return -errno;
        return -EFAULT;
    }
    return sys_host_ret(syscall(SYS_getdents64, fd, g2h(a[1]), (size_t)n));
}

/* memfd_create(name, flags): the MFD_* flags are generic; the name is at
 * most 249 bytes (man 2 memfd_create). */
int64_t sys_memfd_create(RtThread *t, const uint64_t *a)
{
    (void)t;
    char name[256];
    int64_t n = mem_strlen(a[0], 255);
    if (n == -ENAMETOOLONG)
        return -EINVAL;
    if (n < 0)
        return n;
    memcpy(name, g2h(a[0]), (size_t)n);
    name[n] = 0;
    return sys_host_ret(syscall(SYS_memfd_create, name, (unsigned)a[1]));
}

int64_t sys_umask(RtThread *t, const uint64_t *a)
{
    (void)t;
    return umask((mode_t)(a[0] & 0777));
}
