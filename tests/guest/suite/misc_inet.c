/* AF_INET and AF_INET6 on loopback: bind to port 0, getsockname gives
 * the port, TCP connect/accept/exchange, getpeername, SO_REUSEADDR,
 * TCP_NODELAY, UDP sendto/recvfrom, connect refused. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int fails;

static void check(int ok, const char *what)
{
    printf("%s: %s\n", what, ok ? "ok" : "FAIL");
    fails += !ok;
}

static void tcp4(void)
{
    int srv = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1, v = 0;
    socklen_t len = sizeof v;
    check(setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) == 0 &&
              getsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &v, &len) == 0 &&
              v == 1, "SO_REUSEADDR");
    struct sockaddr_in a = { .sin_family = AF_INET,
                             .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    check(bind(srv, (struct sockaddr *)&a, sizeof a) == 0, "bind port 0");
    len = sizeof a;
    check(getsockname(srv, (struct sockaddr *)&a, &len) == 0 &&
              len == sizeof a && a.sin_port != 0 &&
              a.sin_addr.s_addr == htonl(INADDR_LOOPBACK), "port assigned");
    check(listen(srv, 8) == 0, "listen");
    int cli = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    check(connect(cli, (struct sockaddr *)&a, sizeof a) == 0, "connect");
    struct sockaddr_in peer, me;
    socklen_t plen = sizeof peer, mlen = sizeof me;
    int conn = accept(srv, (struct sockaddr *)&peer, &plen);
    check(conn >= 0 && plen == sizeof peer, "accept");
    getsockname(cli, (struct sockaddr *)&me, &mlen);
    check(peer.sin_port == me.sin_port &&
              peer.sin_addr.s_addr == htonl(INADDR_LOOPBACK), "peer address");
    check(setsockopt(cli, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) == 0,
          "TCP_NODELAY");
    char big[100000];
    memset(big, 'z', sizeof big);
    ssize_t sent = 0;
    while (sent < (ssize_t)sizeof big) {
        ssize_t n = send(cli, big + sent, sizeof big - sent, 0);
        if (n <= 0)
            break;
        sent += n;
        if (sent > 50000)
            break;
    }
    char buf[4096];
    ssize_t got = 0;
    while (got < sent) {
        ssize_t n = recv(conn, buf, sizeof buf, 0);
        if (n <= 0)
            break;
        got += n;
    }
    check(got == sent && sent > 0, "bulk transfer");
    shutdown(cli, SHUT_WR);
    check(recv(conn, buf, sizeof buf, 0) == 0, "EOF");
    close(conn);
    close(cli);
    close(srv);
    int c2 = socket(AF_INET, SOCK_STREAM, 0);
    check(connect(c2, (struct sockaddr *)&a, sizeof a) == -1 &&
              errno == ECONNREFUSED, "ECONNREFUSED");
    close(c2);
}

static void udp4(void)
{
    int s1 = socket(AF_INET, SOCK_DGRAM, 0);
    int s2 = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in a = { .sin_family = AF_INET,
                             .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    socklen_t len = sizeof a;
    check(bind(s1, (struct sockaddr *)&a, sizeof a) == 0 &&
              getsockname(s1, (struct sockaddr *)&a, &len) == 0, "udp bind");
    check(sendto(s2, "datagram", 8, 0, (struct sockaddr *)&a, sizeof a) == 8,
          "udp sendto");
    char buf[16];
    struct sockaddr_in from;
    socklen_t flen = sizeof from;
    check(recvfrom(s1, buf, sizeof buf, 0, (struct sockaddr *)&from, &flen) ==
              8 && !memcmp(buf, "datagram", 8), "udp recvfrom");
    struct sockaddr_in s2a;
    socklen_t s2len = sizeof s2a;
    getsockname(s2, (struct sockaddr *)&s2a, &s2len);
    check(flen == sizeof from && from.sin_port == s2a.sin_port, "udp source");
    close(s1);
    close(s2);
}

static void tcp6(void)
{
    int srv = socket(AF_INET6, SOCK_STREAM, 0);
    if (srv < 0) {
        printf("ipv6: socket errno %d\n", errno);
        return;
    }
    struct sockaddr_in6 a = { .sin6_family = AF_INET6,
                              .sin6_addr = IN6ADDR_LOOPBACK_INIT };
    if (bind(srv, (struct sockaddr *)&a, sizeof a) != 0) {
        printf("ipv6: bind errno %d\n", errno);
        return;
    }
    socklen_t len = sizeof a;
    check(getsockname(srv, (struct sockaddr *)&a, &len) == 0 &&
              len == sizeof a && a.sin6_port != 0, "v6 port assigned");
    listen(srv, 1);
    int cli = socket(AF_INET6, SOCK_STREAM, 0);
    check(connect(cli, (struct sockaddr *)&a, sizeof a) == 0, "v6 connect");
    int conn = accept(srv, NULL, NULL);
    check(conn >= 0, "v6 accept");
    char buf[8];
    check(send(conn, "six", 3, 0) == 3 && recv(cli, buf, 8, 0) == 3,
          "v6 exchange");
    close(conn);
    close(cli);
    close(srv);
}

int main(void)
{
    tcp4();
    udp4();
    tcp6();
    check(socket(12345, SOCK_STREAM, 0) == -1 && errno == EAFNOSUPPORT,
          "EAFNOSUPPORT");
    return fails != 0;
}
