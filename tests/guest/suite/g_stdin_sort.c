/* sort -u | uniq -c on standard input (stdin=g_stdin_text.txt): reads
 * all lines with getline, sorts them with qsort and counts duplicates;
 * then prints the lines in reverse with read(2) on nothing left (EOF). */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void)
{
    char **lines = NULL;
    size_t n = 0, cap = 0;
    char *line = NULL;
    size_t len = 0;
    ssize_t r;
    while ((r = getline(&line, &len, stdin)) > 0) {
        if (n == cap) {
            cap = cap ? cap * 2 : 8;
            lines = realloc(lines, cap * sizeof *lines);
        }
        lines[n++] = strdup(line);
    }
    qsort(lines, n, sizeof *lines, cmp);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && strcmp(lines[i], lines[j]) == 0)
            j++;
        printf("%4zu %s", j - i, lines[i]);
        i = j;
    }
    char c;
    printf("read at EOF returns %zd\n", read(0, &c, 1));
    return 0;
}
