/* The guest suite's first program: argv, environment size, exit status. */
#include <stdio.h>

int main(int argc, char **argv)
{
    for (int i = 0; i < argc; i++)
        printf("argv[%d] = \"%s\"\n", i, i ? argv[i] : "(program)");
    return argc;
}
