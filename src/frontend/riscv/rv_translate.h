/*
 * The RISC-V frontend's interface: translate the guest instructions of one
 * translation block (TB) into IR.
 *
 * rv_translate() decodes from guest memory at pc with the generated
 * decoders (defs/riscv), calls the trans_* functions, and ends the block at
 * control flow, ecall/ebreak, fence.i, an illegal instruction, a CSR write
 * that changes translation state (frm), the end of a guest page or
 * cfg->max_insns instructions.  It leaves the IR unoptimized; the caller
 * runs opt_run and jit_compile.  docs/frontend.md describes the design.
 */
#ifndef RV_TRANSLATE_H
#define RV_TRANSLATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ir.h"
#include "rv_cpu.h"

#define RV_PAGE_SIZE 4096u

/* What the translation of a block depends on besides pc: part of the TB
 * lookup key (a TB is valid only for the state it was translated for). */
typedef struct RvTbFlags {
    uint8_t frm;            /* cpu->frm when the TB was translated */
} RvTbFlags;

typedef struct RvTranslateCfg {
    uintptr_t guest_base;   /* host address = guest_base + guest address */
    unsigned max_insns;     /* per TB, >= 1 (1 for -one-insn-per-tb) */
    /* May the translator read LEN instruction bytes at guest address PC?
     * (An unreadable first instruction is the caller's fault to report;
     * a later one just ends the block before it.) */
    bool (*can_fetch)(void *opaque, uint64_t pc, unsigned len);
    void *opaque;
    /* Enabled extensions, bit i = rv_ext_table[i] (rv_ext.h); 0 means
     * rv_ext_default_mask().  An encoding of a disabled extension is
     * illegal (SIGILL). */
    uint64_t ext;
    /* Optimizations (docs/performance.md; off with --no-fusion/--no-ras):
     * macro-op fusion of instruction pairs, and the return-address stack
     * (calls push, returns predict). */
    bool fusion;
    bool ras;
} RvTranslateCfg;

/* What rv_translate reports about the block it built. */
typedef struct RvTbInfo {
    uint64_t pc;            /* first instruction */
    uint32_t size;          /* guest bytes covered */
    uint32_t nb_insns;
} RvTbInfo;

/* Creates the IR globals for the guest registers in a fresh context (call
 * once per context, before anything else; ir_ctx_reset keeps them). */
void rv_frontend_init(IrCtx *ir);

/* Pins guest register x[XREG] (1..31) to host register HOST_REG in IR's
 * globals (IrTempInfo.fixed_reg; the runtime's pins.c decides). */
void rv_frontend_pin_x(IrCtx *ir, unsigned xreg, int host_reg);

/*
 * Translates the block at pc into IR (ir must be reset, with the globals of
 * rv_frontend_init).  tb_token: the value exit_tb uses for chainable exits
 * (rv_cpu.h).  Returns false only if the first instruction cannot be fetched.
 */
bool rv_translate(IrCtx *ir, const RvTranslateCfg *cfg, uint64_t pc,
                  RvTbFlags flags, uintptr_t tb_token, RvTbInfo *info);

#endif
