/* Exit status 0 by returning from main, after some stdout output that
 * must be flushed at exit. */
#include <stdio.h>

int main(void)
{
    printf("buffered output flushed at exit");
    return 0;
}
