/* AF_UNIX sockets: a socketpair between parent and child exchanging
 * request/response messages, a descriptor passed with SCM_RIGHTS in
 * sendmsg, SOCK_DGRAM message boundaries, shutdown, and getsockopt
 * SO_TYPE. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) { perror("socketpair"); return 1; }
    pid_t pid = fork();
    if (pid == 0) {
        close(sv[0]);
        char buf[64];
        ssize_t n;
        while ((n = read(sv[1], buf, sizeof buf)) > 0) {   /* swap letter case */
            for (ssize_t i = 0; i < n; i++)
                buf[i] = isupper((unsigned char)buf[i]) ? tolower((unsigned char)buf[i])
                                                         : toupper((unsigned char)buf[i]);
            write(sv[1], buf, n);
        }
        int fds[2];
        pipe(fds);
        write(fds[1], "through passed fd", 17);
        struct msghdr mh = { 0 };
        char data = 'F';
        struct iovec iov = { &data, 1 };
        char ctl[CMSG_SPACE(sizeof(int))];
        memset(ctl, 0, sizeof ctl);
        mh.msg_iov = &iov;
        mh.msg_iovlen = 1;
        mh.msg_control = ctl;
        mh.msg_controllen = sizeof ctl;
        struct cmsghdr *cm = CMSG_FIRSTHDR(&mh);
        cm->cmsg_level = SOL_SOCKET;
        cm->cmsg_type = SCM_RIGHTS;
        cm->cmsg_len = CMSG_LEN(sizeof(int));
        memcpy(CMSG_DATA(cm), &fds[0], sizeof(int));
        sendmsg(sv[1], &mh, 0);
        _exit(0);
    }
    close(sv[1]);
    const char *msgs[] = { "hello", "Mixed Case", "12345" };
    for (int i = 0; i < 3; i++) {
        char buf[64] = { 0 };
        size_t len = strlen(msgs[i]), got = 0;
        write(sv[0], msgs[i], len);
        while (got < len) {          /* a stream may return the reply in pieces */
            ssize_t n = read(sv[0], buf + got, len - got);
            if (n <= 0) break;
            got += n;
        }
        printf("sent %s got %.*s\n", msgs[i], (int)got, buf);
    }
    shutdown(sv[0], SHUT_WR);
    struct msghdr mh = { 0 };
    char data;
    struct iovec iov = { &data, 1 };
    char ctl[CMSG_SPACE(sizeof(int))];
    mh.msg_iov = &iov;
    mh.msg_iovlen = 1;
    mh.msg_control = ctl;
    mh.msg_controllen = sizeof ctl;
    ssize_t n = recvmsg(sv[0], &mh, 0);
    struct cmsghdr *cm = CMSG_FIRSTHDR(&mh);
    if (n == 1 && cm && cm->cmsg_type == SCM_RIGHTS) {
        int fd;
        memcpy(&fd, CMSG_DATA(cm), sizeof fd);
        char buf[32] = { 0 };
        read(fd, buf, sizeof buf - 1);
        printf("SCM_RIGHTS data %c, read from passed fd: %s\n", data, buf);
    } else {
        printf("recvmsg: %zd, no descriptor\n", n);
    }
    int st;
    waitpid(pid, &st, 0);
    printf("child status %d\n", WEXITSTATUS(st));

    int dg[2];
    socketpair(AF_UNIX, SOCK_DGRAM, 0, dg);
    send(dg[0], "one", 3, 0);
    send(dg[0], "second", 6, 0);
    char b[32];
    ssize_t a1 = recv(dg[1], b, sizeof b, 0);
    ssize_t a2 = recv(dg[1], b, 2, 0);
    printf("datagrams: %zd then %zd (truncated)\n", a1, a2);
    int type;
    socklen_t len = sizeof type;
    getsockopt(dg[0], SOL_SOCKET, SO_TYPE, &type, &len);
    printf("SO_TYPE dgram: %d\n", type == SOCK_DGRAM);
    return 0;
}
