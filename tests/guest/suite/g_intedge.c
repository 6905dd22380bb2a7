/* Integer edge cases as RISC-V defines them (unprivileged spec, "M"
 * extension: division by zero gives quotient all ones and remainder the
 * dividend; INT_MIN / -1 overflows to INT_MIN with remainder 0; no
 * trap).  Done with inline asm so the C compiler cannot fold them, plus
 * shifts, mulh variants, sign/zero extension and wrapping arithmetic. */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>

#define OP(name, insn) \
    static long name(long a, long b) { long r; __asm__ volatile(insn " %0, %1, %2" : "=r"(r) : "r"(a), "r"(b)); return r; }
OP(div_, "div") OP(divu_, "divu") OP(rem_, "rem") OP(remu_, "remu")
OP(divw_, "divw") OP(divuw_, "divuw") OP(remw_, "remw") OP(remuw_, "remuw")
OP(mul_, "mul") OP(mulh_, "mulh") OP(mulhu_, "mulhu") OP(mulhsu_, "mulhsu") OP(mulw_, "mulw")
OP(sll_, "sll") OP(srl_, "srl") OP(sra_, "sra") OP(sllw_, "sllw") OP(srlw_, "srlw") OP(sraw_, "sraw")
OP(addw_, "addw") OP(subw_, "subw") OP(slt_, "slt") OP(sltu_, "sltu")

typedef long (*Fn)(long, long);
static const struct { const char *name; Fn fn; } ops[] = {
    { "div", div_ }, { "divu", divu_ }, { "rem", rem_ }, { "remu", remu_ },
    { "divw", divw_ }, { "divuw", divuw_ }, { "remw", remw_ }, { "remuw", remuw_ },
    { "mul", mul_ }, { "mulh", mulh_ }, { "mulhu", mulhu_ }, { "mulhsu", mulhsu_ },
    { "mulw", mulw_ }, { "sll", sll_ }, { "srl", srl_ }, { "sra", sra_ }, { "sllw", sllw_ },
    { "srlw", srlw_ }, { "sraw", sraw_ }, { "addw", addw_ }, { "subw", subw_ },
    { "slt", slt_ }, { "sltu", sltu_ },
};
static const long vals[] = { 0, 1, -1, 2, -2, 7, -7, 63, 64, 65, INT_MAX, INT_MIN,
                             (long)UINT_MAX, LONG_MAX, LONG_MIN, 0x123456789abcdef0 };

int main(void)
{
    enum { NV = sizeof vals / sizeof vals[0] };
    for (unsigned o = 0; o < sizeof ops / sizeof ops[0]; o++) {
        uint64_t h = 0;
        for (int i = 0; i < NV; i++)
            for (int j = 0; j < NV; j++)
                h = h * 1000003 ^ (uint64_t)ops[o].fn(vals[i], vals[j]);
        printf("%-7s %016llx  x/0=%ld min/-1=%ld\n", ops[o].name, (unsigned long long)h,
               ops[o].fn(12345, 0), ops[o].fn(LONG_MIN, -1));
    }
    printf("divw INT_MIN/-1 = %ld, remw INT_MIN%%-1 = %ld\n", divw_(INT_MIN, -1), remw_(INT_MIN, -1));
    printf("divu 5/0 = %#lx, remu 5%%0 = %ld, divuw 5/0 = %#lx\n", divu_(5, 0), remu_(5, 0), divuw_(5, 0));
    volatile int32_t a = INT32_MAX;
    volatile uint32_t u = UINT32_MAX;
    printf("wrap: %d %u %d\n", (int32_t)((uint32_t)a + 1), u + 1, (int8_t)(uint8_t)200);
    volatile int64_t s = -1;
    printf("extend: %lld %llu %lld\n", (long long)(int32_t)s, (unsigned long long)(uint32_t)s,
           (long long)(uint64_t)(uint16_t)s);
    return 0;
}
