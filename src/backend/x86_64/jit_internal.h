/*
 * Internal interface of the x86-64 JIT: the Jit object (code cache and the
 * fixed code at its start), the per-block emitter state JitEmit that the
 * register allocator's hooks write through, the frame layout, and the
 * lowering entry points of the lower_*.c files.  Only src/backend/x86_64
 * includes this; docs/backend.md ("Generated code") describes the layout.
 */
#ifndef JIT_INTERNAL_H
#define JIT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "codebuf.h"
#include "jit.h"
#include "jit_emit.h"
#include "regalloc.h"
#include "x86-emit.h"
#include "x86_short.h"

/*
 * The frame of generated code, below the registers the prologue pushed:
 *   [rsp + 0, JIT_SPILL_BYTES)   the register allocator's spill slots
 *   [rsp + JIT_SCR_*]            backend scratch slots (slow paths)
 * rsp stays 16-byte aligned inside translation blocks (SysV ABI 3.2.2), so
 * helpers are called without adjusting it.
 */
#define JIT_SPILL_BYTES  4096
#define JIT_SCR_ARG(i)   (JIT_SPILL_BYTES + 8 * (i)) /* slow-call args 0..4 */
#define JIT_SCR_NB_ARGS  5
#define JIT_SCR_RES      (JIT_SPILL_BYTES + 40)  /* slow-call result */
#define JIT_SCR_SAVE     (JIT_SPILL_BYTES + 48)  /* a borrowed register */
#define JIT_SCR_BYTES    56
/* 6 pushes + return address = 56 bytes: the frame must be 8 mod 16. */
#define JIT_FRAME_BYTES  (((JIT_SPILL_BYTES + JIT_SCR_BYTES + 15) / 16) * 16 + 8)

#define JIT_ENV_REG   X86_RBP
#define JIT_GBASE_REG X86_R15

/* 16-byte entries of the constant pool in the fixed code (rip-relative). */
typedef enum JitConst {
    JIT_C_SIGN32,     /* 0x80000000 x4: fneg f32 */
    JIT_C_ABS32,      /* 0x7fffffff x4: fabs f32 */
    JIT_C_SIGN64,     /* 0x8000000000000000 x2 */
    JIT_C_ABS64,      /* 0x7fffffffffffffff x2 */
    JIT_C_ZERO,       /* all zero: +0.0 of both widths, integer 0 */
    JIT_C_U32LIM_F64, /* 4294967295.0: below it ftou.i32 cannot overflow */
    JIT_C_U32LIM_F32, /* 4294967296.0f */
    JIT_C_U64LIM_F64, /* 2^63 */
    JIT_C_U64LIM_F32, /* 2^63 (f32) */
    JIT_C_BOXMASK,    /* 0xffffffff00000000 x2: fbox (NaN-boxing) */
    JIT_C_COUNT
} JitConst;

/* The code cache: one mapping (RWX) or, in W^X mode, two views of a memfd. */
typedef struct JitCache {
    uint8_t *rw;          /* where code is written */
    uint8_t *rx;          /* where it runs (== rw without W^X) */
    size_t size;
    int memfd;            /* -1 without W^X */
} JitCache;

struct Jit {
    JitConfig cfg;
    uint32_t features;    /* cfg.host_features & x86_host_features() */
    JitCache cache;
    int gbase_reg;        /* JIT_GBASE_REG, or -1 */
    int32_t gbase_disp;   /* guest_base as a displacement (no register) */
    /* offsets in the cache of the fixed code (prologue.c) */
    uint32_t off_prologue, off_ret0, off_epilogue, off_pool;
    uint32_t off_fcvt_stub;      /* slow-call stubs: jit_helper_fcvt */
    uint32_t off_atomic_be_stub; /* jit_helper_atomic_be */
    uint32_t code_start;  /* first byte for translation blocks */
    uint32_t code_ptr;    /* next free byte */
};

/* A forward reference to a label (rel32 at `at`) or to the block's
 * literal pool (disp32 at `at`, instruction ending at `end`). */
typedef struct JitFixup {
    uint32_t at;
    uint32_t end;
    uint32_t target;      /* label id / pool index */
} JitFixup;

/* A conditional jump to a label, 4-byte aligned rel32 at `at`. */
typedef struct JitDirectJcc {
    uint32_t at;
    uint32_t label;
} JitDirectJcc;

typedef struct JitEmit {
    Jit *jit;
    IrCtx *ctx;
    CodeBuf cb;           /* over the RW view, exec_delta = rx - rw */
    uint32_t features;
    RaHost host;
    int32_t *label_off;   /* per label id: offset, or -1 */
    uint32_t nb_labels;
    JitFixup *lfix;       /* label fixups */
    size_t nb_lfix, cap_lfix;
    JitFixup *pfix;       /* literal-pool fixups */
    size_t nb_pfix, cap_pfix;
    uint64_t *pool;       /* 8-byte literals of this block */
    size_t nb_pool, cap_pool;
    JitPcMap *pc_map;
    size_t nb_pc, cap_pc;
    uint32_t jmp_insn[2], jmp_reset[2];
    /* direct_jcc (lower_ctrl.c): the aligned forward jccs whose label may
     * start a goto_tb (rel32 offset, label id), and per slot the one that
     * did (JitTb.jcc_rel) */
    JitDirectJcc djcc[2];
    unsigned nb_djcc;
    uint32_t jcc_rel[2];
    JitOpSpan *spans;     /* per emitted op, when asked for */
    size_t nb_spans, cap_spans;
    bool want_spans;
} JitEmit;

/* ---- small emission helpers (emit_util.c) ---- */

/* Grows dynamic array *P (*CAP elements of SIZE bytes) to hold N + 1;
 * aborts when out of memory. */
bool jit_grow(JitEmit *em, void **p, size_t *cap, size_t n, size_t size);

static inline CodeBuf *jit_cb(JitEmit *em)
{
    return &em->cb;
}

static inline uint32_t jit_off(JitEmit *em)
{
    return (uint32_t)cb_offset(&em->cb);
}

/* Execution address of a byte of the fixed code. */
static inline uintptr_t jit_fixed_addr(const Jit *jit, uint32_t off)
{
    return (uintptr_t)jit->cache.rx + off;
}

/* Writable address of an executable one (W^X aliases). */
static inline uint8_t *jit_rw_of(const Jit *jit, const void *rx)
{
    return jit->cache.rw + ((const uint8_t *)rx - jit->cache.rx);
}

/* A forward rel8 branch: emit, then jit_fwd8_here() at the target. */
uint32_t jit_jcc8_fwd(JitEmit *em, X86Cond cc);
uint32_t jit_jmp8_fwd(JitEmit *em);
void jit_fwd8_here(JitEmit *em, uint32_t fix);
/* A backward rel8 branch to offset TARGET (must be in reach). */
void jit_jcc8_back(JitEmit *em, X86Cond cc, uint32_t target);

/* Patches the disp32 of the instruction just emitted (IMM_BYTES bytes of
 * immediate after it) to reach fixed-code constant C. */
void jit_rip_const(JitEmit *em, JitConst c, unsigned imm_bytes);
/* Memory operand for constant C; call jit_rip_const after the insn. */
static inline X86Mem jit_rip0(void)
{
    return x86_mem_rip(0);
}
/* Same for an 8-byte literal of the block's own pool. */
void jit_rip_literal(JitEmit *em, uint64_t val, unsigned imm_bytes);

/* Branch to a label (jmp, or jcc when cc >= 0). */
void jit_branch_label(JitEmit *em, int cc, uint32_t label);

/* Borrows a general register outside AVOID (a register mask) and the
 * reserved ones, saving it in the frame; jit_return_gpr restores it. */
X86Reg jit_borrow_gpr(JitEmit *em, uint32_t avoid);
void jit_return_gpr(JitEmit *em, X86Reg r);

/* Calls a slow-path stub (fixed code) that preserves every register. */
void jit_call_fixed(JitEmit *em, uint32_t off);

/* IrCond -> x86 condition (not NEVER/ALWAYS). */
X86Cond jit_cond(IrCond c);

/* The type of temp argument I of OP (outputs first, then inputs). */
static inline IrType jit_arg_type(const JitEmit *em, const IrOp *op,
                                  unsigned i)
{
    return (IrType)em->ctx->temps[op->args[i].temp.id].type;
}

/* ---- lowering (one file per group) ---- */

typedef void JitLowerFn(JitEmit *em, const IrOp *op, const IrConsSet *cs,
                        const RaArg *a);

JitLowerFn jit_lower_alu;      /* lower_int.c */
JitLowerFn jit_lower_shift;
JitLowerFn jit_lower_bits;     /* lower_bits.c */
JitLowerFn jit_lower_clmul;    /* lower_clmul.c */
JitLowerFn jit_lower_muldiv;   /* lower_muldiv.c */
JitLowerFn jit_lower_cond;     /* lower_ctrl.c */
JitLowerFn jit_lower_ctrl;
JitLowerFn jit_lower_mem;      /* lower_mem.c */
JitLowerFn jit_lower_atomic;   /* lower_atomic.c */
JitLowerFn jit_lower_fp;       /* lower_fp.c */
JitLowerFn jit_lower_fcvt;     /* lower_fcvt.c */
JitLowerFn jit_lower_fpx;      /* lower_fpx.c */
JitLowerFn jit_lower_ras;      /* lower_ras.c */
/* lower_ctrl.c: lookup_tb's code (inline probe, then the hook): D = the
 * host code for guest PC; clobbers the SysV caller-saved registers. */
void jit_emit_lookup_tb(JitEmit *em, X86Reg d, X86Reg pc);

/* lower_mem.c, also used by the hooks: load/store of a value of type T
 * with memory op MOP. */
void jit_emit_load(JitEmit *em, IrType t, IrMemOp mop, X86Reg d, X86Mem m);
void jit_emit_store(JitEmit *em, IrType t, IrMemOp mop, const RaArg *v,
                    X86Mem m);
/* Extends the low MOP-size bits of R in place to a value of type T. */
void jit_extend_reg(JitEmit *em, IrType t, IrMemOp mop, X86Reg r);
/* The host memory operand of guest address ADDR. */
X86Mem jit_guest_mem(JitEmit *em, X86Reg addr);
/* For IR_MO_ALIGN: UD2 unless ADDR is a multiple of the access size. */
void jit_check_align(JitEmit *em, IrMemOp mop, X86Reg addr);

/* ---- the fixed code (prologue.c) and the code cache (codecache.c) ---- */

/* Emits prologue, epilogue, stubs and constants at the cache start. */
bool jit_emit_fixed(Jit *jit);
/* Does GUEST_BASE need a register (r15), or fit a sign-extended disp32? */
static inline bool jit_gbase_needs_reg(uintptr_t guest_base)
{
    int64_t gb = (int64_t)guest_base;
    return gb < INT32_MIN || gb > INT32_MAX;
}
/* Are JitConfig.pins usable (callee-saved, distinct, not guest_base's,
 * one callee-saved register left)?  false + err if not. */
bool jit_pins_check(const Jit *jit, char *err, size_t errlen);
/* The host registers of JitConfig.pins. */
uint32_t jit_pinned_regs(const Jit *jit);

bool jit_cache_map(JitCache *c, size_t size, bool wx, char *err,
                   size_t errlen);
void jit_cache_unmap(JitCache *c);

/* ---- helpers called from generated code (helpers.c) ---- */

uint64_t jit_helper_ctpop64(uint64_t x);
uint32_t jit_helper_ctpop32(uint32_t x);
double jit_helper_fma64(double a, double b, double c);
double jit_helper_fma64_nm(double a, double b, double c);
double jit_helper_fma64_na(double a, double b, double c);
double jit_helper_fma64_nb(double a, double b, double c);
float jit_helper_fma32(float a, float b, float c);
float jit_helper_fma32_nm(float a, float b, float c);
float jit_helper_fma32_na(float a, float b, float c);
float jit_helper_fma32_nb(float a, float b, float c);

/* Float -> integer with RISC-V semantics for every input (the slow path
 * of ftoi/ftou).  DESC: JIT_FCVT_* bits and the IrRound in bits 0..2. */
#define JIT_FCVT_SRC64   0x08u   /* source is f64 (else f32) */
#define JIT_FCVT_DST64   0x10u   /* result is 64-bit (else 32) */
#define JIT_FCVT_UNSIGNED 0x20u  /* ftou */
uint64_t jit_helper_fcvt(uint64_t bits, uint64_t desc);

/* A big-endian atomic op on guest memory (no frontend emits one): ADDR +
 * GBASE is the host address, V the operand (cmpxchg: the compare value),
 * NEWV cmpxchg's new value; DESC = opcode | memop << 16 | type << 24.
 * Returns the old value extended per the memop. */
uint64_t jit_helper_atomic_be(uint64_t addr, uint64_t v, uint64_t newv,
                              uint64_t gbase, uint64_t desc);

#endif
