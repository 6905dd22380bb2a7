/* brk(2) through sbrk and the raw system call: the break starts page
 * aligned after the image, grows (new memory reads zero), shrinks, and a
 * regrown range reads zero again; an absurd request is refused. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static uintptr_t raw_brk(uintptr_t want)
{
    return (uintptr_t)syscall(SYS_brk, want);
}

int main(void)
{
    /* sbrk, before the raw calls (glibc keeps its own copy of the break) */
    char *s0 = sbrk(0);
    char *more = sbrk(1 << 20);
    memset(more, 1, 1 << 20);
    printf("sbrk grow: %d %d\n", more == s0, (char *)sbrk(0) == s0 + (1 << 20));
    /* many small mallocs (glibc's main arena grows by brk) */
    long total = 0;
    for (int i = 0; i < 10000; i++) {
        char *m = malloc(100 + i % 50);
        m[0] = 1;
        total += m[0];
    }
    printf("mallocs %ld\n", total);
    uintptr_t b0 = raw_brk(0);
    extern char _end[];
    printf("start after image: %d\n", b0 >= (uintptr_t)_end);
    uintptr_t b1 = raw_brk(b0 + 100000);
    printf("grow exact: %d\n", b1 == b0 + 100000);
    unsigned char *p = (unsigned char *)b0;
    int zero = 1;
    for (int i = 0; i < 100000; i++)
        zero &= p[i] == 0;
    printf("zero: %d\n", zero);
    memset(p, 0xab, 100000);
    uintptr_t b2 = raw_brk(b0 + 10);
    printf("shrink: %d\n", b2 == b0 + 10);
    printf("kept below: %d\n", p[5] == 0xab);
    raw_brk(b0 + 100000);
    zero = 1;
    for (int i = 4096; i < 100000; i++)
        zero &= p[i] == 0;
    printf("regrown zero: %d\n", zero);
    printf("absurd refused: %d\n", raw_brk(b0 + ((uintptr_t)1 << 45)) ==
                                       b0 + 100000);
    printf("below start refused: %d\n", raw_brk(4096) == b0 + 100000);
    return 0;
}
