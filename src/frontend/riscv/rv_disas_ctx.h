/*
 * DisasCtx: the translator's state while it builds one TB, and the small
 * IR-building helpers every trans_*.c file uses.  The generated decoders
 * (decode-riscv32.c / decode-riscv16.c) pass a DisasCtx * to the trans_*
 * functions, which return false to mean "not this pattern" (the decoder
 * then tries the next pattern of an overlap group, or reports an illegal
 * instruction).
 */
#ifndef RV_DISAS_CTX_H
#define RV_DISAS_CTX_H

#include <stdbool.h>
#include <stdint.h>

#include "ir-build.h"
#include "ir.h"
#include "rv_translate.h"
#include "decode-riscv16.h"
#include "decode-riscv32.h"

/* At most this many out-of-line exits per TB (rv_gen_check_align); the
 * translator ends the block early rather than run out. */
#define RV_MAX_SLOW_EXITS 16

/* An exit placed after the block's body, reached by a branch from the
 * middle of an instruction (a misaligned atomic: RV_EXC_MISALIGNED with
 * badaddr = x[addr_reg]). */
typedef struct RvSlowExit {
    IrLabel label;
    uint64_t pc;
    uint32_t insn;
    uint8_t addr_reg;
} RvSlowExit;

/* How the current instruction ends the block (if it does). */
typedef enum RvEnd {
    RV_END_NONE,       /* falls through to the next instruction */
    RV_END_DONE,       /* the trans function emitted the block's exit */
    RV_END_NEXT,       /* end after this insn, continuing at pc_next
                          (e.g. a CSR write that changes frm) */
} RvEnd;

struct DisasCtx {
    IrCtx *ir;
    const RvTranslateCfg *cfg;
    RvTbFlags flags;          /* translation-time state (frm) */
    uintptr_t tb_token;       /* exit_tb value base for this TB */

    uint64_t pc;              /* current instruction */
    uint64_t pc_next;         /* the one after it */
    uint32_t insn;            /* its encoding */
    unsigned insn_len;        /* 2 or 4 */
    RvEnd end;

    IrTemp x[32];             /* globals; x[0] is IR_NO_TEMP (reads give 0) */
    IrTemp f[32];             /* f64 globals holding the raw 64-bit register */
    IrTemp pc_g;              /* global: RvCpu.pc (i64) */

    unsigned nb_insns;        /* instructions before the current one */
    unsigned nb_slow;         /* pending out-of-line exits */
    RvSlowExit slow[RV_MAX_SLOW_EXITS];
};

/* Integer register access: reading x0 gives the constant 0, writing x0
 * discards the value (RISC-V Unprivileged ISA 2.1). */
IrTemp rv_get_x(DisasCtx *ctx, unsigned r);
IrTemp rv_dest_x(DisasCtx *ctx, unsigned r);       /* a temp to compute into */
void rv_set_x(DisasCtx *ctx, unsigned r, IrTemp v);  /* after computing */

/* Block exits.  All store the next pc in RvCpu.pc first. */
void rv_gen_goto(DisasCtx *ctx, unsigned slot, uint64_t dest);   /* chainable */
void rv_gen_goto_indirect(DisasCtx *ctx, IrTemp dest);           /* lookup_tb */
void rv_gen_exception(DisasCtx *ctx, RvException exc);           /* at ctx->pc */

/* Branches to an out-of-line RV_EXC_MISALIGNED exit for the current
 * instruction if x[addr_reg] is not a multiple of SIZE (a power of two);
 * the exit stores badaddr = x[addr_reg].  addr_reg != 0 (x0 is aligned). */
void rv_gen_check_align(DisasCtx *ctx, unsigned addr_reg, unsigned size);
/* Emits the pending out-of-line exits (after the block's last exit). */
void rv_gen_slow_exits(DisasCtx *ctx);

/* Registers the frontend's IR helpers (rv_frontend_init calls it). */
void rv_helpers_register(void);

#endif
