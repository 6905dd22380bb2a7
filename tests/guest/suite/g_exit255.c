/* Exit statuses are truncated to 8 bits: exit(-1) is 255, and main's
 * return value 511 would be 255 too; this one uses exit(-1). */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    printf("exiting with -1\n");
    exit(argc > 1 ? 511 : -1);
}
