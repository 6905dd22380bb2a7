/* Time formatting of fixed time_t values in UTC: gmtime_r, strftime
 * with many conversions, timegm, mktime in UTC (TZ=UTC set by the
 * program), asctime, difftime; no clock is read. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(void)
{
    setenv("TZ", "UTC", 1);
    tzset();
    time_t ts[] = { 0, 1, 951782400 /* 2000-02-29 */, 1234567890, 2147483647,
                    2147483648LL, 4102444800LL, -1, -86400 * 365L, 1700000000 };
    for (unsigned i = 0; i < sizeof ts / sizeof ts[0]; i++) {
        struct tm tm;
        gmtime_r(&ts[i], &tm);
        char buf[200];
        strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S %a %A %b %B %j %U %W %V %G %u %w %C %y %e %p %I %Z %z %%", &tm);
        printf("%12lld: %s\n", (long long)ts[i], buf);
        strftime(buf, sizeof buf, "%c | %x | %X | %D | %F | %T | %R | %s", &tm);
        printf("              %s\n", buf);
        time_t back = timegm(&tm);
        time_t mk = mktime(&tm);
        printf("              timegm %lld mktime %lld yday %d wday %d isdst %d\n",
               (long long)back, (long long)mk, tm.tm_yday, tm.tm_wday, tm.tm_isdst);
    }
    struct tm t = { .tm_year = 124, .tm_mon = 13, .tm_mday = 35, .tm_hour = 25 };
    time_t norm = timegm(&t);
    printf("normalized: %lld -> %04d-%02d-%02d %02d\n", (long long)norm, t.tm_year + 1900,
           t.tm_mon + 1, t.tm_mday, t.tm_hour);
    time_t z = 1000000000;
    printf("asctime: %s", asctime(gmtime(&z)));
    printf("difftime: %.1f\n", difftime(2000, 500));
    struct tm parsed = { 0 };
    char *end = strptime("2024-03-15 13:45:10", "%Y-%m-%d %H:%M:%S", &parsed);
    printf("strptime: %s %d %d %d %d\n", end && !*end ? "ok" : "bad", parsed.tm_year,
           parsed.tm_mon, parsed.tm_mday, parsed.tm_sec);
    return 0;
}
