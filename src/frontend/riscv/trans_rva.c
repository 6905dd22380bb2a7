/*
 * A extension: LR/SC and AMOs on host atomic instructions.  RISC-V
 * Unprivileged ISA 20191213, chapter 8: 8.2 "Load-Reserved/Store-
 * Conditional Instructions" (SC writes 0 on success, nonzero on failure,
 * and always invalidates the reservation), 8.4 "Atomic Memory Operations"
 * (rd = the old value, sign-extended for .W), 8.1 (aq/rl).
 *
 * Reservation: LR stores the address and the loaded value in RvCpu
 * (res_addr, res_val); SC succeeds iff its address equals res_addr and a
 * host cmpxchg(addr, res_val, rs2) finds the value unchanged.  That keeps
 * SC correct across guest threads (another hart's store of a different
 * value breaks it) at the price of the usual ABA blind spot, which the
 * LR/SC forward-progress rules allow.
 *
 * AMOs map to IR atomics: swap -> xchg, add -> fetch_add (lock xadd),
 * and/or/xor/min/max -> the backend's lock cmpxchg loops.
 *
 * Alignment: LR/SC/AMOs need natural alignment; a misaligned address
 * leaves through an out-of-line RV_EXC_MISALIGNED exit (badaddr = rs1),
 * which the runtime turns into SIGBUS/BUS_ADRALN as Linux and qemu-riscv64
 * do.  SC compares the address with the reservation first, as QEMU does:
 * an SC to another address fails without touching memory.
 *
 * Ordering on x86-TSO: locked instructions are full barriers, so AMOs and
 * SC need nothing for aq/rl; a plain load (LR) is already an acquire, but
 * LR.rl must not pass earlier stores, so it gets a store->load barrier.
 */
#include <stddef.h>

#include "rv_disas_ctx.h"

typedef IrOp *AmoFn(IrCtx *, IrType, IrTemp, IrTemp, IrTemp, IrMemOp);

static IrMemOp amo_mop(unsigned size)
{
    return size == 4 ? IR_MO_SL : IR_MO_UQ;
}

static bool gen_lr(DisasCtx *ctx, const arg_atomic *a, unsigned size)
{
    IrTemp addr = rv_get_x(ctx, a->rs1);
    rv_gen_check_align(ctx, a->rs1, size);
    if (a->rl)
        ir_mb(ctx->ir, IR_BAR_ALL);
    IrTemp v = ir_temp_new_bb(ctx->ir, IR_I64);
    ir_ld_guest(ctx->ir, IR_I64, v, addr, amo_mop(size));
    ir_st_env(ctx->ir, IR_I64, addr, (int32_t)offsetof(RvCpu, res_addr),
              IR_MO_UQ);
    ir_st_env(ctx->ir, IR_I64, v, (int32_t)offsetof(RvCpu, res_val),
              IR_MO_UQ);
    rv_set_x(ctx, a->rd, v);
    return true;
}

static bool gen_sc(DisasCtx *ctx, const arg_atomic *a, unsigned size)
{
    IrCtx *ir = ctx->ir;
    IrTemp addr = rv_get_x(ctx, a->rs1);
    IrTemp dest = rv_dest_x(ctx, a->rd);
    IrLabel fail = ir_label_new(ir), done = ir_label_new(ir);

    IrTemp ra = ir_temp_new_bb(ir, IR_I64);
    ir_ld_env(ir, IR_I64, ra, (int32_t)offsetof(RvCpu, res_addr), IR_MO_UQ);
    ir_brcond(ir, IR_I64, addr, ra, IR_COND_NE, fail);

    rv_gen_check_align(ctx, a->rs1, size);
    /* .W: the reserved value as the sign-extended word, so the success
     * test below agrees with cmpxchg's 32-bit comparison */
    IrTemp rv = ir_temp_new_bb(ir, IR_I64);
    ir_ld_env(ir, IR_I64, rv, (int32_t)offsetof(RvCpu, res_val),
              amo_mop(size));
    IrTemp old = ir_temp_new_bb(ir, IR_I64);
    ir_cmpxchg(ir, IR_I64, old, addr, rv, rv_get_x(ctx, a->rs2),
               amo_mop(size));
    ir_setcond(ir, IR_I64, dest, old, rv, IR_COND_NE);
    ir_br(ir, done);

    ir_set_label(ir, fail);
    if (a->aq || a->rl)      /* no access, but keep the ordering (QEMU too) */
        ir_mb(ir, IR_BAR_ALL);
    ir_mov(ir, IR_I64, dest, ir_const_i64(ir, 1));

    ir_set_label(ir, done);
    ir_st_env(ir, IR_I64, ir_const_i64(ir, (int64_t)RV_NO_RESERVATION),
              (int32_t)offsetof(RvCpu, res_addr), IR_MO_UQ);
    return true;
}

static bool gen_amo(DisasCtx *ctx, const arg_atomic *a, unsigned size,
                    AmoFn *fn)
{
    rv_gen_check_align(ctx, a->rs1, size);
    fn(ctx->ir, IR_I64, rv_dest_x(ctx, a->rd), rv_get_x(ctx, a->rs1),
       rv_get_x(ctx, a->rs2), amo_mop(size));
    return true;
}

bool trans_lr_w(DisasCtx *ctx, const arg_atomic *a) { return gen_lr(ctx, a, 4); }
bool trans_lr_d(DisasCtx *ctx, const arg_atomic *a) { return gen_lr(ctx, a, 8); }
bool trans_sc_w(DisasCtx *ctx, const arg_atomic *a) { return gen_sc(ctx, a, 4); }
bool trans_sc_d(DisasCtx *ctx, const arg_atomic *a) { return gen_sc(ctx, a, 8); }

#define AMO(name, fn) \
    bool trans_##name##_w(DisasCtx *ctx, const arg_atomic *a) \
    { return gen_amo(ctx, a, 4, fn); } \
    bool trans_##name##_d(DisasCtx *ctx, const arg_atomic *a) \
    { return gen_amo(ctx, a, 8, fn); }

AMO(amoswap, ir_xchg)
AMO(amoadd, ir_fetch_add)
AMO(amoxor, ir_fetch_xor)
AMO(amoand, ir_fetch_and)
AMO(amoor, ir_fetch_or)
AMO(amomin, ir_fetch_smin)
AMO(amomax, ir_fetch_smax)
AMO(amominu, ir_fetch_umin)
AMO(amomaxu, ir_fetch_umax)
