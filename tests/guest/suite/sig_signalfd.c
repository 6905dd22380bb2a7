/* signalfd(2): blocked signals are read from a signalfd (signo, code,
 * pid check, sigqueue value), in order; poll sees it readable; a
 * non-blocking one with nothing pending fails with EAGAIN; changing the
 * mask of an existing signalfd. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <sys/signalfd.h>
#include <unistd.h>

static void show(int fd)
{
    struct signalfd_siginfo ssi;
    ssize_t n = read(fd, &ssi, sizeof ssi);
    if (n != sizeof ssi) {
        printf("read %zd %s\n", n, n < 0 && errno == EAGAIN ? "EAGAIN" : "?");
        return;
    }
    printf("signo %u code %d pid ok %d int %d\n", ssi.ssi_signo, ssi.ssi_code,
           ssi.ssi_pid == (unsigned)getpid(), ssi.ssi_int);
}

int main(void)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGUSR2);
    sigprocmask(SIG_BLOCK, &set, NULL);
    int fd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
    if (fd < 0) {
        perror("signalfd");
        return 1;
    }
    show(fd);
    raise(SIGUSR2);
    union sigval v = { .sival_int = 7 };
    sigqueue(getpid(), SIGUSR1, v);
    struct pollfd p = { .fd = fd, .events = POLLIN };
    printf("poll %d revents %#x\n", poll(&p, 1, 1000), p.revents);
    show(fd);
    show(fd);
    show(fd);

    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    printf("same fd: %d\n", signalfd(fd, &set, 0) == fd);
    raise(SIGUSR1);               /* blocked, not in the fd's mask */
    raise(SIGUSR2);
    show(fd);
    show(fd);
    sigset_t pend;
    sigpending(&pend);
    printf("SIGUSR1 still pending: %d\n", sigismember(&pend, SIGUSR1));
    return 0;
}
