/* Wide characters in the C.UTF-8 locale (built into glibc 2.35+, no
 * files needed): mbstowcs/wcstombs, mbrtowc on multibyte sequences,
 * wcslen/wcscmp/wcschr, swprintf, towupper, wcwidth, and invalid input. */
#define _XOPEN_SOURCE 700
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

int main(void)
{
    const char *loc = setlocale(LC_ALL, "C.UTF-8");
    printf("locale: %s\n", loc ? loc : "NULL");
    const char *s = "h\xc3\xa9llo w\xc3\xb6rld \xe2\x82\xac \xf0\x9f\x98\x80!";
    wchar_t w[64];
    size_t n = mbstowcs(w, s, 64);
    printf("mbstowcs: %zu chars from %zu bytes\n", n, strlen(s));
    for (size_t i = 0; i < n; i++)
        printf("U+%04X%c", (unsigned)w[i], i + 1 < n ? ' ' : '\n');
    printf("wcslen %zu, wcschr euro at %ld\n", wcslen(w), (long)(wcschr(w, 0x20ac) - w));
    char back[64];
    size_t m = wcstombs(back, w, sizeof back);
    printf("wcstombs: %zu bytes, round trip %s\n", m, strcmp(back, s) ? "differs" : "same");
    for (size_t i = 0; i < n; i++)
        w[i] = towupper(w[i]);
    wcstombs(back, w, sizeof back);
    printf("upper: %s\n", back);
    wchar_t out[80];
    swprintf(out, 80, L"%ls|%5d|%lc|%s", L"wide", 42, (wint_t)0xe9, "narrow");
    wcstombs(back, out, sizeof back);
    printf("swprintf: %s\n", back);
    printf("wcscmp: %d %d\n", wcscmp(L"abc", L"abd") < 0, wcscmp(L"\xe9", L"e") > 0);
    printf("wcwidth: a=%d e-acute=%d CJK=%d combining=%d\n", wcwidth(L'a'), wcwidth(0xe9),
           wcwidth(0x4e2d), wcwidth(0x301));
    mbstate_t st;
    memset(&st, 0, sizeof st);
    wchar_t wc;
    size_t r = mbrtowc(&wc, "\xe2\x82", 2, &st);
    printf("incomplete: %zd\n", (ssize_t)r);
    r = mbrtowc(&wc, "\xac", 1, &st);
    printf("completed: %zd U+%04X\n", (ssize_t)r, (unsigned)wc);
    memset(&st, 0, sizeof st);
    r = mbrtowc(&wc, "\xff", 1, &st);
    printf("invalid: %zd\n", (ssize_t)r);
    return 0;
}
