/* Large stack arrays: a 4 MiB local array touched from the top down (the
 * stack grows page by page below the initial mapping), alloca and VLAs of
 * a few hundred KiB, and a recursion touching 64 KiB frames. */
#include <alloca.h>
#include <stdio.h>
#include <string.h>

static unsigned long __attribute__((noinline)) big(void)
{
    volatile unsigned char a[4 << 20];
    for (long i = sizeof a - 1; i >= 0; i -= 4096)
        a[i] = (unsigned char)i;
    unsigned long s = 0;
    for (long i = 0; i < (long)sizeof a; i += 4096)
        s += a[i + 4095];
    return s;
}

static unsigned long __attribute__((noinline)) vla(int n)
{
    char v[n];
    memset(v, 1, n);
    char *al = alloca(n / 2);
    memset(al, 2, n / 2);
    unsigned long s = 0;
    for (int i = 0; i < n; i += 1000)
        s += v[i] + (i < n / 2 ? al[i] : 0);
    return s;
}

static unsigned long __attribute__((noinline)) frames(int d)
{
    volatile char f[65536];
    f[0] = (char)d;
    f[65535] = (char)(d * 3);
    if (d == 0)
        return 0;
    return frames(d - 1) + f[0] + f[65535];
}

int main(void)
{
    printf("big: %lu\n", big());
    printf("vla: %lu\n", vla(300000));
    printf("frames: %lu\n", frames(40));
    return 0;
}
