/* An uncaught SIGSEGV (store to NULL) ends the process killed by SIGSEGV,
 * after what was printed so far; stderr shows what qemu-riscv64 prints. */
#include <stdio.h>

int main(void)
{
    printf("before the fault\n");
    fflush(stdout);
    *(volatile int *)0 = 1;
    printf("not reached\n");
    return 0;
}
