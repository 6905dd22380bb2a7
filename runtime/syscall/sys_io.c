/*
 * Data transfer system calls: read(2), write(2), readv/writev(2),
 * pread64/pwrite64(2), preadv/pwritev(2), preadv2/pwritev2(2), lseek(2),
 * sendfile(2), copy_file_range(2), splice(2), tee(2), readahead(2),
 * fadvise64 (posix_fadvise(2)).  The structures involved (struct iovec,
 * loff_t) are the same on riscv64 and x86-64.  The guest's buffers are
 * checked whole before the call, as qemu-riscv64 does (sys_buf_ok):
 * -EFAULT even before a bad fd is noticed.  Blocking transfers
 * interrupted by a signal are restarted (man 7 signal).
 *
 * On 64-bit targets the (pos_l, pos_h) pair of preadv/pwritev is just
 * pos_l (linux fs/read_write.c pos_from_hilo).
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "guest_mem.h"
#include "sys_fsutil.h"
#include "syscall.h"

int64_t sys_read(RtThread *t, const uint64_t *a)
{
    (void)t;
    if (!sys_buf_ok(a[1], a[2], true))
        return -EFAULT;
    return sys_host_ret_restart(read((int)a[0], g2h(a[1]), (size_t)a[2]));
}

int64_t sys_write(RtThread *t, const uint64_t *a)
{
    (void)t;
    if (!sys_buf_ok(a[1], a[2], false))
        return -EFAULT;
    return sys_host_ret_restart(write((int)a[0], g2h(a[1]), (size_t)a[2]));
}

int64_t sys_pread64(RtThread *t, const uint64_t *a)
{
    (void)t;
    if (!sys_buf_ok(a[1], a[2], true))
        return -EFAULT;
    return sys_host_ret_restart(pread((int)a[0], g2h(a[1]), (size_t)a[2],
                                      (off_t)a[3]));
}

int64_t sys_pwrite64(RtThread *t, const uint64_t *a)
{
    (void)t;
    if (!sys_buf_ok(a[1], a[2], false))
        return -EFAULT;
    return sys_host_ret_restart(pwrite((int)a[0], g2h(a[1]), (size_t)a[2],
                                       (off_t)a[3]));
}

/* readv, writev, preadv, pwritev, preadv2, pwritev2 as one host call
 * NR (its raw arguments: fd, iov, cnt, pos_l, pos_h, flags). */
static int64_t vector_io(long nr, bool to_guest, const uint64_t *a,
                         uint64_t pos, uint64_t flags)
{
    struct iovec one, *v;
    int n = sys_iov_get(a[1], a[2], to_guest, &one, &v);
    if (n < 0)
        return n;
    int64_t r = sys_host_ret_restart(syscall(nr, (int)a[0], v, n, pos, 0,
                                             flags));
    sys_iov_put(v, &one);
    return r;
}

int64_t sys_readv(RtThread *t, const uint64_t *a)
{
    (void)t;
    return vector_io(SYS_readv, true, a, 0, 0);
}

int64_t sys_writev(RtThread *t, const uint64_t *a)
{
    (void)t;
    return vector_io(SYS_writev, false, a, 0, 0);
}

int64_t sys_preadv(RtThread *t, const uint64_t *a)
{
    (void)t;
    return vector_io(SYS_preadv, true, a, a[3], 0);
}

int64_t sys_pwritev(RtThread *t, const uint64_t *a)
{
    (void)t;
    return vector_io(SYS_pwritev, false, a, a[3], 0);
}

/* The RWF_* flags are generic (include/uapi/linux/fs.h). */
int64_t sys_preadv2(RtThread *t, const uint64_t *a)
{
    (void)t;
    return vector_io(SYS_preadv2, true, a, a[3], a[5]);
}

int64_t sys_pwritev2(RtThread *t, const uint64_t *a)
{
    (void)t;
    return vector_io(SYS_pwritev2, false, a, a[3], a[5]);
}

int64_t sys_lseek(RtThread *t, const uint64_t *a)
{
    (void)t;
    return sys_host_ret(syscall(SYS_lseek, (int)a[0], (off_t)a[1],
                                (int)a[2]));
}

/* An optional loff_t in/out argument (sendfile, splice, copy_file_range):
 * *HOST points at a copy in VAL, or is NULL for a NULL pointer. */
static int off_get(uint64_t addr, int64_t *val, int64_t **host)
{
    *host = NULL;
    if (!addr)
        return 0;
    if (mem_prepare_write(addr, 8) != 0 || !mem_read_ok(addr, 8))
        return -EFAULT;
    memcpy(val, g2h(addr), 8);
    *host = val;
    return 0;
}

static void off_put(uint64_t addr, const int64_t *host)
{
    if (host)
        memcpy(g2h(addr), host, 8);
}

int64_t sys_sendfile(RtThread *t, const uint64_t *a)
{
    (void)t;
    int64_t off, *po;
    if (off_get(a[2], &off, &po))
        return -EFAULT;
    int64_t r = sys_host_ret_restart(syscall(SYS_sendfile, (int)a[0],
                                             (int)a[1], po, (size_t)a[3]));
    off_put(a[2], po);
    return r;
}

int64_t sys_copy_file_range(RtThread *t, const uint64_t *a)
{
    (void)t;
    int64_t oin, oout, *pin, *pout;
    if (off_get(a[1], &oin, &pin) || off_get(a[3], &oout, &pout))
        return -EFAULT;
    int64_t r = sys_host_ret_restart(syscall(SYS_copy_file_range,
                                             (int)a[0], pin, (int)a[2], pout,
                                             (size_t)a[4], (unsigned)a[5]));
    off_put(a[1], pin);
    off_put(a[3], pout);
    return r;
}

int64_t sys_splice(RtThread *t, const uint64_t *a)
{
    (void)t;
    int64_t oin, oout, *pin, *pout;
    if (off_get(a[1], &oin, &pin) || off_get(a[3], &oout, &pout))
        return -EFAULT;
    int64_t r = sys_host_ret_restart(syscall(SYS_splice, (int)a[0], pin,
                                             (int)a[2], pout, (size_t)a[4],
                                             (unsigned)a[5]));
    off_put(a[1], pin);
    off_put(a[3], pout);
    return r;
}

int64_t sys_tee(RtThread *t, const uint64_t *a)
{
    (void)t;
    return sys_host_ret_restart(syscall(SYS_tee, (int)a[0], (int)a[1],
                                        (size_t)a[2], (unsigned)a[3]));
}

int64_t sys_readahead(RtThread *t, const uint64_t *a)
{
    (void)t;
    return sys_host_ret(syscall(SYS_readahead, (int)a[0], (off_t)a[1],
                                (size_t)a[2]));
}

/* fadvise64(fd, offset, len, advice): the same argument order and
 * POSIX_FADV_* values on riscv64 and x86-64 (only s390 differs). */
int64_t sys_fadvise64(RtThread *t, const uint64_t *a)
{
    (void)t;
    return sys_host_ret(syscall(SYS_fadvise64, (int)a[0], (off_t)a[1],
                                (off_t)a[2], (int)a[3]));
}
