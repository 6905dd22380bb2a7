/* sendmsg/recvmsg: scatter/gather iovecs, SCM_RIGHTS passing two fds
 * (a pipe's ends, then used), SCM_CREDENTIALS with SO_PASSCRED,
 * sendmmsg/recvmmsg, a socket filter.  Not compared, since qemu-riscv64
 * 7.2 gets them wrong: MSG_CTRUNC, SO_DETACH_FILTER. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <linux/filter.h>
#include <unistd.h>

static int fails;

static void check(int ok, const char *what)
{
    printf("%s: %s\n", what, ok ? "ok" : "FAIL");
    fails += !ok;
}

int main(void)
{
    int sv[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    int p[2];
    pipe(p);

    char a[] = "scatter", b[] = "-gather";
    struct iovec iov[2] = { { a, 7 }, { b, 7 } };
    union {
        char buf[CMSG_SPACE(2 * sizeof(int))];
        struct cmsghdr align;
    } ctl;
    memset(&ctl, 0, sizeof ctl);
    struct msghdr m = { .msg_iov = iov, .msg_iovlen = 2,
                        .msg_control = ctl.buf,
                        .msg_controllen = sizeof ctl.buf };
    struct cmsghdr *c = CMSG_FIRSTHDR(&m);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(2 * sizeof(int));
    memcpy(CMSG_DATA(c), p, sizeof p);
    check(sendmsg(sv[0], &m, 0) == 14, "sendmsg with fds");

    char r1[5], r2[20] = { 0 };
    struct iovec riov[2] = { { r1, 5 }, { r2, 19 } };
    union {
        char buf[CMSG_SPACE(2 * sizeof(int))];
        struct cmsghdr align;
    } rctl;
    struct msghdr rm = { .msg_iov = riov, .msg_iovlen = 2,
                         .msg_control = rctl.buf,
                         .msg_controllen = sizeof rctl.buf };
    check(recvmsg(sv[1], &rm, MSG_CMSG_CLOEXEC) == 14, "recvmsg");
    check(!memcmp(r1, "scatt", 5) && !strcmp(r2, "er-gather"), "iov split");
    struct cmsghdr *rc = CMSG_FIRSTHDR(&rm);
    check(rc && rc->cmsg_level == SOL_SOCKET && rc->cmsg_type == SCM_RIGHTS &&
              rc->cmsg_len == CMSG_LEN(2 * sizeof(int)), "cmsg header");
    check(rm.msg_controllen == CMSG_SPACE(2 * sizeof(int)), "controllen");
    printf("msg_flags %#x\n", rm.msg_flags);
    int fds[2];
    memcpy(fds, CMSG_DATA(rc), sizeof fds);
    check(fds[0] != p[0] && fds[1] != p[1], "new fd numbers");
    check(write(fds[1], "via", 3) == 3, "write passed fd");
    char t[4] = { 0 };
    check(read(p[0], t, 3) == 3 && !strcmp(t, "via"), "same pipe");


    /* credentials */
    int one = 1;
    check(setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &one, sizeof one) == 0,
          "SO_PASSCRED");
    write(sv[0], "c", 1);
    union {
        char buf[CMSG_SPACE(sizeof(struct ucred))];
        struct cmsghdr align;
    } cctl;
    rm.msg_control = cctl.buf;
    rm.msg_controllen = sizeof cctl.buf;
    riov[0].iov_len = 1;
    rm.msg_iovlen = 1;
    check(recvmsg(sv[1], &rm, 0) == 1, "recv creds");
    rc = CMSG_FIRSTHDR(&rm);
    struct ucred cr;
    if (rc && rc->cmsg_type == SCM_CREDENTIALS) {
        memcpy(&cr, CMSG_DATA(rc), sizeof cr);
        check(cr.pid == getpid() && cr.uid == getuid() && cr.gid == getgid(),
              "credentials match");
    } else {
        check(0, "credentials present");
    }

    /* datagrams with names; sendmmsg/recvmmsg */
    int d[2];
    socketpair(AF_UNIX, SOCK_DGRAM, 0, d);
    struct mmsghdr mm[3];
    struct iovec mi[3];
    char *words[3] = { "alpha", "be", "gamma!" };
    memset(mm, 0, sizeof mm);
    for (int i = 0; i < 3; i++) {
        mi[i].iov_base = words[i];
        mi[i].iov_len = strlen(words[i]);
        mm[i].msg_hdr.msg_iov = &mi[i];
        mm[i].msg_hdr.msg_iovlen = 1;
    }
    check(sendmmsg(d[0], mm, 3, 0) == 3, "sendmmsg");
    check(mm[0].msg_len == 5 && mm[1].msg_len == 2 && mm[2].msg_len == 6,
          "sendmmsg lengths");
    char rb[3][16];
    struct iovec ri[3];
    memset(mm, 0, sizeof mm);
    for (int i = 0; i < 3; i++) {
        ri[i].iov_base = rb[i];
        ri[i].iov_len = 16;
        mm[i].msg_hdr.msg_iov = &ri[i];
        mm[i].msg_hdr.msg_iovlen = 1;
    }
    check(recvmmsg(d[1], mm, 3, MSG_DONTWAIT, NULL) == 3, "recvmmsg");
    check(mm[0].msg_len == 5 && mm[2].msg_len == 6 &&
              !memcmp(rb[2], "gamma!", 6), "recvmmsg data");
    /* a classic BPF filter (struct sock_fprog holds a pointer) that
     * keeps the first 2 bytes of each datagram */
    struct sock_filter code[1] = { BPF_STMT(BPF_RET | BPF_K, 2) };
    struct sock_fprog prog = { 1, code };
    check(setsockopt(d[1], SOL_SOCKET, SO_ATTACH_FILTER, &prog,
                     sizeof prog) == 0, "SO_ATTACH_FILTER");
    send(d[0], "filtered", 8, 0);
    check(recv(d[1], rb[0], 16, MSG_DONTWAIT) == 2, "filter truncates");

    struct msghdr bad = { .msg_iov = (struct iovec *)8, .msg_iovlen = 1 };
    check(sendmsg(d[0], &bad, 0) == -1 && errno == EFAULT, "EFAULT iov");
    bad.msg_iovlen = 5000;
    check(sendmsg(d[0], &bad, 0) == -1 && errno == EMSGSIZE, "EMSGSIZE");
    return fails != 0;
}
