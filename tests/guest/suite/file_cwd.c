/* getcwd/chdir/fchdir: only relations between paths are printed (the
 * working directory differs between runs). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define CHECK(x) do { long r_ = (long)(x); printf("%-50s = %ld%s%s\n", #x, r_, \
    r_ < 0 ? " " : "", r_ < 0 ? strerror(errno) : ""); } while (0)

static const char *tail(const char *p, const char *base)
{
    size_t n = strlen(base);
    return strncmp(p, base, n) == 0 ? p + n : "(not below the start)";
}

int main(void)
{
    char start[PATH_MAX], cur[PATH_MAX];
    printf("getcwd ok %d\n", getcwd(start, sizeof start) != NULL);
    printf("absolute %d\n", start[0] == '/');
    long n = syscall(SYS_getcwd, cur, sizeof cur);
    printf("raw length matches %d\n", n == (long)strlen(start) + 1);
    CHECK(syscall(SYS_getcwd, cur, 2));
    CHECK(syscall(SYS_getcwd, (void *)8, sizeof cur));
    mkdir("a", 0755);
    mkdir("a/b", 0755);
    int top = open(".", O_RDONLY | O_DIRECTORY);
    CHECK(chdir("a/b"));
    getcwd(cur, sizeof cur);
    printf("now %s\n", tail(cur, start));
    int fd = open("here.txt", O_CREAT | O_WRONLY, 0644);
    write(fd, "in a/b\n", 7);
    close(fd);
    CHECK(chdir(".."));
    getcwd(cur, sizeof cur);
    printf("now %s\n", tail(cur, start));
    CHECK(chdir("missing"));
    CHECK(chdir("b/here.txt"));
    CHECK(fchdir(top));
    getcwd(cur, sizeof cur);
    printf("back %d\n", strcmp(cur, start) == 0);
    fd = open("a/b/here.txt", O_RDONLY);
    CHECK(fchdir(fd));
    CHECK(fchdir(99));
    close(fd);
    CHECK(chdir("/"));
    getcwd(cur, sizeof cur);
    printf("root %s\n", cur);
    CHECK(access("bin", F_OK) == 0 || access("usr", F_OK) == 0);
    CHECK(fchdir(top));
    fd = open("done.txt", O_CREAT | O_WRONLY, 0644);
    close(fd);
    close(top);
    return 0;
}
