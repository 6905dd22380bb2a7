/* The environment: main's third argument and environ agree, getenv of a
 * variable set by the test harness environment (PATH exists in both
 * runs; only whether it is set is printed), setenv/unsetenv/putenv, and
 * envp ends with NULL right after argv's NULL on the initial stack. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

int main(int argc, char **argv, char **envp)
{
    printf("envp == environ: %d\n", envp == environ);
    printf("envp follows argv: %d\n", envp == argv + argc + 1);
    printf("PATH is %s\n", getenv("PATH") ? "set" : "unset");
    int n = 0;
    for (char **e = envp; *e; e++)
        n++;
    printf("environment has entries: %s\n", n > 0 ? "yes" : "no");
    setenv("RVTCG_SUITE_VAR", "first", 1);
    printf("after setenv: %s\n", getenv("RVTCG_SUITE_VAR"));
    setenv("RVTCG_SUITE_VAR", "ignored", 0);
    printf("no overwrite: %s\n", getenv("RVTCG_SUITE_VAR"));
    static char put[] = "RVTCG_SUITE_PUT=via putenv";
    putenv(put);
    printf("putenv: %s\n", getenv("RVTCG_SUITE_PUT"));
    unsetenv("RVTCG_SUITE_VAR");
    printf("after unsetenv: %s\n", getenv("RVTCG_SUITE_VAR") ? "set" : "unset");
    int found = 0;
    for (char **e = environ; *e; e++)
        if (strncmp(*e, "RVTCG_SUITE_PUT=", 16) == 0)
            found++;
    printf("RVTCG_SUITE_PUT in environ: %d\n", found);
    return 0;
}
