/*
 * Guest buffers of pass-through system calls: a guest pointer the host
 * kernel reads or writes becomes a host pointer only after the guest_mem.h
 * checks, so a bad pointer gives -EFAULT instead of letting the kernel
 * touch rvtcg's own memory; and host results (-1 with errno) become the
 * guest's (-errno).
 */
#ifndef SYS_GBUF_H
#define SYS_GBUF_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <unistd.h>

#include "guest_mem.h"
#include "syscall.h"

/* May the host read (WRITE false) or write (WRITE true, after
 * mem_prepare_write) the guest buffer [ADDR, ADDR + LEN)?  All of it or
 * nothing, as qemu-riscv64 checks a buffer before the call (lock_user):
 * a buffer that is only partly accessible is EFAULT there too, where
 * Linux would transfer up to the fault. */
static inline bool sys_buf_ok(uint64_t addr, uint64_t len, bool write)
{
    if (!len)
        return true;
    if (addr + len < addr)
        return false;
    return write ? mem_prepare_write(addr, len) == 0 : mem_read_ok(addr, len);
}

/* Host pointer for the guest buffer [G, G + LEN) that the kernel reads
 * (WRITE false) or writes; NULL for G == 0; *BAD set when the guest may
 * not access it. */
static inline void *sys_gbuf(uint64_t g, uint64_t len, bool write, bool *bad)
{
    if (!g)
        return NULL;
    if (!sys_buf_ok(g, len, write))
        *bad = true;
    return g2h(g);
}

/* The result of a host call that sets errno: the value or -errno. */
static inline int64_t sys_host_ret(int64_t r)
{
    return r < 0 ? -errno : r;
}

/* The same for calls that SA_RESTART restarts (man 7 signal): a host
 * EINTR becomes -SYS_ERESTARTSYS (syscall.h). */
static inline int64_t sys_host_ret_restart(int64_t r)
{
    if (r >= 0)
        return r;
    return errno == EINTR ? -SYS_ERESTARTSYS : -errno;
}

/* The common (id, buffer) shape passed through: syscall NR with ID and
 * the guest buffer [G, G + LEN) the kernel reads (WRITE false) or
 * writes; -EFAULT when the guest may not. */
static inline int64_t sys_pass_id_buf(long nr, long id, uint64_t g,
                                      uint64_t len, bool write)
{
    bool bad = false;
    void *p = sys_gbuf(g, len, write, &bad);
    if (bad)
        return -EFAULT;
    return sys_host_ret(syscall(nr, id, p));
}

/* The timer_settime(2) / timerfd_settime(2) shape, passed through:
 * (id, flags, const struct itimerspec *new, struct itimerspec *old) and
 * the *_gettime one (id, struct itimerspec *cur); struct itimerspec is
 * two timespecs (32 bytes) on both sides. */
#define SYS_ITIMERSPEC_SIZE 32u

static inline int64_t sys_pass_settime(long nr, const uint64_t *a)
{
    bool bad = false;
    const void *nv = sys_gbuf(a[2], SYS_ITIMERSPEC_SIZE, false, &bad);
    void *ov = sys_gbuf(a[3], SYS_ITIMERSPEC_SIZE, true, &bad);
    if (bad)
        return -EFAULT;
    return sys_host_ret(syscall(nr, (int)a[0], (int)a[1], nv, ov));
}

static inline int64_t sys_pass_gettime(long nr, const uint64_t *a)
{
    return sys_pass_id_buf(nr, (int)a[0], a[1], SYS_ITIMERSPEC_SIZE, true);
}

#endif
