/* atexit handlers run in reverse order of registration; one of them
 * calls exit(7) again, which per POSIX is undefined but glibc runs the
 * remaining handlers and exits with the new status.  Here a handler
 * calls _exit(17) after printing, which is well defined. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void first(void)  { printf("first registered, runs last\n"); }
static void second(void) { printf("second registered\n"); }
static void third(void)
{
    printf("third registered, runs first; leaving with _exit(17)\n");
    fflush(stdout);
    _exit(17);
}

int main(void)
{
    atexit(first);
    atexit(second);
    atexit(third);
    printf("main returns 5\n");
    return 5;
}
