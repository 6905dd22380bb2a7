/* LZW compression and decompression of generated text (12-bit codes,
 * dictionary reset when full), plus run-length and base64 encoding
 * round trips; sizes and checksums are printed. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAXC = 4096 };
static int prefix[MAXC], suffix[MAXC];

static int find(int pre, int c, int n)
{
    for (int i = 256; i < n; i++)
        if (prefix[i] == pre && suffix[i] == c) return i;
    return -1;
}
static size_t compress(const uint8_t *in, size_t n, uint16_t *out)
{
    size_t o = 0;
    int next = 256, cur = in[0];
    for (size_t i = 1; i < n; i++) {
        int code = find(cur, in[i], next);
        if (code >= 0) { cur = code; continue; }
        out[o++] = (uint16_t)cur;
        if (next < MAXC) { prefix[next] = cur; suffix[next] = in[i]; next++; }
        else next = 256;
        cur = in[i];
    }
    out[o++] = (uint16_t)cur;
    return o;
}
static size_t emit(int code, uint8_t *out)
{
    uint8_t stack[MAXC];
    int sp = 0;
    while (code >= 256) { stack[sp++] = (uint8_t)suffix[code]; code = prefix[code]; }
    stack[sp++] = (uint8_t)code;
    for (int i = 0; i < sp; i++) out[i] = stack[sp - 1 - i];
    return sp;
}
static int first_char(int code) { while (code >= 256) code = prefix[code]; return code; }
static size_t decompress(const uint16_t *in, size_t n, uint8_t *out)
{
    size_t o = 0;
    int next = 256, prev = in[0];
    o += emit(prev, out);
    for (size_t i = 1; i < n; i++) {
        int code = in[i];
        int c = code < next ? first_char(code) : first_char(prev);
        if (next < MAXC) { prefix[next] = prev; suffix[next] = c; next++; }
        else next = 256;
        o += emit(code, out + o);
        prev = code;
    }
    return o;
}

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static size_t b64enc(const uint8_t *in, size_t n, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i += 3) {
        uint32_t v = in[i] << 16 | (i + 1 < n ? in[i + 1] << 8 : 0) | (i + 2 < n ? in[i + 2] : 0);
        out[o++] = b64[v >> 18 & 63];
        out[o++] = b64[v >> 12 & 63];
        out[o++] = i + 1 < n ? b64[v >> 6 & 63] : '=';
        out[o++] = i + 2 < n ? b64[v & 63] : '=';
    }
    out[o] = 0;
    return o;
}
static size_t b64dec(const char *in, uint8_t *out)
{
    size_t o = 0;
    for (size_t i = 0; in[i]; i += 4) {
        uint32_t v = 0;
        int pad = 0;
        for (int k = 0; k < 4; k++) {
            const char *c = strchr(b64, in[i + k]);
            if (in[i + k] == '=') pad++;
            v = v << 6 | (in[i + k] == '=' ? 0 : (uint32_t)(c - b64));
        }
        out[o++] = v >> 16;
        if (pad < 2) out[o++] = v >> 8 & 255;
        if (pad < 1) out[o++] = v & 255;
    }
    return o;
}

int main(void)
{
    size_t n = 200000;
    uint8_t *text = malloc(n), *back = malloc(n + MAXC);
    uint16_t *codes = malloc(n * sizeof *codes);
    const char *words[] = { "lorem ", "ipsum ", "dolor ", "sit ", "amet ", "riscv ", "x86 ", "\n" };
    unsigned x = 7;
    for (size_t i = 0; i < n;) {
        x = x * 1664525 + 1013904223;
        const char *w = words[(x >> 24) % 8];
        for (; *w && i < n; w++) text[i++] = (uint8_t)*w;
    }
    size_t c = compress(text, n, codes);
    size_t d = decompress(codes, c, back);
    printf("lzw: %zu bytes -> %zu codes (%zu bytes at 12 bits) -> %zu bytes, equal %d\n", n, c,
           c * 3 / 2, d, d == n && !memcmp(text, back, n));
    uint32_t h = 0;
    for (size_t i = 0; i < c; i++) h = h * 31 + codes[i];
    printf("code checksum %08x\n", h);
    char *enc = malloc(n * 2);
    size_t e = b64enc(text, 1000, enc);
    size_t dd = b64dec(enc, back);
    printf("base64: 1000 -> %zu -> %zu, equal %d, head %.40s\n", e, dd, dd == 1000 && !memcmp(text, back, 1000), enc);
    for (int len = 0; len < 4; len++) {
        b64enc((const uint8_t *)"abc", len, enc);
        printf("b64(\"%.*s\") = %s\n", len, "abc", enc);
    }
    return 0;
}
