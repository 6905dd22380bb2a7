/* Directory and file-system calls in the working directory (run with
 * `files`): mkdir, nested creation, open with O_CREAT|O_EXCL, write/
 * lseek/pread/pwrite, stat sizes and types, readdir (sorted before
 * printing), symlink/readlink, link counts, rename over an existing
 * file, unlink, rmdir of a non-empty directory (ENOTEMPTY), chmod,
 * truncate and access. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void list(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) { printf("opendir %s: %s\n", dir, strerror(errno)); return; }
    char *names[64];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 64)
        names[n++] = strdup(e->d_name);
    closedir(d);
    qsort(names, n, sizeof names[0], cmp);
    printf("%s:", dir);
    for (int i = 0; i < n; i++) {
        char path[256];
        struct stat st;
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        lstat(path, &st);
        printf(" %s(%c%lld)", names[i], S_ISDIR(st.st_mode) ? 'd' : S_ISLNK(st.st_mode) ? 'l' : 'f',
               S_ISDIR(st.st_mode) ? 0LL : (long long)st.st_size);
        free(names[i]);
    }
    printf("\n");
}

int main(void)
{
    umask(022);
    printf("mkdir: %d\n", mkdir("top", 0755));
    printf("mkdir again: %d %s\n", mkdir("top", 0755), strerror(errno));
    mkdir("top/sub", 0700);
    int fd = open("top/file.txt", O_CREAT | O_EXCL | O_WRONLY, 0644);
    printf("O_EXCL on existing: %d %s\n", open("top/file.txt", O_CREAT | O_EXCL | O_WRONLY, 0644),
           strerror(errno));
    write(fd, "0123456789", 10);
    lseek(fd, 100, SEEK_SET);
    write(fd, "end", 3);
    pwrite(fd, "AB", 2, 4);
    close(fd);
    fd = open("top/file.txt", O_RDONLY);
    char buf[16] = { 0 };
    pread(fd, buf, 10, 0);
    struct stat st;
    fstat(fd, &st);
    printf("contents %s size %lld mode %o nlink %ld\n", buf, (long long)st.st_size,
           (unsigned)(st.st_mode & 07777), (long)st.st_nlink);
    char hole[4];
    pread(fd, hole, 4, 50);
    printf("hole bytes: %d %d\n", hole[0], hole[3]);
    close(fd);
    symlink("file.txt", "top/link");
    char target[64] = { 0 };
    printf("readlink %zd %s\n", readlink("top/link", target, sizeof target - 1), target);
    link("top/file.txt", "top/sub/hard");
    stat("top/file.txt", &st);
    printf("nlink after link: %ld\n", (long)st.st_nlink);
    FILE *f = fopen("top/other", "w");
    fputs("other contents\n", f);
    fclose(f);
    printf("rename over existing: %d\n", rename("top/other", "top/sub/hard"));
    stat("top/file.txt", &st);
    printf("nlink after rename: %ld\n", (long)st.st_nlink);
    printf("rmdir non-empty: %d %s\n", rmdir("top/sub"), strerror(errno));
    printf("chmod: %d\n", chmod("top/file.txt", 0600));
    printf("truncate: %d\n", truncate("top/file.txt", 5));
    printf("access R_OK %d, missing %d %s\n", access("top/file.txt", R_OK), access("top/nope", F_OK),
           strerror(errno));
    mkdir("top/empty", 0755);
    printf("rmdir empty: %d\n", rmdir("top/empty"));
    printf("unlink dir: %d %s\n", unlink("top/sub"), strerror(errno));
    list("top");
    list("top/sub");
    list("missing");
    char cwdbuf[4096];
    printf("getcwd ok: %d\n", getcwd(cwdbuf, sizeof cwdbuf) != NULL);
    printf("chdir top: %d\n", chdir("top"));
    fd = open("created-after-chdir", O_CREAT | O_WRONLY, 0640);
    write(fd, "x", 1);
    close(fd);
    return 0;
}
