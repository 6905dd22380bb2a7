/*
 * The C helper of the F/D translators (rv_fpu.h): one RISC-V FP operation
 * done exactly in software (rv_softfp.h), for what the host SSE cannot do
 * directly: the rounding mode RMM (RISC-V Unprivileged ISA 20191213, 11.2,
 * round to nearest, ties to max magnitude).  It takes raw register values,
 * applies the NaN-boxing rule to single inputs (12.2) and boxes single
 * results, sign-extends W results (11.7), and accrues the flags in the
 * host MXCSR like every other FP op of a block (docs/fpu.md), so it needs
 * no CPU-state pointer.
 */
#include <stdbool.h>
#include <xmmintrin.h>

#include "ir_text.h"
#include "rv_fcsr_host.h"
#include "rv_fpu.h"

const IrHelper rv_helper_fpu = {
    "rv_fpu_helper", (void (*)(void))rv_fpu_helper,
    IR_HELPER_NO_RGLOB | IR_HELPER_NO_WGLOB,
};

void rv_fpu_helpers_register(void)
{
    static bool done;
    if (!done) {
        ir_helper_register(&rv_helper_fpu);
        done = true;
    }
}

/* A single operand: the low half if NaN-boxed, else the canonical NaN. */
static uint64_t unbox(RvFmt f, uint64_t x)
{
    if (f == RV_FMT_D)
        return x;
    return (x >> 32) == 0xffffffffu ? (uint32_t)x : RV_CANON_NAN_S;
}

static uint64_t box(RvFmt f, uint64_t x)
{
    return f == RV_FMT_D ? x : 0xffffffff00000000ull | (uint32_t)x;
}

uint64_t rv_fpu_helper(uint64_t desc, uint64_t a, uint64_t b, uint64_t c)
{
    RvFmt f = (desc & RV_FPH_D) ? RV_FMT_D : RV_FMT_S;
    RvRm rm = (RvRm)((desc >> 16) & 7);
    unsigned width = (desc & RV_FPH_I64) ? 64 : 32;
    bool is_signed = desc & RV_FPH_SIGNED;
    unsigned flags = 0;
    uint64_t r;

    switch ((RvFpuHelperOp)(desc & 0xff)) {
    case RV_FPH_ADD:
        r = box(f, rv_sf_add(f, unbox(f, a), unbox(f, b), rm, &flags));
        break;
    case RV_FPH_SUB:
        r = box(f, rv_sf_sub(f, unbox(f, a), unbox(f, b), rm, &flags));
        break;
    case RV_FPH_MUL:
        r = box(f, rv_sf_mul(f, unbox(f, a), unbox(f, b), rm, &flags));
        break;
    case RV_FPH_DIV:
        r = box(f, rv_sf_div(f, unbox(f, a), unbox(f, b), rm, &flags));
        break;
    case RV_FPH_SQRT:
        r = box(f, rv_sf_sqrt(f, unbox(f, a), rm, &flags));
        break;
    case RV_FPH_FMA:
        r = box(f, rv_sf_fma(f, unbox(f, a), unbox(f, b), unbox(f, c),
                             desc & RV_FPH_NEG_PROD, desc & RV_FPH_NEG_ADD,
                             rm, &flags));
        break;
    case RV_FPH_F2F: {
        RvFmt from = f == RV_FMT_D ? RV_FMT_S : RV_FMT_D;
        r = box(f, rv_sf_cvt_f2f(f, from, unbox(from, a), rm, &flags));
        break;
    }
    case RV_FPH_I2F:
        r = box(f, rv_sf_cvt_i2f(f, a, width, is_signed, rm, &flags));
        break;
    case RV_FPH_F2I:
        r = rv_sf_cvt_f2i(f, unbox(f, a), width, is_signed, rm, &flags);
        if (width == 32)
            r = (uint64_t)(int64_t)(int32_t)r;
        break;
    default:
        r = 0;
        break;
    }
    if (flags)
        _mm_setcsr(_mm_getcsr() | rv_fflags_to_mxcsr(flags));
    return r;
}

void rv_fpu_gen_helper(DisasCtx *ctx, unsigned desc, unsigned rd, bool to_x,
                       unsigned rs1, unsigned rs2, unsigned rs3)
{
    IrCtx *ir = ctx->ir;
    RvFpuHelperOp op = (RvFpuHelperOp)(desc & 0xff);
    rv_fpu_helpers_register();
    IrTemp args[4];
    args[0] = ir_const_i64(ir, desc);
    args[1] = op == RV_FPH_I2F ? rv_get_x(ctx, rs1) : rv_fpu_raw_bits(ctx, rs1);
    args[2] = rs2 < 32 ? rv_fpu_raw_bits(ctx, rs2) : ir_const_i64(ir, 0);
    args[3] = rs3 < 32 ? rv_fpu_raw_bits(ctx, rs3) : ir_const_i64(ir, 0);
    IrTemp r = ir_temp_new(ir, IR_I64);
    ir_call(ir, IR_I64, 1, &r, 4, args, &rv_helper_fpu);
    if (to_x)
        rv_set_x(ctx, rd, r);
    else
        rv_fpu_set_raw_bits(ctx, rd, r);
}
