/*
 * The pinned guest registers (pins.h).  The choice is static: the integer
 * registers GCC's riscv64 code uses most in the benchmark suite's loops
 * (a static count over bench/ binaries: a5, sp, a4, a0, then a3, a1),
 * each in a callee-saved host register so helper calls keep it.  With
 * guest_base in r15 one callee-saved register fewer is free, and the
 * register allocator needs one of its own (jit_max_pins).
 */
#include <stddef.h>

#include "pins.h"
#include "rv_translate.h"

static const struct {
    unsigned x;        /* guest x register */
    int8_t reg;        /* host register */
    int greg;          /* its index in ucontext's gregs */
} pin_table[] = {
    { 15, IR_X86_RBX, REG_RBX },    /* a5 */
    { 2, IR_X86_R12, REG_R12 },     /* sp */
    { 14, IR_X86_R13, REG_R13 },    /* a4 */
    { 10, IR_X86_R14, REG_R14 },    /* a0 */
};
#define PIN_TABLE_LEN (sizeof pin_table / sizeof pin_table[0])

static unsigned nb_pins;

void rt_pins_setup(JitConfig *jc, bool on)
{
    unsigned max = jit_max_pins(jc->guest_base);
    nb_pins = on ? (max < PIN_TABLE_LEN ? max : PIN_TABLE_LEN) : 0;
    jc->nb_pins = nb_pins;
    for (unsigned i = 0; i < nb_pins; i++)
        jc->pins[i] = (JitPin){
            .reg = pin_table[i].reg,
            .env_ofs = (int32_t)offsetof(RvCpu, x[pin_table[i].x]),
        };
}

void rt_pins_apply_ir(IrCtx *ir)
{
    for (unsigned i = 0; i < nb_pins; i++)
        rv_frontend_pin_x(ir, pin_table[i].x, pin_table[i].reg);
}

void rt_pins_from_context(RvCpu *cpu, const ucontext_t *uc)
{
    for (unsigned i = 0; i < nb_pins; i++)
        cpu->x[pin_table[i].x] =
            (uint64_t)uc->uc_mcontext.gregs[pin_table[i].greg];
}
