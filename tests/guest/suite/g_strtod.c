/* strtod/strtof/strtold and strtol family: decimal and hex floats,
 * rounding of long inputs, overflow/underflow with errno, infinities and
 * NaN, end pointers; atoi/atof. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    const char *fl[] = { "0", "-0", "1.5", "  3.25xyz", "1e308", "1e309", "-1e309",
                         "1e-320", "1e-400", "0x1.8p3", "0X.1P-2", "inf", "-Infinity",
                         "nan", "NAN(123)", "2.2250738585072011e-308",
                         "0.1000000000000000055511151231257827021181583404541015625",
                         "9007199254740993", "123456789012345678901234567890", ".",
                         "e5", "1.7976931348623158e308", "4.9406564584124654e-324" };
    for (unsigned i = 0; i < sizeof fl / sizeof fl[0]; i++) {
        char *end;
        errno = 0;
        double d = strtod(fl[i], &end);
        int e1 = errno;
        errno = 0;
        float f = strtof(fl[i], NULL);
        int e2 = errno;
        long double ld = strtold(fl[i], NULL);
        printf("%-32.32s -> %a (errno %d, used %ld) f %a (errno %d) ld %La\n", fl[i], d,
               e1, (long)(end - fl[i]), f, e2, ld);
    }
    const char *in[] = { "0", "-1", "2147483647", "9223372036854775807",
                         "9223372036854775808", "-9223372036854775809", "0x7fffffff",
                         "0777", "  +42abc", "z", "18446744073709551615",
                         "18446744073709551616", "-18446744073709551615" };
    for (unsigned i = 0; i < sizeof in / sizeof in[0]; i++) {
        char *end;
        errno = 0;
        long l = strtol(in[i], &end, 0);
        int e1 = errno;
        errno = 0;
        unsigned long ul = strtoul(in[i], NULL, 0);
        int e2 = errno;
        printf("%-24s -> %ld (errno %d, used %ld) ul %lu (errno %d)\n", in[i], l, e1,
               (long)(end - in[i]), ul, e2);
    }
    printf("base 36 'zz' = %ld, base 2 '1011' = %ld\n", strtol("zz", NULL, 36),
           strtol("1011", NULL, 2));
    printf("atoi(\" -12x\") = %d, atof(\"2.5e1\") = %g\n", atoi(" -12x"), atof("2.5e1"));
    return 0;
}
