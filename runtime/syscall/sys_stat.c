/*
 * The stat family: fstat(2), newfstatat(2), statx(2), statfs(2),
 * fstatfs(2).
 *
 * struct stat differs: riscv64 uses the asm-generic layout
 * (include/uapi/asm-generic/stat.h: 128 bytes, st_mode before a 32-bit
 * st_nlink, a 32-bit st_blksize), x86-64 its own
 * (arch/x86/include/uapi/asm/stat.h: 144 bytes, 64-bit st_nlink before
 * st_mode, 64-bit st_blksize).  The host's is converted field by field;
 * a link count that does not fit is EOVERFLOW, as linux fs/stat.c
 * cp_new_stat does.  struct statx (include/uapi/linux/stat.h) and struct
 * statfs (x86-64 uses asm-generic/statfs.h too: 120 bytes of 64-bit
 * words) are the same on both and are written by the host directly.
 */
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "guest_mem.h"
#include "sys_fsutil.h"
#include "syscall.h"

/* include/uapi/asm-generic/stat.h, struct stat (64-bit). */
typedef struct SysGuestStat {
    uint64_t st_dev;
    uint64_t st_ino;
    uint32_t st_mode;
    uint32_t st_nlink;
    uint32_t st_uid;
    uint32_t st_gid;
    uint64_t st_rdev;
    uint64_t pad1;
    int64_t st_size;
    int32_t st_blksize;
    int32_t pad2;
    int64_t st_blocks;
    int64_t st_atime_sec;
    uint64_t st_atime_nsec;
    int64_t st_mtime_sec;
    uint64_t st_mtime_nsec;
    int64_t st_ctime_sec;
    uint64_t st_ctime_nsec;
    uint32_t unused4;
    uint32_t unused5;
} SysGuestStat;

_Static_assert(sizeof(SysGuestStat) == 128, "asm-generic struct stat");
_Static_assert(sizeof(struct stat) == 144, "x86-64 struct stat");
_Static_assert(sizeof(struct statfs) == 120, "struct statfs");

#define SYS_STATX_SIZE 256          /* struct statx */

/* Writes host stat S to guest address ADDR as the riscv64 struct. */
static int64_t stat_put(const struct stat *s, uint64_t addr)
{
    SysGuestStat g;
    memset(&g, 0, sizeof g);
    g.st_dev = s->st_dev;
    g.st_ino = s->st_ino;
    g.st_mode = s->st_mode;
    g.st_nlink = (uint32_t)s->st_nlink;
    if (g.st_nlink != s->st_nlink)
        return -EOVERFLOW;
    g.st_uid = s->st_uid;
    g.st_gid = s->st_gid;
    g.st_rdev = s->st_rdev;
    g.st_size = s->st_size;
    g.st_blksize = (int32_t)s->st_blksize;
    g.st_blocks = s->st_blocks;
    g.st_atime_sec = s->st_atim.tv_sec;
    g.st_atime_nsec = (uint64_t)s->st_atim.tv_nsec;
    g.st_mtime_sec = s->st_mtim.tv_sec;
    g.st_mtime_nsec = (uint64_t)s->st_mtim.tv_nsec;
    g.st_ctime_sec = s->st_ctim.tv_sec;
    g.st_ctime_nsec = (uint64_t)s->st_ctim.tv_nsec;
    if (mem_prepare_write(addr, sizeof g) != 0)
        return -EFAULT;
    memcpy(g2h(addr), &g, sizeof g);
    return 0;
}

int64_t sys_fstat(RtThread *t, const uint64_t *a)
{
    (void)t;
    struct stat s;
    if (syscall(SYS_fstat, (int)a[0], &s) != 0)
        return -errno;
    return stat_put(&s, a[1]);
}

/* newfstatat(dirfd, path, statbuf, flags); a NULL path with
 * AT_EMPTY_PATH is left to the host kernel (allowed since Linux 6.11). */
int64_t sys_newfstatat(RtThread *t, const uint64_t *a)
{
    (void)t;
    SysPath p;
    int r = sys_path_get(a[1], &p, ((int)a[3] & AT_EMPTY_PATH) != 0);
    if (r)
        return r;
    sys_path_sysroot(&p);
    struct stat s;
    if (syscall(SYS_newfstatat, (int)a[0], p.host, &s, (int)a[3]) != 0)
        return -errno;
    return stat_put(&s, a[2]);
}

/* statx(dirfd, path, flags, mask, statxbuf). */
int64_t sys_statx(RtThread *t, const uint64_t *a)
{
    (void)t;
    SysPath p;
    int r = sys_path_get(a[1], &p, ((int)a[2] & AT_EMPTY_PATH) != 0);
    if (r)
        return r;
    uint8_t buf[SYS_STATX_SIZE];
    if (syscall(SYS_statx, (int)a[0], p.host, (int)a[2], (unsigned)a[3],
                buf) != 0)
        return -errno;
    if (mem_prepare_write(a[4], sizeof buf) != 0)
        return -EFAULT;
    memcpy(g2h(a[4]), buf, sizeof buf);
    return 0;
}

int64_t sys_statfs(RtThread *t, const uint64_t *a)
{
    (void)t;
    SysPath p;
    int r = sys_path_get(a[0], &p, false);
    if (r)
        return r;
    sys_path_sysroot(&p);
    struct statfs s;
    if (syscall(SYS_statfs, p.host, &s) != 0)
        return -errno;
    if (mem_prepare_write(a[1], sizeof s) != 0)
        return -EFAULT;
    memcpy(g2h(a[1]), &s, sizeof s);
    return 0;
}

int64_t sys_fstatfs(RtThread *t, const uint64_t *a)
{
    (void)t;
    struct statfs s;
    if (syscall(SYS_fstatfs, (int)a[0], &s) != 0)
        return -errno;
    if (mem_prepare_write(a[1], sizeof s) != 0)
        return -EFAULT;
    memcpy(g2h(a[1]), &s, sizeof s);
    return 0;
}
