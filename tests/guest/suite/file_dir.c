/* Directories: mkdir, getdents64 (readdir, sorted), rename, renameat2,
 * unlink, rmdir, openat relative to a directory fd. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define CHECK(x) do { long r_ = (long)(x); printf("%-50s = %ld%s%s\n", #x, r_, \
    r_ < 0 ? " " : "", r_ < 0 ? strerror(errno) : ""); } while (0)

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        printf("opendir %s: %s\n", dir, strerror(errno));
        return;
    }
    char *names[256];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 256)
        names[n++] = strdup(e->d_name);
    closedir(d);
    qsort(names, n, sizeof *names, cmp);
    printf("%s:", dir);
    for (int i = 0; i < n; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");
}

int main(void)
{
    umask(022);
    CHECK(mkdir("top", 0755));
    CHECK(mkdir("top", 0755));
    CHECK(mkdir("top/sub", 0700));
    CHECK(mkdir("nope/sub", 0700));
    char name[32];
    for (int i = 0; i < 40; i++) {
        snprintf(name, sizeof name, "top/file%02d", i);
        int fd = open(name, O_CREAT | O_WRONLY, 0644);
        dprintf(fd, "%d\n", i);
        close(fd);
    }
    list("top");
    int dfd = open("top", O_RDONLY | O_DIRECTORY);
    CHECK(mkdirat(dfd, "made", 0750));
    CHECK(unlinkat(dfd, "file00", 0));
    CHECK(unlinkat(dfd, "file00", 0));
    CHECK(unlinkat(dfd, "sub", 0));
    CHECK(unlinkat(dfd, "sub", AT_REMOVEDIR));
    CHECK(rename("top/file01", "top/renamed"));
    CHECK(renameat(dfd, "file02", AT_FDCWD, "moved"));
    CHECK(renameat2(dfd, "file03", dfd, "file04", RENAME_NOREPLACE));
    CHECK(renameat2(dfd, "file05", dfd, "file06", RENAME_EXCHANGE));
    CHECK(rmdir("top"));
    CHECK(rmdir("top/made"));
    CHECK(rmdir("top/file07"));
    CHECK(unlink("top/made"));
    int fd = openat(dfd, "rel.txt", O_CREAT | O_WRONLY, 0600);
    CHECK(write(fd, "relative\n", 9));
    close(fd);
    CHECK(open("top", O_RDONLY | O_DIRECTORY) >= 0);
    CHECK(open("moved", O_RDONLY | O_DIRECTORY));
    for (int i = 8; i < 40; i += 3) {
        snprintf(name, sizeof name, "file%02d", i);
        unlinkat(dfd, name, 0);
    }
    list("top");
    list(".");
    /* raw getdents64 with a tiny buffer */
    char small[8];
    CHECK(syscall(SYS_getdents64, dfd, small, sizeof small));
    CHECK(syscall(SYS_getdents64, 99, small, sizeof small));
    CHECK(syscall(SYS_getdents64, dfd, (void *)8, 4096));
    close(dfd);
    return 0;
}
