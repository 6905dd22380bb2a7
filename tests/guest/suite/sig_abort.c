/* abort(): SIGABRT at its default action ends the process (status 134);
 * a SIGABRT handler that returns does not stop it either. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

static void on_abrt(int sig)
{
    printf("handler %d\n", sig);
    fflush(stdout);
}

int main(void)
{
    signal(SIGABRT, on_abrt);
    printf("aborting\n");
    fflush(stdout);
    abort();
}
