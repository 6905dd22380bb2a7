/* exit(1) from a nested function, with stdout and stderr output. */
#include <stdio.h>
#include <stdlib.h>

static int fail(int depth)
{
    if (depth < 0)
        return depth;
    if (depth == 0) {
        fprintf(stderr, "failing at depth 0\n");
        exit(1);
    }
    printf("depth %d\n", depth);
    return fail(depth - 1) + 1;
}

int main(void)
{
    return fail(5);
}
