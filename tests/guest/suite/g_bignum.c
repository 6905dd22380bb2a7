/* Arbitrary-precision arithmetic on base 10^9 limbs: 300!, 2^1000,
 * Fibonacci(2000), a big multiplication checked by division, and digits
 * of e by the spigot algorithm. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef struct { int n; uint32_t d[800]; } Big;   /* little endian, base 1e9 */
#define BASE 1000000000u

static void set(Big *a, uint32_t v) { a->n = 1; a->d[0] = v; }
static void mul_small(Big *a, uint32_t m)
{
    uint64_t carry = 0;
    for (int i = 0; i < a->n; i++) {
        uint64_t t = (uint64_t)a->d[i] * m + carry;
        a->d[i] = t % BASE;
        carry = t / BASE;
    }
    while (carry) { a->d[a->n++] = carry % BASE; carry /= BASE; }
}
static void add(Big *r, const Big *a, const Big *b)
{
    uint32_t carry = 0;
    int n = a->n > b->n ? a->n : b->n;
    for (int i = 0; i < n; i++) {
        uint32_t t = (i < a->n ? a->d[i] : 0) + (i < b->n ? b->d[i] : 0) + carry;
        r->d[i] = t % BASE;
        carry = t / BASE;
    }
    r->n = n;
    if (carry) r->d[r->n++] = carry;
}
static void mul(Big *r, const Big *a, const Big *b)
{
    static uint64_t t[1600];
    memset(t, 0, sizeof t);
    for (int i = 0; i < a->n; i++) {
        uint64_t carry = 0;
        for (int j = 0; j < b->n; j++) {
            uint64_t x = t[i + j] + (uint64_t)a->d[i] * b->d[j] + carry;
            t[i + j] = x % BASE;
            carry = x / BASE;
        }
        t[i + b->n] += carry;
    }
    r->n = a->n + b->n;
    for (int i = 0; i < r->n; i++) r->d[i] = (uint32_t)t[i];
    while (r->n > 1 && !r->d[r->n - 1]) r->n--;
}
static uint32_t div_small(Big *a, uint32_t m)
{
    uint64_t rem = 0;
    for (int i = a->n - 1; i >= 0; i--) {
        uint64_t cur = rem * BASE + a->d[i];
        a->d[i] = cur / m;
        rem = cur % m;
    }
    while (a->n > 1 && !a->d[a->n - 1]) a->n--;
    return (uint32_t)rem;
}
static void print(const char *name, const Big *a)
{
    char buf[8000];
    int len = sprintf(buf, "%u", a->d[a->n - 1]);
    for (int i = a->n - 2; i >= 0; i--) len += sprintf(buf + len, "%09u", a->d[i]);
    unsigned sum = 0;
    for (int i = 0; i < len; i++) sum += buf[i] - '0';
    printf("%s: %d digits, digit sum %u, %.30s...%s\n", name, len, sum, buf,
           len > 20 ? buf + len - 20 : "");
}

int main(void)
{
    static Big a, b, c;
    set(&a, 1);
    for (uint32_t i = 2; i <= 300; i++) mul_small(&a, i);
    print("300!", &a);
    set(&b, 1);
    for (int i = 0; i < 1000; i++) mul_small(&b, 2);
    print("2^1000", &b);
    Big f0, f1;
    set(&f0, 0);
    set(&f1, 1);
    for (int i = 0; i < 2000; i++) { add(&c, &f0, &f1); f0 = f1; f1 = c; }
    print("fib(2001)", &f1);
    mul(&c, &a, &b);
    print("300! * 2^1000", &c);
    int ok = 1;
    for (int i = 0; i < 1000; i++) ok &= div_small(&c, 2) == 0;
    for (uint32_t i = 300; i >= 2; i--) ok &= div_small(&c, i) == 0;
    printf("divided back to %u (n=%d), exact %d\n", c.d[0], c.n, ok);

    enum { DIGITS = 200 };
    static int x[DIGITS + 10];
    for (int i = 0; i < DIGITS + 10; i++) x[i] = 1;
    printf("e = 2.");
    for (int k = 0; k < DIGITS; k++) {
        int carry = 0;
        for (int i = DIGITS + 9; i >= 0; i--) {
            int t = x[i] * 10 + carry;
            x[i] = t % (i + 2);
            carry = t / (i + 2);
        }
        printf("%d", carry);
    }
    printf("\n");
    return 0;
}
