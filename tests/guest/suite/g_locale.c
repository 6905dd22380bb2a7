/* The "C" locale: setlocale queries, localeconv, strcoll/strxfrm,
 * toupper on 8-bit values, nl_langinfo, and a failing setlocale for a
 * locale that does not exist. */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <ctype.h>

int main(void)
{
    printf("initial: %s\n", setlocale(LC_ALL, NULL));
    printf("set C: %s\n", setlocale(LC_ALL, "C"));
    printf("set POSIX: %s\n", setlocale(LC_ALL, "POSIX"));
    const char *bad = setlocale(LC_ALL, "xx_YY.NOPE");
    printf("set xx_YY.NOPE: %s\n", bad ? bad : "NULL");
    struct lconv *lc = localeconv();
    printf("decimal_point [%s] thousands_sep [%s] grouping len %zu\n", lc->decimal_point,
           lc->thousands_sep, strlen(lc->grouping));
    printf("CODESET %s, D_T_FMT %s, DAY_1 %s, MON_12 %s, YESEXPR %s\n",
           nl_langinfo(CODESET), nl_langinfo(D_T_FMT), nl_langinfo(DAY_1),
           nl_langinfo(MON_12), nl_langinfo(YESEXPR));
    printf("strcoll: %d %d %d\n", strcoll("abc", "abd") < 0, strcoll("B", "a") < 0,
           strcoll("same", "same"));
    char x[20];
    size_t n = strxfrm(x, "hello", sizeof x);
    printf("strxfrm %zu [%s]\n", n, x);
    int up = 0, al = 0;
    for (int c = 0; c < 256; c++) {
        up += toupper(c) != c;
        al += isalpha(c) != 0;
    }
    printf("toupper changes %d chars, isalpha %d chars\n", up, al);
    printf("%'d (no grouping in C)\n", 1234567);
    return 0;
}
