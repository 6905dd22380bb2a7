/*
 * Sockets (socket(7), unix(7), ip(7)): socket, socketpair, bind, listen,
 * accept, accept4, connect, getsockname, getpeername, sendto, recvfrom,
 * setsockopt, getsockopt, shutdown, sendmsg, recvmsg, sendmmsg, recvmmsg.
 *
 * The ABIs agree: socket address families and sockaddr layouts, the
 * SOCK_NONBLOCK / SOCK_CLOEXEC type bits (O_NONBLOCK, O_CLOEXEC: same on
 * both), MSG_* flags, and the socket options (riscv64 and x86-64 both use
 * asm-generic/socket.h: SO_REUSEADDR 2 ...; options whose values are ints,
 * struct linger, struct timeval or struct ucred have the same layout).
 * struct msghdr (56 bytes), struct mmsghdr (64), struct iovec and struct
 * cmsghdr ({ size_t len; int level; int type; }, 8-byte aligned data) are
 * the same on LP64; SCM_RIGHTS carries guest fds, which are host fds.
 * What needs work is that a msghdr holds guest pointers (name, iov,
 * control) and the host needs host ones: msg_in() builds a host msghdr
 * and msg_out() copies back what the kernel updates.
 * Of the socket options, only the classic BPF filters hold a pointer
 * (struct sock_fprog): set_filter converts it.  (SO_ATTACH_BPF takes an
 * eBPF program fd: bpf(2) is not supported.)
 *
 * Blocking calls (accept, connect, send*, recv*) interrupted by a host
 * signal return -SYS_ERESTARTSYS: SA_RESTART restarts them (man 7 signal;
 * the kernel returns EINTR instead when a socket timeout is set, which
 * is not told apart here).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <linux/filter.h>
#include <unistd.h>

#include "sys_gbuf.h"
#include "syscall.h"

#define SYS_IOV_MAX 1024          /* UIO_MAXIOV */
#define GMSG_SIZE 56u             /* struct msghdr */
#define GMMSG_SIZE 64u            /* struct mmsghdr */

_Static_assert(sizeof(struct msghdr) == GMSG_SIZE, "msghdr");
_Static_assert(sizeof(struct mmsghdr) == GMMSG_SIZE, "mmsghdr");
_Static_assert(sizeof(struct cmsghdr) == 16, "cmsghdr");

/* The result of a blocking call: EINTR restarts it. */
static int64_t blocking_ret(long r)
{
    if (r < 0)
        return errno == EINTR ? -SYS_ERESTARTSYS : -errno;
    return r;
}

int64_t sys_socket(RtThread *t, const uint64_t *a)
{
    (void)t;
    return sys_host_ret(syscall(SYS_socket, (int)a[0], (int)a[1], (int)a[2]));
}

int64_t sys_socketpair(RtThread *t, const uint64_t *a)
{
    (void)t;
    bool bad = false;
    void *sv = sys_gbuf(a[3], 8, true, &bad);
    if (bad || !sv)
        return -EFAULT;
    return sys_host_ret(syscall(SYS_socketpair, (int)a[0], (int)a[1],
                                (int)a[2], sv));
}

/* bind and connect: a sockaddr the kernel reads. */
static const void *addr_in(uint64_t g, uint64_t len, bool *bad)
{
    if (len > 65536)              /* the kernel says EINVAL */
        len = 0;
    return sys_gbuf(g, len, false, bad);
}

int64_t sys_bind(RtThread *t, const uint64_t *a)
{
    (void)t;
    bool bad = false;
    const void *addr = addr_in(a[1], (uint32_t)a[2], &bad);
    if (bad)
        return -EFAULT;
    return sys_host_ret(syscall(SYS_bind, (int)a[0], addr, (int)a[2]));
}

int64_t sys_connect(RtThread *t, const uint64_t *a)
{
    (void)t;
    bool bad = false;
    const void *addr = addr_in(a[1], (uint32_t)a[2], &bad);
    if (bad)
        return -EFAULT;
    return blocking_ret(syscall(SYS_connect, (int)a[0], addr, (int)a[2]));
}

int64_t sys_listen(RtThread *t, const uint64_t *a)
{
    (void)t;
    return sys_host_ret(syscall(SYS_listen, (int)a[0], (int)a[1]));
}

int64_t sys_shutdown(RtThread *t, const uint64_t *a)
{
    (void)t;
    return sys_host_ret(syscall(SYS_shutdown, (int)a[0], (int)a[1]));
}

/* A sockaddr the kernel writes: ADDR with its length at LENP (in: the
 * buffer size, out: the address size).  Sets *ADDRH and *LENH. */
static int addr_out(uint64_t addr, uint64_t lenp, void **addrh,
                    socklen_t **lenh)
{
    *addrh = NULL;
    *lenh = NULL;
    if (!addr)
        return 0;
    bool bad = false;
    *lenh = sys_gbuf(lenp, 4, true, &bad);
    if (bad || !*lenh)
        return -EFAULT;
    int len = (int)**lenh;
    if (len < 0)
        return -EINVAL;
    *addrh = sys_gbuf(addr, (uint64_t)len, true, &bad);
    return bad ? -EFAULT : 0;
}

static int64_t accept_common(const uint64_t *a, int flags)
{
    void *addr;
    socklen_t *len;
    int e = addr_out(a[1], a[2], &addr, &len);
    if (e)
        return e;
    return blocking_ret(syscall(SYS_accept4, (int)a[0], addr, len, flags));
}

int64_t sys_accept(RtThread *t, const uint64_t *a)
{
    (void)t;
    return accept_common(a, 0);
}

int64_t sys_accept4(RtThread *t, const uint64_t *a)
{
    (void)t;
    return accept_common(a, (int)a[3]);
}

int64_t sys_getsockname(RtThread *t, const uint64_t *a)
{
    (void)t;
    void *addr;
    socklen_t *len;
    if (!a[1])
        return -EFAULT;
    int e = addr_out(a[1], a[2], &addr, &len);
    if (e)
        return e;
    return sys_host_ret(syscall(SYS_getsockname, (int)a[0], addr, len));
}

int64_t sys_getpeername(RtThread *t, const uint64_t *a)
{
    (void)t;
    void *addr;
    socklen_t *len;
    if (!a[1])
        return -EFAULT;
    int e = addr_out(a[1], a[2], &addr, &len);
    if (e)
        return e;
    return sys_host_ret(syscall(SYS_getpeername, (int)a[0], addr, len));
}

int64_t sys_sendto(RtThread *t, const uint64_t *a)
{
    (void)t;
    bool bad = false;
    const void *buf = sys_gbuf(a[1], a[2], false, &bad);
    const void *addr = addr_in(a[4], (uint32_t)a[5], &bad);
    if (bad)
        return -EFAULT;
    return blocking_ret(syscall(SYS_sendto, (int)a[0], buf, (size_t)a[2],
                                (int)a[3], addr, (int)a[5]));
}

int64_t sys_recvfrom(RtThread *t, const uint64_t *a)
{
    (void)t;
    bool bad = false;
    void *buf = sys_gbuf(a[1], a[2], true, &bad);
    if (bad)
        return -EFAULT;
    void *addr;
    socklen_t *len;
    int e = addr_out(a[4], a[5], &addr, &len);
    if (e)
        return e;
    return blocking_ret(syscall(SYS_recvfrom, (int)a[0], buf, (size_t)a[2],
                                (int)a[3], addr, len));
}

/* A classic BPF program (SO_ATTACH_FILTER, SO_ATTACH_REUSEPORT_CBPF):
 * struct sock_fprog { unsigned short len; struct sock_filter *filter; }
 * holds a guest pointer to LEN 8-byte instructions (linux/filter.h). */
static int64_t set_filter(const uint64_t *a, const uint8_t *g)
{
    uint16_t len;
    uint64_t filter;
    memcpy(&len, g, 2);
    memcpy(&filter, g + 8, 8);
    if (!mem_read_ok(filter, (uint64_t)len * 8))
        return -EFAULT;
    struct sock_fprog h = { len, g2h(filter) };
    return sys_host_ret(syscall(SYS_setsockopt, (int)a[0], (int)a[1],
                                (int)a[2], &h, sizeof h));
}

int64_t sys_setsockopt(RtThread *t, const uint64_t *a)
{
    (void)t;
    bool bad = false;
    const void *val = sys_gbuf(a[3], (uint32_t)a[4], false, &bad);
    if (bad)
        return -EFAULT;
    if ((int)a[1] == SOL_SOCKET && val && (uint32_t)a[4] >= 16 &&
        ((int)a[2] == SO_ATTACH_FILTER ||
         (int)a[2] == SO_ATTACH_REUSEPORT_CBPF))
        return set_filter(a, val);
    return sys_host_ret(syscall(SYS_setsockopt, (int)a[0], (int)a[1],
                                (int)a[2], val, (int)a[4]));
}

int64_t sys_getsockopt(RtThread *t, const uint64_t *a)
{
    (void)t;
    bool bad = false;
    socklen_t *len = sys_gbuf(a[4], 4, true, &bad);
    if (bad || !len)
        return -EFAULT;
    int n = (int)*len;
    if (n < 0)
        return -EINVAL;
    void *val = sys_gbuf(a[3], (uint64_t)n, true, &bad);
    if (bad)
        return -EFAULT;
    return sys_host_ret(syscall(SYS_getsockopt, (int)a[0], (int)a[1],
                                (int)a[2], val, len));
}

/* ---- struct msghdr ---- */

/* The guest struct msghdr at G as a host one in *H (iovecs in *IOVP,
 * allocated when more than one: free it with free()).  RECV: the kernel
 * writes the buffers. */
static int msg_in(uint64_t g, bool recv, struct msghdr *h, struct iovec **iovp)
{
    *iovp = NULL;
    if (!mem_read_ok(g, GMSG_SIZE) ||
        (recv && mem_prepare_write(g, GMSG_SIZE)))
        return -EFAULT;
    uint64_t m[7];
    memcpy(m, g2h(g), sizeof m);
    uint32_t namelen = (uint32_t)m[1];
    uint64_t iovlen = m[3], ctllen = m[5];
    if (iovlen > SYS_IOV_MAX)
        return -EMSGSIZE;
    if ((int)namelen < 0 || ctllen > INT32_MAX)
        return -EINVAL;
    /* the kernel reads or writes at most a struct sockaddr_storage */
    uint32_t namebuf = namelen < 128 ? namelen : 128;
    bool bad = false;
    memset(h, 0, sizeof *h);
    h->msg_name = sys_gbuf(m[0], namebuf, recv, &bad);
    h->msg_namelen = namelen;
    h->msg_control = sys_gbuf(m[4], ctllen, recv, &bad);
    h->msg_controllen = ctllen;
    h->msg_flags = (int)m[6];
    if (iovlen && !mem_read_ok(m[2], iovlen * 16))
        bad = true;
    if (bad)
        return -EFAULT;
    struct iovec *v = NULL;
    if (iovlen) {
        v = malloc(iovlen * sizeof *v);
        if (!v)
            return -ENOMEM;
        for (uint64_t i = 0; i < iovlen; i++) {
            uint64_t gv[2];
            memcpy(gv, g2h(m[2] + 16 * i), sizeof gv);
            v[i].iov_base = sys_gbuf(gv[0], gv[1], recv, &bad);
            v[i].iov_len = (size_t)gv[1];
        }
        if (bad) {
            free(v);
            return -EFAULT;
        }
    }
    h->msg_iov = v;
    h->msg_iovlen = iovlen;
    *iovp = v;
    return 0;
}

/* After recvmsg: the lengths and flags the kernel updated. */
static void msg_out(uint64_t g, const struct msghdr *h)
{
    uint8_t *p = g2h(g);
    uint32_t namelen = h->msg_namelen;
    uint64_t ctllen = h->msg_controllen;
    int32_t flags = h->msg_flags;
    memcpy(p + 8, &namelen, 4);
    memcpy(p + 40, &ctllen, 8);
    memcpy(p + 48, &flags, 4);
}

int64_t sys_sendmsg(RtThread *t, const uint64_t *a)
{
    (void)t;
    struct msghdr h;
    struct iovec *v;
    int e = msg_in(a[1], false, &h, &v);
    if (e)
        return e;
    int64_t r = blocking_ret(syscall(SYS_sendmsg, (int)a[0], &h, (int)a[2]));
    free(v);
    return r;
}

int64_t sys_recvmsg(RtThread *t, const uint64_t *a)
{
    (void)t;
    struct msghdr h;
    struct iovec *v;
    int e = msg_in(a[1], true, &h, &v);
    if (e)
        return e;
    int64_t r = blocking_ret(syscall(SYS_recvmsg, (int)a[0], &h, (int)a[2]));
    if (r >= 0)
        msg_out(a[1], &h);
    free(v);
    return r;
}

/* sendmmsg(2) / recvmmsg(2): VLEN guest struct mmsghdr at G (at most
 * UIO_MAXIOV, like the kernel); TIMEOUT only for recvmmsg. */
static int64_t mmsg_common(int fd, uint64_t g, uint64_t vlen, int flags,
                           bool recv, uint64_t timeout)
{
    if (vlen > SYS_IOV_MAX)
        vlen = SYS_IOV_MAX;
    if (!vlen)
        return 0;
    bool bad = false;
    void *ts = recv ? sys_gbuf(timeout, 16, true, &bad) : NULL;
    if (bad || mem_prepare_write(g, vlen * GMMSG_SIZE))
        return -EFAULT;
    struct mmsghdr *h = calloc(vlen, sizeof *h);
    struct iovec **v = calloc(vlen, sizeof *v);
    int64_t r = h && v ? 0 : -ENOMEM;
    for (uint64_t i = 0; i < vlen && r == 0; i++)
        r = msg_in(g + i * GMMSG_SIZE, recv, &h[i].msg_hdr, &v[i]);
    if (r == 0)
        r = blocking_ret(recv ? syscall(SYS_recvmmsg, fd, h, (unsigned)vlen,
                                        flags, ts)
                              : syscall(SYS_sendmmsg, fd, h, (unsigned)vlen,
                                        flags));
    for (int64_t i = 0; i < r; i++) {
        uint64_t gm = g + (uint64_t)i * GMMSG_SIZE;
        if (recv)
            msg_out(gm, &h[i].msg_hdr);
        memcpy((uint8_t *)g2h(gm) + GMSG_SIZE, &h[i].msg_len, 4);
    }
    for (uint64_t i = 0; v && i < vlen; i++)
        free(v[i]);
    free(v);
    free(h);
    return r;
}

int64_t sys_sendmmsg(RtThread *t, const uint64_t *a)
{
    (void)t;
    return mmsg_common((int)a[0], a[1], (uint32_t)a[2], (int)a[3], false, 0);
}

int64_t sys_recvmmsg(RtThread *t, const uint64_t *a)
{
    (void)t;
    return mmsg_common((int)a[0], a[1], (uint32_t)a[2], (int)a[3], true, a[4]);
}
