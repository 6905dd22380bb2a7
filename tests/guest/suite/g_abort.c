/* abort() raises SIGABRT: the process dies by the signal (status 134 in
 * a shell), stdout written before is flushed by us, stderr is unbuffered. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    printf("about to abort\n");
    fflush(stdout);
    fprintf(stderr, "stderr before abort\n");
    abort();
}
