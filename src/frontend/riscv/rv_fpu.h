/*
 * IR building for the F and D extensions (RISC-V Unprivileged ISA
 * 20191213, chapters 11 and 12), shared by trans_rvf.c and trans_rvd.c;
 * docs/fpu.md describes the design.
 *
 *  - Registers (rv_fpu_regs.c): f[] are f64 globals holding the raw 64-bit
 *    register.  A single is read NaN-unboxed (12.2: an input whose upper
 *    32 bits are not all ones reads as the canonical NaN) and written
 *    NaN-boxed.
 *  - Rounding (rv_fpu_round.c): the dynamic mode is known at translation
 *    time (RvTbFlags.frm).  The host MXCSR.RC holds frm while generated
 *    code runs (RNE when frm is RMM or invalid); an instruction whose mode
 *    differs switches RC around its operation; RMM goes to the helper.
 *  - Operations (rv_fpu_arith.c, rv_fpu_cvt.c, rv_fpu_misc.c): host SSE
 *    through the IR, then every NaN result made canonical (11.3).
 * Each rv_fpu_gen_* returns false for a reserved rounding mode (the
 * translator then raises an illegal-instruction exception).
 */
#ifndef RV_FPU_H
#define RV_FPU_H

#include <stdbool.h>

#include "rv_disas_ctx.h"
#include "rv_softfp.h"

/* ---- registers (rv_fpu_regs.c) ---- */

static inline IrType rv_fpu_type(RvFmt f)
{
    return f == RV_FMT_S ? IR_F32 : IR_F64;
}

/* The value of f[r] in format F (a single unboxed). */
IrTemp rv_fpu_get(DisasCtx *ctx, RvFmt f, unsigned r);
/* f[r] = v (a value of format F's type; a single is NaN-boxed). */
void rv_fpu_set(DisasCtx *ctx, RvFmt f, unsigned r, IrTemp v);
/* The raw 64 bits of f[r] as an i64 temp. */
IrTemp rv_fpu_raw_bits(DisasCtx *ctx, unsigned r);
/* f[r] = the raw 64 bits in the i64 temp v. */
void rv_fpu_set_raw_bits(DisasCtx *ctx, unsigned r, IrTemp v);
/* The low 32 bits of f[r] as an f32 temp, only if known without code
 * (f[r] was NaN-boxed from it earlier in the block); else IR_NO_TEMP. */
IrTemp rv_fpu_known_low(DisasCtx *ctx, unsigned r);
/* A fresh TB temp of format F's type. */
IrTemp rv_fpu_temp(DisasCtx *ctx, RvFmt f);

/* ---- rounding modes (rv_fpu_round.c) ---- */

/* The effective mode of an instruction's rm field (DYN: the block's frm);
 * false if it is reserved (rm 5 or 6, or DYN with frm 5..7). */
bool rv_fpu_rm(DisasCtx *ctx, unsigned rm, RvRm *eff);
/* The mode MXCSR.RC holds while this block runs. */
RvRm rv_fpu_host_rm(const DisasCtx *ctx);
/* Around an op that rounds by the host mode: switch MXCSR.RC to EFF
 * (0..3) if the block's host mode differs, and back. */
void rv_fpu_round_begin(DisasCtx *ctx, RvRm eff);
void rv_fpu_round_end(DisasCtx *ctx, RvRm eff);
/* The IR rounding constant for ftoi/ftou in mode EFF (0..3). */
IrRound rv_fpu_ir_round(const DisasCtx *ctx, RvRm eff);

/* ---- the C helper (rv_fpu_helpers.c) ---- */

/* Operations of rv_fpu_helper: the low byte of its descriptor. */
typedef enum RvFpuHelperOp {
    RV_FPH_ADD, RV_FPH_SUB, RV_FPH_MUL, RV_FPH_DIV, RV_FPH_SQRT, RV_FPH_FMA,
    RV_FPH_F2F, RV_FPH_I2F, RV_FPH_F2I,
} RvFpuHelperOp;
#define RV_FPH_D        (1u << 8)    /* format D (the F2F target), else S */
#define RV_FPH_NEG_PROD (1u << 9)    /* FMA: -(a * b) */
#define RV_FPH_NEG_ADD  (1u << 10)   /* FMA: - c */
#define RV_FPH_I64      (1u << 11)   /* I2F/F2I: 64-bit integer, else 32 */
#define RV_FPH_SIGNED   (1u << 12)   /* I2F/F2I: signed integer */
#define RV_FPH_RM(rm)   ((unsigned)(rm) << 16)

/*
 * One RISC-V FP operation in software, exactly (rv_softfp.h), in the mode
 * of the descriptor: the operands are raw register values (f: 64 bits, a
 * single unboxed here; I2F: the integer register), the result is what the
 * destination register receives (a single NaN-boxed, a W result
 * sign-extended).  The flags are ORed into the host MXCSR.
 */
uint64_t rv_fpu_helper(uint64_t desc, uint64_t a, uint64_t b, uint64_t c);
extern const IrHelper rv_helper_fpu;
/* Registers rv_helper_fpu for the IR text form (once). */
void rv_fpu_helpers_register(void);
/* rd (an f register, or an x register when TO_X) = rv_fpu_helper(desc,
 * raw f[rs1] (or x[rs1] for I2F), raw f[rs2], raw f[rs3]). */
void rv_fpu_gen_helper(DisasCtx *ctx, unsigned desc, unsigned rd, bool to_x,
                       unsigned rs1, unsigned rs2, unsigned rs3);

/* ---- operations (rv_fpu_arith.c, rv_fpu_cvt.c, rv_fpu_misc.c) ---- */

/* fadd fsub fmul fdiv (OP: RV_FPH_ADD..RV_FPH_DIV), fsqrt */
bool rv_fpu_gen_arith(DisasCtx *ctx, RvFmt f, RvFpuHelperOp op,
                      const arg_r_rm *a);
bool rv_fpu_gen_sqrt(DisasCtx *ctx, RvFmt f, const arg_r2_rm *a);
bool rv_fpu_gen_fma(DisasCtx *ctx, RvFmt f, IrFmaNeg neg, const arg_r4_rm *a);
bool rv_fpu_gen_minmax(DisasCtx *ctx, RvFmt f, bool is_max, const arg_r *a);

typedef enum RvSgnj { RV_SGNJ, RV_SGNJN, RV_SGNJX } RvSgnj;
bool rv_fpu_gen_sgnj(DisasCtx *ctx, RvFmt f, RvSgnj kind, const arg_r *a);
bool rv_fpu_gen_cmp(DisasCtx *ctx, RvFmt f, IrCond cond, const arg_r *a);
bool rv_fpu_gen_class(DisasCtx *ctx, RvFmt f, const arg_r2 *a);

/* fcvt.{w,wu,l,lu}.fmt and fcvt.fmt.{w,wu,l,lu}. */
bool rv_fpu_gen_f2i(DisasCtx *ctx, RvFmt f, bool is64, bool is_signed,
                    const arg_r2_rm *a);
bool rv_fpu_gen_i2f(DisasCtx *ctx, RvFmt f, bool is64, bool is_signed,
                    const arg_r2_rm *a);
/* fcvt.s.d (TO = S) and fcvt.d.s (TO = D). */
bool rv_fpu_gen_f2f(DisasCtx *ctx, RvFmt to, const arg_r2_rm *a);
/* fmv.x.w / fmv.x.d and fmv.w.x / fmv.d.x. */
bool rv_fpu_gen_mv_x_f(DisasCtx *ctx, RvFmt f, const arg_r2 *a);
bool rv_fpu_gen_mv_f_x(DisasCtx *ctx, RvFmt f, const arg_r2 *a);
/* flw/fld, fsw/fsd. */
bool rv_fpu_gen_load(DisasCtx *ctx, RvFmt f, const arg_i *a);
bool rv_fpu_gen_store(DisasCtx *ctx, RvFmt f, const arg_s *a);

#endif
