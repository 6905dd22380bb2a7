/* AF_UNIX stream server and client in two processes (fork): the child
 * connects to the parent's listening socket (blocking accept and
 * connect), they exchange lines, the parent waits for the child. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

static int fails;

static void check(int ok, const char *what)
{
    printf("%s: %s\n", what, ok ? "ok" : "FAIL");
    fflush(stdout);
    fails += !ok;
}

int main(void)
{
    struct sockaddr_un a = { .sun_family = AF_UNIX };
    int nl = snprintf(a.sun_path + 1, sizeof a.sun_path - 1,
                      "rvtcg-misc-fork-%d", (int)getpid());
    socklen_t alen = sizeof(sa_family_t) + 1 + nl;
    int srv = socket(AF_UNIX, SOCK_STREAM, 0);
    check(bind(srv, (struct sockaddr *)&a, alen) == 0 && listen(srv, 1) == 0,
          "server ready");
    pid_t pid = fork();
    if (pid == 0) {
        close(srv);
        int c = socket(AF_UNIX, SOCK_STREAM, 0);
        if (connect(c, (struct sockaddr *)&a, alen) != 0)
            _exit(10);
        if (write(c, "from child", 10) != 10)
            _exit(11);
        char buf[16] = { 0 };
        if (read(c, buf, sizeof buf) != 11 || strcmp(buf, "from parent"))
            _exit(12);
        _exit(0);
    }
    check(pid > 0, "fork");
    int conn = accept(srv, NULL, NULL);
    check(conn >= 0, "accept");
    char buf[16] = { 0 };
    check(read(conn, buf, sizeof buf) == 10 && !strcmp(buf, "from child"),
          "parent read");
    check(write(conn, "from parent", 11) == 11, "parent write");
    int st;
    check(waitpid(pid, &st, 0) == pid && WIFEXITED(st) &&
              WEXITSTATUS(st) == 0, "child exit 0");
    check(read(conn, buf, sizeof buf) == 0, "EOF after child exit");
    return fails != 0;
}
