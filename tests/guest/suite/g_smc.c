/* Self-modifying code: functions are generated into an RWX mapping,
 * called, rewritten in place (a different immediate, then a different
 * instruction) and called again after fence.i (__builtin___clear_cache
 * uses the riscv_flush_icache syscall, which also covers fence.i on
 * other harts); also code copied from a compiled function. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

/* I-type encodings (RISC-V unprivileged spec, chapter 2) */
static uint32_t addi(int rd, int rs, int imm) { return (uint32_t)(imm & 0xfff) << 20 | rs << 15 | 0 << 12 | rd << 7 | 0x13; }
static uint32_t slli(int rd, int rs, int sh) { return (uint32_t)sh << 20 | rs << 15 | 1 << 12 | rd << 7 | 0x13; }
static const uint32_t RET = 0x00008067;   /* jalr x0, 0(ra) */

typedef long (*Fn)(long);

static long __attribute__((noinline)) add_seven(long x) { return x + 7; }

int main(void)
{
    uint32_t *code = mmap(NULL, 8192, PROT_READ | PROT_WRITE | PROT_EXEC,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (code == MAP_FAILED) { perror("mmap"); return 1; }
    Fn f = (Fn)code;
    long total = 0;
    for (int imm = -5; imm <= 300; imm += 15) {
        code[0] = addi(10, 10, imm);   /* a0 += imm */
        code[1] = RET;
        __asm__ volatile("fence.i" ::: "memory");
        total += f(1000);
    }
    printf("sum of f(1000) over 21 immediates: %ld\n", total);
    code[0] = slli(10, 10, 3);
    __builtin___clear_cache((char *)code, (char *)(code + 2));
    printf("after rewriting to slli 3: f(5) = %ld\n", f(5));
    /* a longer function patched in the middle */
    for (int i = 0; i < 100; i++) code[i] = addi(10, 10, 1);
    code[100] = RET;
    __asm__ volatile("fence.i" ::: "memory");
    long a = f(0);
    code[50] = addi(10, 10, 1000);
    __asm__ volatile("fence.i" ::: "memory");
    long b = f(0);
    printf("100 x addi 1: %ld, with one patched to 1000: %ld\n", a, b);
    /* copy a compiled function to another page and run it there */
    memcpy(code + 1024, (void *)add_seven, 64);
    __builtin___clear_cache((char *)(code + 1024), (char *)(code + 1040));
    printf("copied add_seven(35) = %ld\n", ((Fn)(code + 1024))(35));
    return 0;
}
