/* POSIX regular expressions: basic and extended syntax, submatches,
 * REG_ICASE, REG_NEWLINE, REG_NOSUB, error messages of bad patterns. */
#include <regex.h>
#include <stdio.h>

static void try(const char *pat, int flags, const char *s)
{
    regex_t re;
    regmatch_t m[5];
    int r = regcomp(&re, pat, flags);
    if (r != 0) {
        char err[100];
        regerror(r, &re, err, sizeof err);
        printf("%-24s compile error %d: %s\n", pat, r, err);
        return;
    }
    r = regexec(&re, s, 5, m, 0);
    printf("%-24s on %-24s: ", pat, s);
    if (r == REG_NOMATCH) {
        printf("no match\n");
    } else if (flags & REG_NOSUB) {
        printf("match\n");
    } else {
        for (int i = 0; i < 5 && m[i].rm_so >= 0; i++)
            printf("[%d,%d)'%.*s' ", (int)m[i].rm_so, (int)m[i].rm_eo,
                   (int)(m[i].rm_eo - m[i].rm_so), s + m[i].rm_so);
        printf("\n");
    }
    regfree(&re);
}

int main(void)
{
    try("a*b", 0, "xxaaabyy");
    try("\\(ab\\)*c", 0, "ababcd");
    try("([0-9]+)-([0-9]+)", REG_EXTENDED, "call 555-1234 now");
    try("^([a-z]+)@([a-z]+)\\.com$", REG_EXTENDED, "user@example.com");
    try("hello", REG_EXTENDED | REG_ICASE, "Say HeLLo");
    try("^two$", REG_EXTENDED | REG_NEWLINE, "one\ntwo\nthree");
    try("^two$", REG_EXTENDED, "one\ntwo\nthree");
    try("x{2,3}", REG_EXTENDED, "axxxxb");
    try("(a|b|c)+d", REG_EXTENDED | REG_NOSUB, "zzabcabd");
    try("[[:digit:]]+[[:space:]]*[[:alpha:]]", REG_EXTENDED, "ab 123  c");
    try("(unclosed", REG_EXTENDED, "x");
    try("a{3,1}", REG_EXTENDED, "x");
    try("[z-a]", REG_EXTENDED, "x");
    return 0;
}
