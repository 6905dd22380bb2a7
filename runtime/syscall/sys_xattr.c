/*
 * Extended attributes: setxattr(2), getxattr(2), listxattr(2),
 * removexattr(2) and their l* (no symlink following) and f* (fd)
 * variants.  Nothing differs between riscv64 and x86-64: names are C
 * strings (at most XATTR_NAME_MAX 255 bytes, else ERANGE), values and
 * lists are byte buffers (at most XATTR_SIZE_MAX 64 KiB; a bigger get
 * buffer is only used up to that, linux fs/xattr.c).  Paths are used as
 * given (qemu-riscv64 does not look in the -L sysroot for these either).
 */
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "guest_mem.h"
#include "sys_fsutil.h"
#include "syscall.h"

#define SYS_XATTR_NAME_MAX 255
#define SYS_XATTR_SIZE_MAX 65536

/* The attribute name at ADDR into BUF: 0, -EFAULT or -ERANGE. */
static int name_get(uint64_t addr, char buf[SYS_XATTR_NAME_MAX + 1])
{
    int64_t n = mem_strlen(addr, SYS_XATTR_NAME_MAX);
    if (n == -ENAMETOOLONG)
        return -ERANGE;
    if (n < 0)
        return (int)n;
    memcpy(buf, g2h(addr), (size_t)n);
    buf[n] = 0;
    return 0;
}

/* A value or list buffer of SIZE bytes at ADDR the host reads (WRITE
 * false) or writes: its host address (NULL for size 0), or NULL with
 * *ERR = -EFAULT. */
static void *value_buf(uint64_t addr, uint64_t size, bool write, int *err)
{
    *err = 0;
    if (!size)
        return NULL;
    if (size > SYS_XATTR_SIZE_MAX)
        size = SYS_XATTR_SIZE_MAX;
    if (!sys_buf_ok(addr, size, write)) {
        *err = -EFAULT;
        return NULL;
    }
    return g2h(addr);
}

/* The target of a path or fd call: PATH set for the path ones. */
static int target_get(bool by_fd, uint64_t arg, SysPath *p)
{
    return by_fd ? 0 : sys_path_get(arg, p, false);
}

static int64_t do_set(long nr, bool by_fd, const uint64_t *a)
{
    SysPath p;
    char name[SYS_XATTR_NAME_MAX + 1];
    int err = target_get(by_fd, a[0], &p);
    if (!err)
        err = name_get(a[1], name);
    if (err)
        return err;
    if (a[3] > SYS_XATTR_SIZE_MAX)
        return -E2BIG;
    const void *v = value_buf(a[2], a[3], false, &err);
    if (err)
        return err;
    long r = by_fd ? syscall(nr, (int)a[0], name, v, (size_t)a[3], (int)a[4])
                   : syscall(nr, p.host, name, v, (size_t)a[3], (int)a[4]);
    return sys_host_ret(r);
}

static int64_t do_get(long nr, bool by_fd, const uint64_t *a)
{
    SysPath p;
    char name[SYS_XATTR_NAME_MAX + 1];
    int err = target_get(by_fd, a[0], &p);
    if (!err)
        err = name_get(a[1], name);
    if (err)
        return err;
    size_t size = a[3] > SYS_XATTR_SIZE_MAX ? SYS_XATTR_SIZE_MAX
                                            : (size_t)a[3];
    void *v = value_buf(a[2], size, true, &err);
    if (err)
        return err;
    long r = by_fd ? syscall(nr, (int)a[0], name, v, size)
                   : syscall(nr, p.host, name, v, size);
    return sys_host_ret(r);
}

static int64_t do_list(long nr, bool by_fd, const uint64_t *a)
{
    SysPath p;
    int err = target_get(by_fd, a[0], &p);
    if (err)
        return err;
    size_t size = a[2] > SYS_XATTR_SIZE_MAX ? SYS_XATTR_SIZE_MAX
                                            : (size_t)a[2];
    void *v = value_buf(a[1], size, true, &err);
    if (err)
        return err;
    long r = by_fd ? syscall(nr, (int)a[0], v, size)
                   : syscall(nr, p.host, v, size);
    return sys_host_ret(r);
}

static int64_t do_remove(long nr, bool by_fd, const uint64_t *a)
{
    SysPath p;
    char name[SYS_XATTR_NAME_MAX + 1];
    int err = target_get(by_fd, a[0], &p);
    if (!err)
        err = name_get(a[1], name);
    if (err)
        return err;
    long r = by_fd ? syscall(nr, (int)a[0], name)
                   : syscall(nr, p.host, name);
    return sys_host_ret(r);
}

#define XATTR_CALL(name, fn, by_fd)                                  \
    int64_t sys_##name(RtThread *t, const uint64_t *a)               \
    {                                                                \
        (void)t;                                                     \
        return fn(SYS_##name, by_fd, a);                             \
    }

XATTR_CALL(setxattr, do_set, false)
XATTR_CALL(lsetxattr, do_set, false)
XATTR_CALL(fsetxattr, do_set, true)
XATTR_CALL(getxattr, do_get, false)
XATTR_CALL(lgetxattr, do_get, false)
XATTR_CALL(fgetxattr, do_get, true)
XATTR_CALL(listxattr, do_list, false)
XATTR_CALL(llistxattr, do_list, false)
XATTR_CALL(flistxattr, do_list, true)
XATTR_CALL(removexattr, do_remove, false)
XATTR_CALL(lremovexattr, do_remove, false)
XATTR_CALL(fremovexattr, do_remove, true)
