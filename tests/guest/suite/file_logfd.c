/* The guest cannot close rvtcg's own descriptors: run with rvtcg -D FILE
 * (an open log file), closing every descriptor above 2 must behave as
 * if only the guest's were there (qemu-riscv64 has none open). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    int closed = 0, ebadf = 0;
    for (int fd = 3; fd < 64; fd++) {
        if (close(fd) == 0)
            closed++;
        else if (errno == EBADF)
            ebadf++;
    }
    printf("closed %d ebadf %d\n", closed, ebadf);
    int dups = 0;
    for (int fd = 3; fd < 64; fd++)
        if (fcntl(fd, F_GETFD) >= 0 || dup(fd) >= 0)
            dups++;
    printf("usable %d\n", dups);
    printf("close_range %ld\n", syscall(SYS_close_range, 3, ~0U, 0));
    int fd = open("out.txt", O_CREAT | O_WRONLY | O_TRUNC, 0644);
    printf("write %ld\n", (long)write(fd, "still works\n", 12));
    printf("close %d\n", close(fd));
    return 0;
}
