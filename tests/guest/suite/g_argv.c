/* argv handling: count, contents (empty, spaces, quotes, UTF-8, long),
 * argv[argc] == NULL, and argv strings being writable. */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    printf("argc = %d\n", argc);
    for (int i = 1; i < argc; i++) {
        printf("argv[%d] (%zu bytes) = [%s]\n", i, strlen(argv[i]), argv[i]);
        for (char *p = argv[i]; *p; p++)   /* writable */
            if (*p >= 'a' && *p <= 'z')
                *p = *p - 'a' + 'A';
        printf("  upper: [%s]\n", argv[i]);
    }
    printf("argv[argc] is %s\n", argv[argc] ? "not NULL" : "NULL");
    const char *base = strrchr(argv[0], '/');
    printf("program name ends in: %s\n", base ? base + 1 : argv[0]);
    return 0;
}
