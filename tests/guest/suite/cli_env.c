/* argv and the CLI_* variables of the environment (sorted: the order of
 * the environment is not part of the contract), for tests/runtime/check_cli.py
 * (-E, -U, -0 and their RVTCG_* variables) and the guest suite. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
    char *vars[256];
    int n = 0;
    for (int i = 0; i < argc; i++)
        printf("argv[%d]=%s\n", i, argv[i]);
    for (char **e = environ; *e && n < 256; e++)
        if (!strncmp(*e, "CLI_", 4))
            vars[n++] = *e;
    qsort(vars, n, sizeof vars[0], cmp);
    for (int i = 0; i < n; i++)
        printf("env %s\n", vars[i]);
    return 0;
}
