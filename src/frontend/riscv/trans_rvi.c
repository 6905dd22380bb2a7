/*
 * RV64I integer computational instructions: register-immediate and
 * register-register operations, LUI/AUIPC, and the RV64 "W" forms that
 * operate on the low 32 bits and sign-extend the result.
 * RISC-V Unprivileged ISA 20191213, 2.4 "Integer Computational
 * Instructions" and 5.2 "Integer Computational Instructions" (RV64I):
 * shifts use the low 6 bits of rs2 (5 bits for the W forms); SLT/SLTU
 * write 1 or 0; the W forms ignore the upper 32 bits of their sources.
 * Control transfer: trans_rvi_ctrl.c; loads/stores: trans_rvi_mem.c.
 */
#include "rv_trans_util.h"

/* ---- register-immediate ---- */

typedef RvBinFn BinFn;

static bool gen_imm(DisasCtx *ctx, const arg_i *a, BinFn *fn)
{
    fn(ctx->ir, IR_I64, rv_dest_x(ctx, a->rd), rv_get_x(ctx, a->rs1),
       ir_const_i64(ctx->ir, a->imm));
    return true;
}

static bool gen_reg(DisasCtx *ctx, const arg_r *a, BinFn *fn)
{
    fn(ctx->ir, IR_I64, rv_dest_x(ctx, a->rd), rv_get_x(ctx, a->rs1),
       rv_get_x(ctx, a->rs2));
    return true;
}

static bool gen_setcond(DisasCtx *ctx, unsigned rd, IrTemp a, IrTemp b,
                        IrCond cond)
{
    ir_setcond(ctx->ir, IR_I64, rv_dest_x(ctx, rd), a, b, cond);
    return true;
}

bool trans_lui(DisasCtx *ctx, const arg_u *a)
{
    rv_set_x(ctx, a->rd, ir_const_i64(ctx->ir, a->imm));
    return true;
}

bool trans_auipc(DisasCtx *ctx, const arg_u *a)
{
    uint64_t v = ctx->pc + (uint64_t)(int64_t)a->imm;
    rv_set_x(ctx, a->rd, ir_const_i64(ctx->ir, (int64_t)v));
    return true;
}

bool trans_addi(DisasCtx *ctx, const arg_i *a) { return gen_imm(ctx, a, ir_add); }
bool trans_xori(DisasCtx *ctx, const arg_i *a) { return gen_imm(ctx, a, ir_xor); }
bool trans_ori(DisasCtx *ctx, const arg_i *a)  { return gen_imm(ctx, a, ir_or); }
bool trans_andi(DisasCtx *ctx, const arg_i *a) { return gen_imm(ctx, a, ir_and); }

bool trans_slti(DisasCtx *ctx, const arg_i *a)
{
    return gen_setcond(ctx, a->rd, rv_get_x(ctx, a->rs1),
                       ir_const_i64(ctx->ir, a->imm), IR_COND_LT);
}

bool trans_sltiu(DisasCtx *ctx, const arg_i *a)
{
    /* the immediate is sign-extended, then compared unsigned (2.4) */
    return gen_setcond(ctx, a->rd, rv_get_x(ctx, a->rs1),
                       ir_const_i64(ctx->ir, a->imm), IR_COND_LTU);
}

static bool gen_shift_imm(DisasCtx *ctx, const arg_shift *a, BinFn *fn)
{
    fn(ctx->ir, IR_I64, rv_dest_x(ctx, a->rd), rv_get_x(ctx, a->rs1),
       ir_const_i64(ctx->ir, a->shamt & 63));
    return true;
}

bool trans_slli(DisasCtx *ctx, const arg_shift *a) { return gen_shift_imm(ctx, a, ir_shl); }
bool trans_srli(DisasCtx *ctx, const arg_shift *a) { return gen_shift_imm(ctx, a, ir_shr); }
bool trans_srai(DisasCtx *ctx, const arg_shift *a) { return gen_shift_imm(ctx, a, ir_sar); }

/* ---- register-register (IR shifts already take the count mod 64) ---- */

bool trans_add(DisasCtx *ctx, const arg_r *a) { return gen_reg(ctx, a, ir_add); }
bool trans_sub(DisasCtx *ctx, const arg_r *a) { return gen_reg(ctx, a, ir_sub); }
bool trans_sll(DisasCtx *ctx, const arg_r *a) { return gen_reg(ctx, a, ir_shl); }
bool trans_srl(DisasCtx *ctx, const arg_r *a) { return gen_reg(ctx, a, ir_shr); }
bool trans_sra(DisasCtx *ctx, const arg_r *a) { return gen_reg(ctx, a, ir_sar); }
bool trans_xor(DisasCtx *ctx, const arg_r *a) { return gen_reg(ctx, a, ir_xor); }
bool trans_or(DisasCtx *ctx, const arg_r *a)  { return gen_reg(ctx, a, ir_or); }
bool trans_and(DisasCtx *ctx, const arg_r *a) { return gen_reg(ctx, a, ir_and); }

bool trans_slt(DisasCtx *ctx, const arg_r *a)
{
    return gen_setcond(ctx, a->rd, rv_get_x(ctx, a->rs1),
                       rv_get_x(ctx, a->rs2), IR_COND_LT);
}

bool trans_sltu(DisasCtx *ctx, const arg_r *a)
{
    return gen_setcond(ctx, a->rd, rv_get_x(ctx, a->rs1),
                       rv_get_x(ctx, a->rs2), IR_COND_LTU);
}

/* ---- W forms: a 32-bit operation, result sign-extended (5.2) ---- */

bool trans_addiw(DisasCtx *ctx, const arg_i *a)
{
    return rv_gen_w_op(ctx, a->rd, rv_get_x(ctx, a->rs1),
                       ir_const_i64(ctx->ir, a->imm), ir_add);
}

bool trans_slliw(DisasCtx *ctx, const arg_shift *a)
{
    return rv_gen_w_op(ctx, a->rd, rv_get_x(ctx, a->rs1),
                       ir_const_i64(ctx->ir, a->shamt & 31), ir_shl);
}

bool trans_srliw(DisasCtx *ctx, const arg_shift *a)
{
    return rv_gen_w_op(ctx, a->rd, rv_get_x(ctx, a->rs1),
                       ir_const_i64(ctx->ir, a->shamt & 31), ir_shr);
}

bool trans_sraiw(DisasCtx *ctx, const arg_shift *a)
{
    return rv_gen_w_op(ctx, a->rd, rv_get_x(ctx, a->rs1),
                       ir_const_i64(ctx->ir, a->shamt & 31), ir_sar);
}

static bool gen_reg_w(DisasCtx *ctx, const arg_r *a, BinFn *fn)
{
    return rv_gen_w_op(ctx, a->rd, rv_get_x(ctx, a->rs1),
                       rv_get_x(ctx, a->rs2), fn);
}

bool trans_addw(DisasCtx *ctx, const arg_r *a) { return gen_reg_w(ctx, a, ir_add); }
bool trans_subw(DisasCtx *ctx, const arg_r *a) { return gen_reg_w(ctx, a, ir_sub); }
bool trans_sllw(DisasCtx *ctx, const arg_r *a) { return gen_reg_w(ctx, a, ir_shl); }
bool trans_srlw(DisasCtx *ctx, const arg_r *a) { return gen_reg_w(ctx, a, ir_shr); }
bool trans_sraw(DisasCtx *ctx, const arg_r *a) { return gen_reg_w(ctx, a, ir_sar); }
