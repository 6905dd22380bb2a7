/*
 * The per-TB translation loop: fetch, decode with the generated decoders
 * (defs/riscv: 32-bit and 16-bit), call the trans_* functions, decide where
 * the block ends.  RISC-V Unprivileged ISA 20191213, 1.5 "Base Instruction-
 * Length Encoding" (bits [1:0] != 11 is a 16-bit instruction) and chapter
 * 16 (C extension: every compressed instruction expands to a base one, so
 * the 16-bit decoder calls the same trans_* functions).
 *
 * A block ends
 *  - after an instruction that leaves it (branches, jumps, ecall, ebreak,
 *    fence.i, illegal encodings: RV_END_DONE, the trans function emitted
 *    the exit) or that changes translation state (a CSR write to frm or
 *    fcsr: RV_END_NEXT, continue through lookup_tb, never a chained jump,
 *    since the successor depends on the new frm);
 *  - before an instruction that would start outside the block's first page
 *    or cross into the next page (only the first instruction may cross; its
 *    two halves are checked with can_fetch), or that can_fetch refuses;
 *  - after cfg->max_insns instructions, or when the out-of-line exit table
 *    is full.
 * An encoding no decoder accepts (or a trans_* rejects) becomes an
 * RV_EXC_ILLEGAL exit at its pc: SIGILL for the guest.
 * docs/frontend.md describes the whole design.
 */
#include "rv_disas_ctx.h"
#include "rv_ext.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Globals, in creation order: x1..x31, f0..f31, pc (temp ids 1..64). */
#define RV_GLOBAL_X1 1u
#define RV_GLOBAL_F0 32u
#define RV_GLOBAL_PC 64u
#define RV_NB_GLOBALS 64u

void rv_frontend_init(IrCtx *ir)
{
    char name[8];
    for (unsigned i = 1; i < 32; i++) {
        snprintf(name, sizeof name, "x%u", i);
        ir_global(ir, IR_I64, (int32_t)offsetof(RvCpu, x[i]), name);
    }
    for (unsigned i = 0; i < 32; i++) {
        snprintf(name, sizeof name, "f%u", i);
        ir_global(ir, IR_F64, (int32_t)offsetof(RvCpu, f[i]), name);
    }
    ir_global(ir, IR_I64, (int32_t)offsetof(RvCpu, pc), "pc");
    rv_helpers_register();
}

/* The decoders of the extensions with their own spec (extensions.def
 * RV_EXT, in rv_ext_table order after the base ones). */
#define RV_EXT_BASE(name, hwcap, hwprobe, desc)
#define RV_EXT(name, hwcap, hwprobe, on, desc)                              \
    bool decode_##name(DisasCtx *ctx, uint32_t insn);
#include "extensions.def"
#undef RV_EXT
#undef RV_EXT_BASE

typedef bool RvExtDecoder(DisasCtx *ctx, uint32_t insn);
static RvExtDecoder *const ext_decoders[] = {
#define RV_EXT_BASE(name, hwcap, hwprobe, desc) NULL,
#define RV_EXT(name, hwcap, hwprobe, on, desc) decode_##name,
#include "extensions.def"
#undef RV_EXT
#undef RV_EXT_BASE
};

/* A 32-bit instruction: the base decoder, then each enabled extension's. */
static bool decode32(DisasCtx *ctx, uint32_t insn, uint64_t ext)
{
    if (decode_riscv32(ctx, insn))
        return true;
    for (unsigned i = 0; i < sizeof ext_decoders / sizeof ext_decoders[0];
         i++)
        if (ext_decoders[i] && (ext >> i & 1) && ext_decoders[i](ctx, insn))
            return true;
    return false;
}

/* trans_illegal: reserved compressed encodings (rv64c.decode). */
bool trans_illegal(DisasCtx *ctx, const arg_empty *a)
{
    (void)a;
    rv_gen_exception(ctx, RV_EXC_ILLEGAL);
    ctx->end = RV_END_DONE;
    return true;
}

static uint16_t read_half(const RvTranslateCfg *cfg, uint64_t pc)
{
    uint16_t h;
    memcpy(&h, (const void *)(cfg->guest_base + (uintptr_t)pc), sizeof h);
    return h;
}

static bool can_fetch(const RvTranslateCfg *cfg, uint64_t pc, unsigned len)
{
    return !cfg->can_fetch || cfg->can_fetch(cfg->opaque, pc, len);
}

/*
 * Reads the instruction at pc into *insn / *len.  Only the block's first
 * instruction may cross into the next page; both halves of a 32-bit one
 * are checked separately, since they may lie on different pages.
 */
static bool fetch(const RvTranslateCfg *cfg, uint64_t pc, bool first,
                  uint32_t *insn, unsigned *len)
{
    if (!can_fetch(cfg, pc, 2))
        return false;
    uint32_t lo = read_half(cfg, pc);
    if ((lo & 3) != 3) {
        *insn = lo;
        *len = 2;
        return true;
    }
    bool crosses = (pc & (RV_PAGE_SIZE - 1)) == RV_PAGE_SIZE - 2;
    if ((crosses && !first) || !can_fetch(cfg, pc + 2, 2))
        return false;
    *insn = lo | (uint32_t)read_half(cfg, pc + 2) << 16;
    *len = 4;
    return true;
}

static void ctx_init(DisasCtx *ctx, IrCtx *ir, const RvTranslateCfg *cfg,
                     RvTbFlags flags, uintptr_t tb_token)
{
    ctx->ir = ir;
    ctx->cfg = cfg;
    ctx->flags = flags;
    ctx->tb_token = tb_token;
    ctx->end = RV_END_NONE;
    ctx->nb_insns = 0;
    ctx->nb_slow = 0;
    ctx->x[0] = IR_NO_TEMP;
    for (unsigned i = 1; i < 32; i++)
        ctx->x[i] = (IrTemp){ RV_GLOBAL_X1 + i - 1 };
    for (unsigned i = 0; i < 32; i++)
        ctx->f[i] = (IrTemp){ RV_GLOBAL_F0 + i };
    ctx->pc_g = (IrTemp){ RV_GLOBAL_PC };
}

/* Every block first checks RvCpu.exit_request (rv_cpu.h), so a chained
 * loop still returns to the runtime promptly when another thread or a
 * signal handler asks it to; the exit itself is cold code after the body. */
static void gen_exit_request_check(IrCtx *ir, IrLabel exit)
{
    IrTemp req = ir_temp_new_bb(ir, IR_I32);
    ir_ld_env(ir, IR_I32, req, (int32_t)offsetof(RvCpu, exit_request),
              IR_MO_UL);
    ir_brcond(ir, IR_I32, req, ir_const_i32(ir, 0), IR_COND_NE, exit);
}

bool rv_translate(IrCtx *ir, const RvTranslateCfg *cfg, uint64_t pc,
                  RvTbFlags flags, uintptr_t tb_token, RvTbInfo *info)
{
    DisasCtx ctx;
    ctx_init(&ctx, ir, cfg, flags, tb_token);
    if (ir->nb_globals != RV_NB_GLOBALS) {
        fprintf(stderr, "rvtcg: rv_translate: context without the frontend's "
                "globals (rv_frontend_init)\n");
        abort();
    }

    const uint64_t start = pc;
    const uint64_t page = pc & ~(uint64_t)(RV_PAGE_SIZE - 1);
    const unsigned max = cfg->max_insns ? cfg->max_insns : 1;
    const uint64_t ext = cfg->ext ? cfg->ext : rv_ext_default_mask();

    IrLabel req_exit = ir_label_new(ir);

    for (;;) {
        uint32_t insn;
        unsigned len;
        if (!fetch(cfg, pc, ctx.nb_insns == 0, &insn, &len)) {
            if (ctx.nb_insns == 0)
                return false;
            break;
        }
        ctx.pc = pc;
        ctx.pc_next = pc + len;
        ctx.insn = insn;
        ctx.insn_len = len;
        ir_insn_start(ir, pc);
        if (ctx.nb_insns == 0)
            gen_exit_request_check(ir, req_exit);
        bool ok = len == 2 ? decode_riscv16(&ctx, insn)
                           : decode32(&ctx, insn, ext);
        if (!ok)
            trans_illegal(&ctx, NULL);
        ctx.nb_insns++;
        pc = ctx.pc_next;
        if (ctx.end != RV_END_NONE || ctx.nb_insns >= max ||
            ctx.nb_slow == RV_MAX_SLOW_EXITS ||
            (pc & ~(uint64_t)(RV_PAGE_SIZE - 1)) != page)
            break;
    }

    if (ctx.end == RV_END_NONE)
        rv_gen_goto(&ctx, 0, pc);
    else if (ctx.end == RV_END_NEXT)
        rv_gen_goto_indirect(&ctx, ir_const_i64(ir, (int64_t)pc));
    rv_gen_slow_exits(&ctx);
    ir_set_label(ir, req_exit);
    ir_mov(ir, IR_I64, ctx.pc_g, ir_const_i64(ir, (int64_t)start));
    ir_exit_tb(ir, 0);

    if (info) {
        info->pc = start;
        info->size = (uint32_t)(pc - start);
        info->nb_insns = ctx.nb_insns;
    }
    return true;
}
