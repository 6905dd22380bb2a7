/* socketpair: stream and datagram exchange, shutdown, getsockopt SO_TYPE,
 * SO_DOMAIN, SO_ERROR, setsockopt SO_RCVBUF round trip, SO_RCVTIMEO,
 * MSG_PEEK, MSG_DONTWAIT, SOCK_NONBLOCK. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

static int fails;
static void *volatile bad_ptr = (void *)8;

static void check(int ok, const char *what)
{
    printf("%s: %s\n", what, ok ? "ok" : "FAIL");
    fails += !ok;
}

int main(void)
{
    int sv[2];
    check(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == 0,
          "stream pair");
    check(send(sv[0], "hello", 5, 0) == 5, "send");
    char buf[32];
    check(recv(sv[1], buf, sizeof buf, MSG_PEEK) == 5, "peek");
    memset(buf, 0, sizeof buf);
    check(read(sv[1], buf, sizeof buf) == 5 && !strcmp(buf, "hello"),
          "read");
    check(write(sv[1], "back", 4) == 4 && recv(sv[0], buf, 4, 0) == 4 &&
              !memcmp(buf, "back", 4), "other direction");
    check(recv(sv[0], buf, 4, MSG_DONTWAIT) == -1 && errno == EAGAIN,
          "MSG_DONTWAIT EAGAIN");

    int type = 0, dom = 0, err = -1;
    socklen_t len = sizeof type;
    check(getsockopt(sv[0], SOL_SOCKET, SO_TYPE, &type, &len) == 0 &&
              type == SOCK_STREAM && len == sizeof type, "SO_TYPE");
    len = sizeof dom;
    check(getsockopt(sv[0], SOL_SOCKET, SO_DOMAIN, &dom, &len) == 0 &&
              dom == AF_UNIX, "SO_DOMAIN");
    len = sizeof err;
    check(getsockopt(sv[0], SOL_SOCKET, SO_ERROR, &err, &len) == 0 &&
              err == 0, "SO_ERROR");
    int rb = 65536, rb2 = 0;
    len = sizeof rb2;
    check(setsockopt(sv[0], SOL_SOCKET, SO_RCVBUF, &rb, sizeof rb) == 0,
          "set SO_RCVBUF");
    check(getsockopt(sv[0], SOL_SOCKET, SO_RCVBUF, &rb2, &len) == 0 &&
              rb2 >= rb, "get SO_RCVBUF");
    struct timeval tv = { 0, 20000 }, tv2;
    check(setsockopt(sv[0], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) == 0,
          "set SO_RCVTIMEO");
    len = sizeof tv2;
    check(getsockopt(sv[0], SOL_SOCKET, SO_RCVTIMEO, &tv2, &len) == 0 &&
              len == sizeof tv2 && tv2.tv_sec == 0 && tv2.tv_usec >= 20000,
          "get SO_RCVTIMEO");
    check(recv(sv[0], buf, 4, 0) == -1 && errno == EAGAIN,
          "recv timeout EAGAIN");
    check(setsockopt(sv[0], SOL_SOCKET, SO_RCVBUF, &rb, 2) == -1 &&
              errno == EINVAL, "short optlen EINVAL");
    check(getsockopt(sv[0], SOL_SOCKET, 9999, &rb, &len) == -1 &&
              errno == ENOPROTOOPT, "ENOPROTOOPT");

    check(shutdown(sv[0], SHUT_WR) == 0, "shutdown");
    check(read(sv[1], buf, sizeof buf) == 0, "EOF after shutdown");
    close(sv[0]);
    close(sv[1]);

    check(socketpair(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK, 0, sv) == 0,
          "dgram pair");
    send(sv[0], "one", 3, 0);
    send(sv[0], "two!", 4, 0);
    check(recv(sv[1], buf, sizeof buf, 0) == 3, "datagram 1");
    check(recv(sv[1], buf, 2, 0) == 2, "datagram 2 truncated");
    check(recv(sv[1], buf, sizeof buf, 0) == -1 && errno == EAGAIN,
          "nonblock EAGAIN");
    check(socketpair(AF_INET, SOCK_STREAM, 0, sv) == -1 &&
              errno == EOPNOTSUPP, "AF_INET pair EOPNOTSUPP");
    check(socketpair(AF_UNIX, SOCK_STREAM, 0, bad_ptr) == -1 &&
              errno == EFAULT, "EFAULT");
    return fails != 0;
}
