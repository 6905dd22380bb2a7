/*
 * The generic register allocator and its contract with a host backend.
 *
 * ra_codegen() walks the ops of one translation block once, in order
 * (after ra_liveness has annotated them), and for each op: picks the
 * constraint set from the generated table (ir_cons_select: no per-opcode
 * code here), puts every input in a register allowed by its constraint or
 * passes a constant as an immediate when the constraint allows that kind,
 * honours tied (aliased) inputs, fixed registers, "new register" outputs,
 * scratch registers and clobbers, spills and reloads under pressure, writes
 * globals back lazily (as IR_LIFE_SYNC and the op flags demand: before
 * rglob/fault/tb_exit ops, at basic-block ends), then asks the backend to
 * emit the op with the registers it chose.  Moves, constant loads, spills
 * and reloads are emitted through the backend's hooks below.  Host
 * registers are numbered as in ir-ops.h (0..15 GPRs, 16..31 XMMs).
 */
#ifndef REGALLOC_H
#define REGALLOC_H

#include <stdbool.h>
#include <stdint.h>

#include "ir.h"

/* One resolved operand of an op, as the backend receives it. */
typedef struct RaArg {
    int8_t reg;          /* host register, or -1 for an immediate */
    bool is_const;       /* set exactly for immediates (reg == -1) */
    int64_t val;         /* the immediate (sign-extended from i32) */
} RaArg;

/* What a host backend tells the allocator, and the hooks it calls. */
typedef struct RaHost {
    uint32_t features;          /* host features for ir_cons_select */
    uint32_t allocatable;       /* registers the allocator may use */
    uint32_t reserved;          /* never allocated (stack, env, guest base) */
    int env_reg;                /* holds the CPU state pointer (globals' base) */
    int frame_reg;              /* base of the spill area */
    int32_t frame_offset;       /* first spill slot: [frame_reg + offset] */
    int32_t frame_size;         /* bytes of spill area */

    /* The hooks, called in code order (docs/regalloc.md, "What the
     * backend must provide").  T is the value's own type: mov copies
     * within one register class; movi's VAL is zero-extended from 32 bits
     * for i32/f32 and DST may be an xmm register; load/store move T's size
     * at [BASE + OFF], BASE being env_reg (a global) or frame_reg (a spill
     * slot).  Any hook may clobber the host flags. */
    void *be;                   /* the backend's own state for the hooks */
    void (*mov)(void *be, IrType t, int dst, int src);
    void (*movi)(void *be, IrType t, int dst, uint64_t val);
    void (*load)(void *be, IrType t, int dst, int base, int32_t off);
    void (*store)(void *be, IrType t, int src, int base, int32_t off);
    /* Emit OP.  args[] has one entry per temp argument (outputs, then
     * inputs) and, after them, one per scratch register of CS (reg only);
     * constant arguments are read from op itself.  Meta ops insn_start and
     * set_label also come here (no host code, but the backend records
     * them); nop, discard and mov never do. */
    void (*op)(void *be, const IrOp *op, const IrConsSet *cs,
               const RaArg *args);
} RaHost;

/* The liveness pass: sets IrOp.life on every op (backwards, per basic
 * block, globals and TB temps live at block ends).  SYNC is also set on
 * outputs of TB temps whose value must reach their frame slot. */
void ra_liveness(IrCtx *ctx);

/*
 * Allocates and emits the whole context through HOST.  Returns 0, or -1
 * when the spill area is too small for the block (the caller translates a
 * shorter block) or a constraint cannot be met with HOST's registers.
 * Runs ra_liveness itself.  A global pinned to a host register
 * (IrTempInfo.fixed_reg >= 0) has that register as its home instead of
 * env (docs/regalloc.md, "Pinned globals"); a register the allocator
 * could not use for it aborts.
 */
int ra_codegen(IrCtx *ctx, const RaHost *host);

#endif
