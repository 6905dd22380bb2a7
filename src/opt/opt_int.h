/*
 * Internals shared by the optimizer's files: the state of the forward pass
 * (per-temp facts: copy-of, known-zero and known-one bits, with versions and
 * epochs that make stale facts invisible), value helpers, op rewriting
 * helpers, and the entry points of each file's rules.
 *
 * Facts and their lifetimes (docs/optimizer.md, "Facts"):
 *   - a temp's facts were recorded at some epoch of its kind; they are valid
 *     while that epoch lasts.  Globals' epoch ends at every label and at
 *     every op that may write globals in memory (wglob); TB temps' at every
 *     label that a branch names; basic-block temps' at every block boundary.
 *   - "d is a copy of s" also needs s unchanged: s's version (bumped at every
 *     definition of s) and s's epoch must be those seen when d was defined.
 */
#ifndef OPT_INT_H
#define OPT_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "ir.h"
#include "opt.h"

typedef struct OptFact {
    uint32_t version;      /* bumped at every definition of the temp */
    uint32_t epoch;        /* epoch of the temp's kind when facts were set */
    uint32_t src;          /* the temp this one is a copy of, or 0 */
    uint32_t src_version;  /* src's version then */
    uint32_t src_epoch;    /* src's kind's epoch then */
    uint64_t z, o;         /* bits known to be 0 / 1 (within the width) */
    uint8_t sb;            /* sign bits: the top SB bits (within the width)
                            * are known equal; 0 or 1 = nothing known */
    uint8_t def_kind;      /* OptDefKind: the value in terms of def_src */
    uint8_t def_ofs, def_len;
    uint32_t def_src;      /* the temp the value derives from */
    uint32_t def_version;  /* def_src's version then (before this op) */
    uint32_t def_epoch;    /* def_src's kind's epoch then */
    uint32_t def_op;       /* index of the defining op */
    uint32_t def_at;       /* index of the op that last defined the temp */
} OptFact;

/* How a temp's value derives from another temp's (field.c): */
typedef enum OptDefKind {
    OPT_DEF_NONE,
    OPT_DEF_FIELD,         /* zero-extended bits [ofs, ofs+len) of src */
    OPT_DEF_SFIELD,        /* sign-extended bits [ofs, ofs+len) of src */
    OPT_DEF_SHL,           /* src << ofs (same width) */
    OPT_DEF_SHLW,          /* an i64: sign-extended (low 32 bits of src
                            * << ofs), RISC-V slliw */
} OptDefKind;

typedef struct OptDef {
    OptDefKind kind;
    unsigned ofs, len;
    IrTemp src;
    bool self;             /* src is the temp itself, overwritten by the
                            * defining op def_op (the value is gone) */
    uint32_t op;           /* the defining op's index */
} OptDef;

typedef struct OptState {
    IrCtx *ctx;
    const OptConfig *cfg;
    OptFact *facts;        /* indexed by temp id */
    uint32_t nb_facts;
    uint32_t ep_glob, ep_tb, ep_bb;
    bool dead;             /* after a noreturn op, before the next label */
} OptState;

static inline bool opt_on(const OptState *st, OptRule r)
{
    return !(st->cfg->disabled >> r & 1);
}

/* ---- Values ------------------------------------------------------------------- */

static inline unsigned opt_type_bits(IrType t)
{
    return t == IR_I32 || t == IR_F32 ? 32 : 64;
}

static inline uint64_t opt_mask(unsigned bits)
{
    return bits >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << bits) - 1;
}

/* V's low BITS bits, sign-extended to 64. */
static inline int64_t opt_sext(uint64_t v, unsigned bits)
{
    if (bits >= 64)
        return (int64_t)v;
    return (int64_t)(v << (64 - bits)) >> (64 - bits);
}

static inline bool opt_is_int(const IrCtx *ctx, IrTemp t)
{
    return ctx->temps[t.id].type <= IR_I64;
}

/* ---- Facts (copyprop.c) ------------------------------------------------------------ */

/* The current epoch of temps of KIND. */
uint32_t opt_cur_epoch(const OptState *st, IrTempKind kind);
/* Whether T's recorded facts are still valid. */
bool opt_fact_valid(const OptState *st, IrTemp t);
/* The temp T is known to be a copy of (possibly a constant), or T. */
IrTemp opt_copy_source(const OptState *st, IrTemp t);
/* The constant T holds, if known by being one or by a valid copy fact
 * (zero-extended from its width). */
bool opt_const_of(const OptState *st, IrTemp t, uint64_t *v);
/* Known-zero / known-one bits of T (masked to its width; 0 for floats). */
void opt_bits_of(const OptState *st, IrTemp t, uint64_t *z, uint64_t *o);
/* Rewrites the inputs of OP through copy facts (rules constprop, copyprop). */
void opt_rewrite_inputs(OptState *st, IrOp *op);
/* Records the definition of OUT: new version, facts (copy source SRC or
 * IR_NO_TEMP, known bits Z/O). */
void opt_define(OptState *st, IrTemp out, IrTemp src, uint64_t z, uint64_t o);
/* A mov that changes nothing (d == s, or d already a copy of s): removed
 * by rule copyprop; true if it was. */
bool opt_copy_redundant_mov(OptState *st, size_t i);

/* ---- Sign bits and derived values (signbits.c, field.c) ---------------------- */

/* Number of top bits of T (within its width) known to equal its sign bit:
 * 1..width, 1 when nothing is known. */
unsigned opt_sign_bits(const OptState *st, IrTemp t);
/* signbits.c: the sign bits of OP's (first) output, from its inputs'. */
unsigned opt_sb_output(const OptState *st, const IrOp *op);
/* signbits.c: rule kb-sext; true if OP changed. */
bool opt_signbits(OptState *st, IrOp *op);
/* field.c: how OP's (first) output derives from one of its inputs (op
 * index I), computed before the output is defined. */
OptDef opt_def_output(const OptState *st, const IrOp *op, size_t i);
/* field.c: stores DEF (and sign bits SB) as facts of OUT, just defined. */
void opt_def_record(OptState *st, IrTemp out, const OptDef *def, unsigned sb);
/* field.c: T's valid def fact; with ALLOW_SELF also one whose source is
 * T's own previous value (OptDef.self).  False if none. */
bool opt_def_of(const OptState *st, IrTemp t, bool allow_self, OptDef *def);
/* field.c: rules ext-field, shift-field, w-widen on op I; true if it
 * changed. */
bool opt_field(OptState *st, size_t i);

/* ---- Rewriting ops (forward.c) ------------------------------------------------------ */

/* OP becomes "mov.T d, SRC" (SRC has OP's type). */
void opt_to_mov(OptState *st, IrOp *op, IrTemp src);
/* OP becomes "mov.T d, $V". */
void opt_to_const(OptState *st, IrOp *op, uint64_t v);
/* OP becomes the one-input op OPC: d = OPC a. */
void opt_to_unary(IrOp *op, IrOpcode opc, IrTemp a);

/* ---- Rules ------------------------------------------------------------------------ */

/* fold.c: evaluates fold op OP on constant inputs IN (zero-extended from
 * their widths); false if it cannot (e.g. a bit field out of range). */
bool opt_fold_eval(const IrCtx *ctx, const IrOp *op, const uint64_t *in,
                   uint64_t *out);
/* fold.c: cond(a, b) on BITS-wide values. */
bool opt_cond_eval(IrCond c, uint64_t a, uint64_t b, unsigned bits);
/* fold.c: rule fold on OP. */
bool opt_rule_fold(OptState *st, IrOp *op);

/* simplify.c: rules canon and simp-*; true if OP changed. */
bool opt_simplify(OptState *st, IrOp *op);
/* simplify.c: a comparison decided without known bits (equal operands,
 * never/always, two constants): 0, 1, or -1 if undecided. */
int opt_cond_decide(const OptState *st, IrCond c, IrTemp a, IrTemp b);

/* knownbits.c: the known bits of OP's (first) output. */
void opt_kb_output(const OptState *st, const IrOp *op, uint64_t *z,
                   uint64_t *o);
/* knownbits.c: rules kb-*; true if OP changed. */
bool opt_knownbits(OptState *st, IrOp *op);
/* knownbits.c: a comparison decided by known bits: 0, 1 or -1. */
int opt_kb_cond_decide(const OptState *st, IrCond c, IrTemp a, IrTemp b);

/* branch.c: set_label at op I (rule label-drop, block boundaries). */
void opt_branch_label(OptState *st, size_t i);
/* branch.c: brcond/br at op I (rules br-const, kb-cond, br-next). */
void opt_branch_op(OptState *st, size_t i);
/* branch.c: removes op I in dead code (rule br-dead); true if it did. */
bool opt_branch_dead(OptState *st, size_t i);
/* branch.c: removes op I, dropping the reference its label had. */
void opt_remove_op(OptState *st, size_t i);

/* forward.c: the forward pass. */
void opt_forward(IrCtx *ctx, const OptConfig *cfg);
/* dce.c: dead-code elimination (rule dce). */
void opt_dce(IrCtx *ctx, const OptConfig *cfg);

#endif
