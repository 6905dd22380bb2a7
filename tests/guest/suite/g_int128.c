/* 128-bit integers and bit operations done in software on rv64gc (no
 * Zbb): __int128 multiply/divide/modulo (libgcc __udivti3/__divti3),
 * shifts, printing in decimal, popcount/clz/ctz/parity/bswap builtins
 * and rotates, and a 64x64->128 mulhu check. */
#include <stdint.h>
#include <stdio.h>

static void print_u128(unsigned __int128 v)
{
    char buf[50];
    int i = 49;
    buf[i] = 0;
    do { buf[--i] = '0' + (int)(v % 10); v /= 10; } while (v);
    printf("%s", buf + i);
}

int main(void)
{
    volatile unsigned __int128 a = ((unsigned __int128)0x0123456789abcdefull << 64) | 0xfedcba9876543210ull;
    volatile unsigned __int128 b = 0x1234567ull;
    unsigned __int128 q = a / b, r = a % b;
    print_u128(a); printf(" / "); print_u128(b); printf(" = "); print_u128(q);
    printf(" rem "); print_u128(r); printf(" check %d\n", q * b + r == a);
    __int128 s = -(__int128)a;
    __int128 sq = s / 1000000007, sr = s % 1000000007;
    printf("signed: q<0 %d r<0 %d check %d\n", sq < 0, sr < 0, sq * 1000000007 + sr == s);
    unsigned __int128 f = 1;
    for (int i = 1; i <= 34; i++) f *= i;
    printf("34! = "); print_u128(f); printf("\n");
    printf("shifts: %016llx %016llx\n", (unsigned long long)(a >> 100), (unsigned long long)(a << 77 >> 64));
    volatile uint64_t x = 0xdeadbeefcafebabeull, y = 0x123456789ull;
    unsigned __int128 m = (unsigned __int128)x * y;
    printf("mul 128: %016llx%016llx\n", (unsigned long long)(m >> 64), (unsigned long long)m);
    uint64_t vals[] = { 0, 1, 0x80, 0xff00000000000000ull, 0xdeadbeefcafebabeull, ~0ull, 0x100000000ull };
    for (int i = 0; i < 7; i++) {
        uint64_t v = vals[i];
        printf("%016llx pop %2d clz %2d ctz %2d parity %d bswap %016llx rol13 %016llx\n",
               (unsigned long long)v, __builtin_popcountll(v), v ? __builtin_clzll(v) : 64,
               v ? __builtin_ctzll(v) : 64, __builtin_parityll(v),
               (unsigned long long)__builtin_bswap64(v),
               (unsigned long long)((v << 13) | (v >> 51)));
    }
    printf("bswap32 %08x bswap16 %04x clz32(1) %d\n", __builtin_bswap32(0x11223344u),
           __builtin_bswap16(0xabcd), __builtin_clz(1u));
    return 0;
}
