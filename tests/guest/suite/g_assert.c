/* A failing assert() prints a message naming the expression on stderr
 * and aborts. */
#include <assert.h>
#include <stdio.h>

static int check(int v)
{
    assert(v < 10 && "value out of range");
    return v * 2;
}

int main(void)
{
    printf("%d\n", check(3));
    fflush(stdout);
    printf("%d\n", check(12));
    return 0;
}
