/*
 * lz: a small LZ77-style compressor (hash-chain match finder) and its
 * decompressor over semi-repetitive generated data; checks the round trip.
 */
#include "bench.h"

#define LEN (1 << 17)
#define HBITS 13
#define WIN 4096
#define MINM 3
#define MAXM 130

static unsigned char in[LEN], out[LEN * 2], back[LEN];
static int32_t head[1 << HBITS], prevpos[LEN];

static inline uint32_t h3(const unsigned char *p)
{
    return ((uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2]) * 2654435761u >> (32 - HBITS);
}

/* Output: literal runs "0x00..0x7f = len-1, bytes", matches "0x80|len-3, off hi, off lo". */
static long compress(const unsigned char *s, long n, unsigned char *o)
{
    long op = 0, lit = -1, i = 0;
    for (int k = 0; k < (1 << HBITS); k++)
        head[k] = -1;
    while (i < n) {
        long best = 0, boff = 0;
        if (i + MINM <= n) {
            uint32_t h = h3(s + i);
            int32_t c = head[h];
            for (int tries = 0; c >= 0 && i - c <= WIN && tries < 16; tries++) {
                long l = 0;
                while (l < MAXM && i + l < n && s[c + l] == s[i + l])
                    l++;
                if (l > best) { best = l; boff = i - c; }
                c = prevpos[c];
            }
            prevpos[i] = head[h];
            head[h] = (int32_t)i;
        }
        if (best >= MINM) {
            o[op++] = (unsigned char)(0x80 | (best - MINM));
            o[op++] = (unsigned char)(boff >> 8);
            o[op++] = (unsigned char)boff;
            lit = -1;
            for (long k = 1; k < best; k++) {
                if (i + k + MINM <= n) {
                    uint32_t h = h3(s + i + k);
                    prevpos[i + k] = head[h];
                    head[h] = (int32_t)(i + k);
                }
            }
            i += best;
        } else {
            if (lit < 0 || o[lit] == 0x7f) {
                lit = op++;
                o[lit] = 0;
            } else {
                o[lit]++;
            }
            o[op++] = s[i++];
        }
    }
    return op;
}

static long decompress(const unsigned char *c, long n, unsigned char *o)
{
    long ip = 0, op = 0;
    while (ip < n) {
        unsigned t = c[ip++];
        if (t & 0x80) {
            long len = (long)(t & 0x7f) + MINM;
            long off = (long)c[ip] << 8 | c[ip + 1];
            ip += 2;
            for (long k = 0; k < len; k++, op++)
                o[op] = o[op - off];
        } else {
            long len = (long)t + 1;
            memcpy(o + op, c + ip, (size_t)len);
            ip += len; op += len;
        }
    }
    return op;
}

int main(int argc, char **argv)
{
    long scale = bench_scale(argc, argv);
    static const char *words[] = { "the ", "quick ", "brown ", "fox ", "jumps ",
        "over ", "lazy ", "dog ", "and ", "runs ", "away ", "again ", "\n" };
    uint64_t seed = 21, sum = 0;
    long n = 0;
    while (n < LEN) {
        const char *w = words[bench_rand(&seed) % 13];
        while (*w && n < LEN)
            in[n++] = (unsigned char)*w++;
        if (bench_rand(&seed) % 8 == 0 && n < LEN)
            in[n++] = (unsigned char)bench_rand(&seed);
    }
    for (long r = 0; r < scale * 32; r++) {
        in[(r * 7919) % LEN] ^= (unsigned char)r;
        long clen = compress(in, LEN, out);
        long dlen = decompress(out, clen, back);
        sum = bench_mix(sum, (uint64_t)clen);
        sum = bench_mix(sum, dlen == LEN && memcmp(in, back, LEN) == 0);
    }
    bench_result("lz", sum);
    return 0;
}
