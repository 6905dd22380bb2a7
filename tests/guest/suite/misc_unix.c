/* AF_UNIX stream server and client in one process: abstract and
 * filesystem addresses, non-blocking connect and accept4, getsockname,
 * getpeername, sendto/recvfrom on datagram sockets with addresses. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static int fails;

static void check(int ok, const char *what)
{
    printf("%s: %s\n", what, ok ? "ok" : "FAIL");
    fails += !ok;
}

int main(void)
{
    struct sockaddr_un a;
    memset(&a, 0, sizeof a);
    a.sun_family = AF_UNIX;
    /* abstract name, unique per process */
    int nl = snprintf(a.sun_path + 1, sizeof a.sun_path - 1,
                      "rvtcg-misc-unix-%d", (int)getpid());
    socklen_t alen = offsetof(struct sockaddr_un, sun_path) + 1 + nl;
    int srv = socket(AF_UNIX, SOCK_STREAM, 0);
    check(srv >= 0, "socket");
    check(bind(srv, (struct sockaddr *)&a, alen) == 0, "bind abstract");
    check(listen(srv, 4) == 0, "listen");
    struct sockaddr_un got;
    socklen_t glen = sizeof got;
    check(getsockname(srv, (struct sockaddr *)&got, &glen) == 0 &&
              glen == alen && !memcmp(&got, &a, alen), "getsockname");

    int cli = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
    check(connect(cli, (struct sockaddr *)&a, alen) == 0, "connect");
    struct sockaddr_un peer;
    socklen_t plen = sizeof peer;
    int conn = accept4(srv, (struct sockaddr *)&peer, &plen, SOCK_CLOEXEC);
    check(conn >= 0, "accept4");
    check(plen == sizeof(sa_family_t), "unnamed peer");
    check((fcntl(conn, F_GETFD) & FD_CLOEXEC) != 0, "SOCK_CLOEXEC");
    glen = sizeof got;
    check(getpeername(cli, (struct sockaddr *)&got, &glen) == 0 &&
              glen == alen, "getpeername");
    check(write(cli, "ping", 4) == 4, "client write");
    char buf[16] = { 0 };
    check(read(conn, buf, sizeof buf) == 4 && !strcmp(buf, "ping"),
          "server read");
    check(write(conn, "pong", 4) == 4 && read(cli, buf, 4) == 4 &&
              !memcmp(buf, "pong", 4), "reply");
    close(conn);
    close(cli);

    int srv2 = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
    struct sockaddr_un b = a;
    b.sun_path[1] ^= 1;
    bind(srv2, (struct sockaddr *)&b, alen);
    listen(srv2, 1);
    check(accept(srv2, NULL, NULL) == -1 && errno == EAGAIN,
          "nonblocking accept EAGAIN");
    close(srv2);
    check(connect(socket(AF_UNIX, SOCK_STREAM, 0), (struct sockaddr *)&b,
                  alen) == -1 && errno == ECONNREFUSED, "ECONNREFUSED");

    /* filesystem socket in the working directory */
    char path[64];
    snprintf(path, sizeof path, "misc_unix_%d.sock", (int)getpid());
    struct sockaddr_un f = { .sun_family = AF_UNIX };
    strcpy(f.sun_path, path);
    int d1 = socket(AF_UNIX, SOCK_DGRAM, 0);
    int d2 = socket(AF_UNIX, SOCK_DGRAM, 0);
    check(bind(d1, (struct sockaddr *)&f, sizeof f) == 0, "bind path");
    check(access(path, F_OK) == 0, "socket file exists");
    check(sendto(d2, "dgram", 5, 0, (struct sockaddr *)&f, sizeof f) == 5,
          "sendto");
    struct sockaddr_un from;
    socklen_t flen = sizeof from;
    check(recvfrom(d1, buf, sizeof buf, 0, (struct sockaddr *)&from,
                   &flen) == 5 && !memcmp(buf, "dgram", 5), "recvfrom");
    printf("unnamed sender address length %u\n", (unsigned)flen);
    check(bind(d2, (struct sockaddr *)&f, sizeof f) == -1 &&
              errno == EADDRINUSE, "EADDRINUSE");
    unlink(path);
    check(bind(d2, (struct sockaddr *)&f, 1) == -1 && errno == EINVAL,
          "short address EINVAL");
    check(connect(d2, (struct sockaddr *)8, sizeof f) == -1 &&
              errno == EFAULT, "EFAULT");
    return fails != 0;
}
