/*
 * File I/O system calls: read(2), write(2), writev(2).  The riscv64 and
 * x86-64 struct iovec are both { void *iov_base; size_t iov_len; } of
 * 8 bytes each; writev only turns the guest pointers into host ones.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/uio.h>
#include <unistd.h>

#include "guest_mem.h"
#include "syscall.h"

#define SYS_IOV_MAX 1024          /* UIO_MAXIOV */

static int64_t ret(int64_t r)
{
    return r < 0 ? -errno : r;
}

int64_t sys_read(RtThread *t, const uint64_t *a)
{
    (void)t;
    return ret(read((int)a[0], g2h(a[1]), (size_t)a[2]));
}

int64_t sys_write(RtThread *t, const uint64_t *a)
{
    (void)t;
    return ret(write((int)a[0], g2h(a[1]), (size_t)a[2]));
}

int64_t sys_writev(RtThread *t, const uint64_t *a)
{
    (void)t;
    uint64_t cnt = a[2];
    if (cnt > SYS_IOV_MAX)
        return -EINVAL;
    if (cnt && !mem_check(a[1], cnt * 16, PROT_READ))
        return -EFAULT;
    struct iovec one;
    struct iovec *v = cnt <= 1 ? &one : malloc(cnt * sizeof *v);
    if (!v)
        return -ENOMEM;
    for (uint64_t i = 0; i < cnt; i++) {
        uint64_t g[2];
        memcpy(g, g2h(a[1] + 16 * i), sizeof g);
        v[i].iov_base = g2h(g[0]);
        v[i].iov_len = (size_t)g[1];
    }
    int64_t r = ret(writev((int)a[0], v, (int)cnt));
    if (v != &one)
        free(v);
    return r;
}
