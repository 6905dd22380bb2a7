/* Hash functions implemented in C: CRC-32 (table), FNV-1a 64, SHA-256
 * (FIPS 180-4) with the standard test vectors, MurmurHash3 finalizer,
 * and a chained hash table with 50000 inserts, lookups and deletes. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t crc_table[256];
static uint32_t crc32(const void *p, size_t n)
{
    if (!crc_table[1])
        for (uint32_t i = 0; i < 256; i++) {
            uint32_t c = i;
            for (int k = 0; k < 8; k++) c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
            crc_table[i] = c;
        }
    uint32_t c = ~0u;
    const uint8_t *b = p;
    while (n--) c = crc_table[(c ^ *b++) & 255] ^ (c >> 8);
    return ~c;
}

static uint64_t fnv1a(const void *p, size_t n)
{
    uint64_t h = 14695981039346656037ull;
    const uint8_t *b = p;
    while (n--) h = (h ^ *b++) * 1099511628211ull;
    return h;
}

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))
static void sha256(const void *data, size_t len, uint8_t out[32])
{
    static const uint32_t k[64] = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2 };
    uint32_t h[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                      0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
    size_t total = ((len + 9 + 63) / 64) * 64;
    uint8_t *m = calloc(total, 1);
    memcpy(m, data, len);
    m[len] = 0x80;
    for (int i = 0; i < 8; i++) m[total - 1 - i] = (uint8_t)(((uint64_t)len * 8) >> (8 * i));
    for (size_t off = 0; off < total; off += 64) {
        uint32_t w[64];
        for (int i = 0; i < 16; i++)
            w[i] = (uint32_t)m[off + 4 * i] << 24 | m[off + 4 * i + 1] << 16 | m[off + 4 * i + 2] << 8 | m[off + 4 * i + 3];
        for (int i = 16; i < 64; i++) {
            uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
            uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
        for (int i = 0; i < 64; i++) {
            uint32_t t1 = hh + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) + ((e & f) ^ (~e & g)) + k[i] + w[i];
            uint32_t t2 = (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
        }
        h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
    }
    free(m);
    for (int i = 0; i < 32; i++) out[i] = (uint8_t)(h[i / 4] >> (24 - 8 * (i % 4)));
}

static uint64_t fmix64(uint64_t k)
{
    k ^= k >> 33; k *= 0xff51afd7ed558ccdull; k ^= k >> 33; k *= 0xc4ceb9fe1a85ec53ull; k ^= k >> 33;
    return k;
}

struct entry { uint64_t key, val; struct entry *next; };
static struct entry *table[4096];

int main(void)
{
    const char *msgs[] = { "", "abc", "The quick brown fox jumps over the lazy dog",
                           "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq" };
    for (int i = 0; i < 4; i++) {
        uint8_t d[32];
        sha256(msgs[i], strlen(msgs[i]), d);
        printf("crc32 %08x fnv %016llx sha256 ", crc32(msgs[i], strlen(msgs[i])),
               (unsigned long long)fnv1a(msgs[i], strlen(msgs[i])));
        for (int k = 0; k < 32; k++) printf("%02x", d[k]);
        printf("\n");
    }
    static uint8_t big[1 << 20];
    for (size_t i = 0; i < sizeof big; i++) big[i] = (uint8_t)(i * i >> 3);
    uint8_t d[32];
    sha256(big, sizeof big, d);
    printf("1 MiB: crc32 %08x sha256 %02x%02x%02x%02x...\n", crc32(big, sizeof big), d[0], d[1], d[2], d[3]);

    for (uint64_t i = 0; i < 50000; i++) {
        struct entry *e = malloc(sizeof *e);
        e->key = fmix64(i);
        e->val = i;
        e->next = table[e->key % 4096];
        table[e->key % 4096] = e;
    }
    uint64_t sum = 0, hits = 0;
    for (uint64_t i = 0; i < 100000; i += 3) {
        uint64_t k = fmix64(i);
        for (struct entry *e = table[k % 4096]; e; e = e->next)
            if (e->key == k) { sum += e->val; hits++; }
    }
    for (uint64_t i = 0; i < 50000; i += 2) {
        uint64_t k = fmix64(i);
        for (struct entry **pp = &table[k % 4096]; *pp; pp = &(*pp)->next)
            if ((*pp)->key == k) { struct entry *e = *pp; *pp = e->next; free(e); break; }
    }
    int longest = 0, used = 0;
    for (int b = 0; b < 4096; b++) {
        int len = 0;
        for (struct entry *e = table[b]; e; e = e->next) len++;
        if (len > longest) longest = len;
        used += len > 0;
    }
    printf("table: %llu hits, sum %llu, longest chain %d, used buckets %d\n",
           (unsigned long long)hits, (unsigned long long)sum, longest, used);
    return 0;
}
