/* printf conversions: integers in every length and base, flags, widths,
 * precisions, strings, chars, %n, %%, positional arguments. */
#include <inttypes.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>

int main(void)
{
    int n = 0;
    printf("[%d] [%i] [%u] [%x] [%X] [%o]\n", -42, 42, 42u, 0xbeefu, 0xbeefu, 8u);
    printf("[%5d] [%-5d] [%05d] [%+d] [% d] [%+.3d]\n", 42, 42, 42, 42, 42, 7);
    printf("[%#x] [%#o] [%#X] [%#.0o]\n", 255u, 8u, 0xabcu, 0u);
    printf("[%hhd] [%hd] [%ld] [%lld] [%zd] [%jd]\n", (signed char)-1, (short)-300,
           LONG_MIN, LLONG_MAX, (ssize_t)-5, (intmax_t)INTMAX_MIN);
    printf("[%hhu] [%hu] [%lu] [%llu] [%zu] [%ju]\n", (unsigned char)255,
           (unsigned short)65535, ULONG_MAX, 0ull, (size_t)SIZE_MAX, (uintmax_t)1);
    printf("[%" PRId64 "] [%" PRIx64 "] [%" PRIu32 "]\n", INT64_MIN, UINT64_MAX, UINT32_MAX);
    printf("[%s] [%10s] [%-10s] [%.3s] [%*s] [%-*.*s]\n", "str", "right", "left",
           "truncate", 6, "star", 8, 2, "precision");
    printf("[%c] [%3c] [%-3c] [%%]\n", 'A', 'B', 'C');
    printf("abc%ndef\n", &n);
    printf("n = %d\n", n);
    printf("[%2$s %1$s] [%3$*4$d]\n", "world", "hello", 7, 5);
    printf("[%p] [%p]\n", (void *)0, (void *)0x1234);
    printf("[%.0d] [%.0x] [%5.0d]\n", 0, 0u, 0);
    int r = printf("%s\n", "return value counts bytes");
    printf("printf returned %d\n", r);
    return 0;
}
