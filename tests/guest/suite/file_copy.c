/* sendfile, copy_file_range, splice, tee. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/sendfile.h>
#include <unistd.h>

#define CHECK(x) do { long r_ = (long)(x); printf("%-50s = %ld%s%s\n", #x, r_, \
    r_ < 0 ? " " : "", r_ < 0 ? strerror(errno) : ""); } while (0)

int main(void)
{
    int src = open("src.txt", O_CREAT | O_RDWR, 0644);
    for (int i = 0; i < 500; i++)
        dprintf(src, "source line %d\n", i);
    int dst = open("sendfile.txt", O_CREAT | O_WRONLY, 0644);
    off_t off = 100;
    CHECK(sendfile(dst, src, &off, 50));
    printf("off %ld pos %ld\n", (long)off, (long)lseek(src, 0, SEEK_CUR));
    lseek(src, 0, SEEK_SET);
    CHECK(sendfile(dst, src, NULL, 30));
    printf("pos %ld\n", (long)lseek(src, 0, SEEK_CUR));
    CHECK(sendfile(dst, src, (off_t *)8, 30));
    CHECK(sendfile(99, src, NULL, 30));
    close(dst);

    dst = open("cfr.txt", O_CREAT | O_WRONLY, 0644);
    loff_t in = 1000, out = 0;
    CHECK(copy_file_range(src, &in, dst, &out, 200, 0));
    printf("in %ld out %ld\n", (long)in, (long)out);
    lseek(src, 0, SEEK_SET);
    CHECK(copy_file_range(src, NULL, dst, NULL, 40, 0));
    CHECK(copy_file_range(src, NULL, dst, NULL, 40, 1));
    close(dst);

    int p[2], p2[2];
    pipe(p);
    pipe(p2);
    loff_t so = 20;
    CHECK(splice(src, &so, p[1], NULL, 25, 0));
    printf("so %ld\n", (long)so);
    CHECK(tee(p[0], p2[1], 100, 0));
    char buf[64];
    memset(buf, 0, sizeof buf);
    CHECK(read(p2[0], buf, sizeof buf));
    printf("tee: %s\n", buf);
    dst = open("splice.txt", O_CREAT | O_WRONLY, 0644);
    CHECK(splice(p[0], NULL, dst, NULL, 100, 0));
    close(dst);
    close(src);
    return 0;
}
