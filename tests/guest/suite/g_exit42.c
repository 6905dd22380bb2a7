/* _exit(42) skips atexit handlers and stdio flushing: the unflushed
 * printf text must not appear. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void handler(void)
{
    printf("atexit handler must not run\n");
}

int main(void)
{
    atexit(handler);
    printf("visible\n");
    fflush(stdout);
    printf("never flushed");
    _exit(42);
}
