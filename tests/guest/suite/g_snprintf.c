/* snprintf truncation and return values, sprintf into buffers, sscanf
 * with many conversions, asprintf, vsnprintf through a wrapper. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int wrap(char *buf, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vsnprintf(buf, n, fmt, ap);
    va_end(ap);
    return r;
}

int main(void)
{
    char buf[16];
    for (size_t n = 0; n <= 16; n += 4) {
        memset(buf, '#', sizeof buf);
        int r = snprintf(buf, n, "%s-%d", "abcdefghij", 12345);
        printf("n=%2zu r=%d buf=[%.16s]\n", n, r, n ? buf : "(untouched)");
    }
    printf("vsnprintf: %d [%s]\n", wrap(buf, sizeof buf, "%05.1f|%x", 3.14159, 255u), buf);
    char *p;
    int r = asprintf(&p, "%s %d %c %.2e", "asprintf", -7, 'z', 12345.678);
    printf("asprintf %d [%s]\n", r, p);
    free(p);

    int a, n;
    unsigned x;
    double d;
    char word[20], rest[20];
    int c = sscanf("  42 0x1F 2.5e3 word rest-of-it", "%d %x %lf %19s %19[^\n]%n", &a, &x,
                   &d, word, rest, &n);
    printf("sscanf %d: %d %u %g [%s] [%s] consumed %d\n", c, a, x, d, word, rest, n);
    c = sscanf("12:34:56", "%d:%d:%d", &a, &n, (int *)&x);
    printf("time %d -> %d %d %u\n", c, a, n, x);
    c = sscanf("abc", "%d", &a);
    printf("no number: %d\n", c);
    c = sscanf("", "%d", &a);
    printf("empty: %d\n", c);
    char big[200];
    sprintf(big, "%-20s|%20s|%.*s", "left", "right", 3, "cut-here");
    printf("%s (%zu)\n", big, strlen(big));
    return 0;
}
