/* <string.h> functions on buffers with every alignment and length 0..64
 * (glibc's word-at-a-time code paths): memcpy, memmove (overlapping both
 * ways), memset, memcmp, memchr, memrchr, strlen, strchr, strrchr,
 * strstr, strspn/strcspn, strtok_r, strncpy, strncat, strcasecmp,
 * strdup, stpcpy, strsep, and a running checksum of all results. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static uint64_t h = 1469598103934665603ull;
static void mix(uint64_t v) { h = (h ^ v) * 1099511628211ull; }

int main(void)
{
    static char a[256], b[256];
    for (int al = 0; al < 8; al++)
        for (int bl = 0; bl < 8; bl++)
            for (int n = 0; n <= 64; n++) {
                for (int i = 0; i < 256; i++) { a[i] = (char)(i * 7 + 1); b[i] = (char)(i * 3 + 2); }
                memcpy(a + al, b + bl, n);
                mix(memcmp(a, b, 200) > 0);
                memmove(a + al + 3, a + al, n);
                memmove(b + bl, b + bl + 5, n);
                mix(memcmp(a + al, b + bl, n) < 0);
                memset(a + al, 'x', n);
                a[al + n] = 0;
                mix(strlen(a + al));
                char *c = memchr(b + bl, (char)(bl * 3 + 2), n);
                mix(c ? (uint64_t)(c - b) : 999);
                c = memrchr(a, 'x', 200);
                mix(c ? (uint64_t)(c - a) : 999);
            }
    printf("memory functions checksum %016llx\n", (unsigned long long)h);

    const char *s = "the rain in spain stays mainly in the plain";
    printf("strchr %ld strrchr %ld strstr %ld strspn %zu strcspn %zu\n", strchr(s, 'a') - s,
           strrchr(s, 'a') - s, strstr(s, "mainly") - s, strspn(s, "the "), strcspn(s, "sp"));
    char buf[100], *save, *tok;
    strcpy(buf, "a,b;;c, d ,e");
    for (tok = strtok_r(buf, ",;", &save); tok; tok = strtok_r(NULL, ",;", &save))
        printf("[%s]", tok);
    printf("\n");
    char n8[8];
    strncpy(n8, "abc", sizeof n8);
    printf("strncpy pads: %d %d\n", n8[3], n8[7]);
    strcpy(buf, "abc");
    const char *volatile more = "defghij";   /* volatile: no -Wstringop-truncation */
    strncat(buf, more, 3);
    printf("strncat %s, strcasecmp %d %d, strncasecmp %d\n", buf, strcasecmp("HeLLo", "hello"),
           strcasecmp("a", "B") < 0, strncasecmp("abcX", "ABCY", 3));
    char *d = strdup(s);
    char *e = stpcpy(d, "stp");
    printf("stpcpy end offset %ld, strndup %s\n", e - d, strndup(s, 8));
    char line[] = "key=value=more", *p = line;
    printf("strsep: %s", strsep(&p, "="));
    printf(" %s", strsep(&p, "="));
    printf(" %s\n", p);
    printf("ffs %d %d, strverscmp %d, memmem %ld\n", ffs(0x80), ffsl(1L << 40),
           strverscmp("file9", "file10") < 0, (char *)memmem(s, strlen(s), "ain", 3) - s);
    free(d);
    return 0;
}
