/* crc32: table-driven CRC-32 (IEEE, reflected) over a buffer; byte loads, xors. */
#include "bench.h"

#define LEN (1 << 20)

static uint32_t table[256];
static unsigned char buf[LEN];

int main(int argc, char **argv)
{
    long scale = bench_scale(argc, argv);
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
    uint64_t seed = 5;
    for (long i = 0; i < LEN; i++)
        buf[i] = (unsigned char)bench_rand(&seed);
    uint64_t sum = 0;
    for (long r = 0; r < scale * 50; r++) {
        uint32_t crc = 0xffffffffu;
        buf[r % LEN] ^= 0x5a;
        for (long i = 0; i < LEN; i++)
            crc = table[(crc ^ buf[i]) & 0xff] ^ (crc >> 8);
        sum = bench_mix(sum, crc ^ 0xffffffffu);
    }
    bench_result("crc32", sum);
    return 0;
}
