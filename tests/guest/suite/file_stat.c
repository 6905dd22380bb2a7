/* stat/fstat/lstat/fstatat/statx/statfs: the deterministic fields. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

#define CHECK(x) do { long r_ = (long)(x); printf("%-50s = %ld%s%s\n", #x, r_, \
    r_ < 0 ? " " : "", r_ < 0 ? strerror(errno) : ""); } while (0)

static void show(const char *what, const struct stat *s)
{
    printf("%s: mode %o nlink %lu size %ld blksize>0 %d uid==getuid %d\n",
           what, s->st_mode, (unsigned long)s->st_nlink, (long)s->st_size,
           s->st_blksize > 0, s->st_uid == getuid());
}

int main(void)
{
    struct stat s, s2;
    umask(022);
    int fd = open("f.txt", O_CREAT | O_RDWR, 0640);
    write(fd, "0123456789", 10);
    CHECK(fstat(fd, &s));
    show("fstat", &s);
    CHECK(stat("f.txt", &s2));
    show("stat", &s2);
    printf("same ino/dev: %d\n", s.st_ino == s2.st_ino && s.st_dev == s2.st_dev);
    printf("mtime sane: %d\n", s.st_mtim.tv_sec > 1000000000 && s.st_mtim.tv_nsec < 1000000000);
    CHECK(mkdir("d", 0755));
    CHECK(stat("d", &s));
    show("dir", &s);
    CHECK(symlink("f.txt", "l"));
    CHECK(lstat("l", &s));
    show("lstat", &s);
    CHECK(stat("l", &s));
    show("stat link", &s);
    CHECK(fstatat(AT_FDCWD, "l", &s, AT_SYMLINK_NOFOLLOW));
    show("fstatat nofollow", &s);
    int dfd = open("d", O_RDONLY | O_DIRECTORY);
    close(openat(dfd, "inner", O_CREAT | O_WRONLY, 0600));
    CHECK(fstatat(dfd, "inner", &s, 0));
    show("fstatat dirfd", &s);
    CHECK(fstatat(fd, "", &s, AT_EMPTY_PATH));
    show("empty path", &s);
    CHECK(stat("missing", &s));
    CHECK(stat("f.txt/x", &s));
    CHECK(fstat(-1, &s));
    struct statx x;
    CHECK(statx(AT_FDCWD, "f.txt", 0, STATX_BASIC_STATS, &x));
    printf("statx: mask&basic %x mode %o nlink %u size %llu\n",
           x.stx_mask & STATX_BASIC_STATS, x.stx_mode, x.stx_nlink,
           (unsigned long long)x.stx_size);
    CHECK(statx(dfd, "inner", AT_SYMLINK_NOFOLLOW, STATX_SIZE | STATX_TYPE, &x));
    printf("statx: type %o size %llu\n", x.stx_mode & S_IFMT,
           (unsigned long long)x.stx_size);
    CHECK(statx(AT_FDCWD, "missing", 0, STATX_BASIC_STATS, &x));
    struct statfs f1, f2;
    CHECK(statfs(".", &f1));
    CHECK(fstatfs(fd, &f2));
    printf("statfs agree: %d bsize>0 %d namelen %ld\n",
           f1.f_type == f2.f_type && f1.f_bsize == f2.f_bsize,
           f1.f_bsize > 0, (long)f1.f_namelen);
    CHECK(stat("/dev/null", &s));
    printf("/dev/null: chr %d rdev %lx\n", S_ISCHR(s.st_mode), (unsigned long)s.st_rdev);
    close(fd);
    close(dfd);
    return 0;
}
