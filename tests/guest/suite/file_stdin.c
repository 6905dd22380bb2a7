/* Counts lines, words and bytes of standard input (a file), then reads
 * it again through lseek and fstat. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
    char buf[7];
    long lines = 0, words = 0, bytes = 0, sum = 0;
    int inword = 0;
    ssize_t n;
    while ((n = read(0, buf, sizeof buf)) > 0) {
        for (ssize_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)buf[i];
            bytes++;
            sum = sum * 31 + c;
            sum &= 0xffffffff;
            if (c == '\n')
                lines++;
            if (isspace(c))
                inword = 0;
            else if (!inword) {
                inword = 1;
                words++;
            }
        }
    }
    printf("%ld %ld %ld %lx (last read %ld)\n", lines, words, bytes, sum, (long)n);
    struct stat s;
    fstat(0, &s);
    printf("regular %d size %ld\n", S_ISREG(s.st_mode), (long)s.st_size);
    printf("seek %ld\n", (long)lseek(0, 10, SEEK_SET));
    char line[256];
    if (fgets(line, sizeof line, stdin))
        printf("from 10: %s", line);
    printf("isatty %d %s\n", isatty(0), strerror(errno));
    return 0;
}
