/* hello: start-up cost probe for scripts/bench (static and dynamic builds). */
#include <stdio.h>

int main(void)
{
    puts("hello");
    return 0;
}
