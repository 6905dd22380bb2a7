/*
 * Internal state shared by the liveness pass (liveness.c), the register
 * bookkeeping (ra_regs.c), the generic op allocator (ra_op.c) and the
 * driver (regalloc.c).  Nothing outside src/regalloc includes this.
 *
 * Temps are classified once per translation block (ra_classify):
 *   RA_K_GLOBAL  an IR global: home in the CPU state at env + offset;
 *   RA_K_TB      a TB temp that may carry a value from one basic block to
 *                another: home in a frame slot, in memory at block ends;
 *   RA_K_LOCAL   a BB temp, or a TB temp whose every use is in one basic
 *                block, written there before it is read (so no value
 *                crosses a block boundary): dead at block ends;
 *   RA_K_CONST   a constant temp.
 * docs/regalloc.md describes the algorithm and its invariants.
 */
#ifndef RA_INTERNAL_H
#define RA_INTERNAL_H

#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>

#include "regalloc.h"

enum {
    RA_K_GLOBAL,
    RA_K_TB,
    RA_K_LOCAL,
    RA_K_CONST,
};

/* Where a temp's current value is (RaTempState.loc). */
enum {
    RA_LOC_DEAD,    /* no value (never written, or dead) */
    RA_LOC_REG,     /* in register `reg` (memory too when `coherent`) */
    RA_LOC_MEM,     /* only in its memory home */
    RA_LOC_CONST,   /* the constant `cval`, materialized on demand */
};

#define RA_NO_SLOT INT32_MIN

typedef struct RaTempState {
    uint8_t loc;        /* RA_LOC_* */
    int8_t reg;         /* RA_LOC_REG: the host register */
    uint8_t kind;       /* RA_K_* */
    uint8_t type;       /* IrType */
    uint8_t coherent;   /* the memory home holds the current value */
    uint8_t constval;   /* the current value is the constant cval */
    int8_t home_reg;    /* a pinned global: the host register that is its
                           home instead of env + slot; else -1 */
    uint8_t pad[1];
    int32_t slot;       /* memory home: env offset (globals), frame offset
                           (other temps, allocated on demand) or RA_NO_SLOT */
    uint64_t cval;      /* constval: the value's bits (zero-extended) */
} RaTempState;

/* Liveness scratch: one block for the temp classification and the
 * backward pass (bitsets over temp ids). */
typedef struct RaLiveScratch {
    uint8_t *kind;          /* [nb_temps] RA_K_* */
    uint32_t *first_bb;     /* [nb_temps] classification helper */
    uint64_t *live;         /* bitset: value read later from the allocator */
    uint64_t *mem;          /* bitset: value needed in its memory home */
    uint64_t *tbmask;       /* bitset: RA_K_TB temps */
    uint64_t *localmask;    /* bitset: RA_K_LOCAL temps */
    uint32_t words;         /* 64-bit words per bitset */
} RaLiveScratch;

/* Bytes RaLiveScratch needs for NB_TEMPS temps (8-byte aligned). */
size_t ra_live_scratch_size(uint32_t nb_temps);
/* Carves the scratch out of MEM (ra_live_scratch_size bytes). */
void ra_live_scratch_init(RaLiveScratch *ls, void *mem, uint32_t nb_temps);
/* Classifies temps (fills ls->kind) and runs the backward pass. */
void ra_liveness_run(IrCtx *ctx, RaLiveScratch *ls);

/*
 * The op flags the passes act on: ir_op_info's, relaxed for a call whose
 * helper promises not to read (IR_HELPER_NO_RGLOB) or write
 * (IR_HELPER_NO_WGLOB) globals.
 */
uint32_t ra_op_flags(const IrOp *op);

/* Flags after which every global must be in its memory home. */
#define RA_OPF_SYNC_GLOBALS \
    (IR_OPF_RGLOB | IR_OPF_WGLOB | IR_OPF_FAULT | IR_OPF_TB_EXIT | \
     IR_OPF_BB_END)

/* The allocator's state for one ra_codegen call. */
typedef struct Ra {
    IrCtx *ctx;
    const RaHost *host;
    RaTempState *ts;                    /* [nb_temps] */
    const uint8_t *kind;                /* [nb_temps] from liveness */
    uint32_t reg_temp[IR_X86_NB_REGS];  /* owner temp id, 0 = none */
    uint32_t reg_use[IR_X86_NB_REGS];   /* op index of the last use (LRU) */
    uint32_t used;          /* registers that are some temp's home */
    uint32_t avail;         /* registers the allocator may hand out */
    uint32_t pinned;        /* homes of pinned globals (not in avail) */
    uint32_t pin_temp[IR_X86_NB_REGS];  /* pinned global of each of them */
    uint32_t pref_order_len;
    int8_t pref_order[IR_X86_NB_REGS];  /* cheapest registers first */

    /* spill slots: [frame_reg + frame_offset + 8*k], k < nb_slots */
    int32_t next_slot;
    int32_t nb_slots;
    int32_t *free_slots;    /* [nb_slots] recycled slots of dead temps */
    int32_t nb_free;
    bool failed;            /* set by ra_fail */
    jmp_buf bail;           /* ra_fail() returns to ra_codegen through it */

    /* the op being allocated */
    IrOp *op;
    uint32_t op_index;
    const IrConsSet *cs;
    uint32_t locked;        /* registers holding this op's inputs */
    uint32_t placed;        /* bit k: input k is placed */
    uint32_t avoid;         /* registers better left free for this op */
} Ra;

/* Gives up on the block: ra_codegen returns -1 (the hooks' output so far
 * is to be discarded). */
_Noreturn void ra_fail(Ra *ra);

/* ---- ra_regs.c: register and memory bookkeeping ---- */

/* Every register of the class of TYPE the allocator may use. */
uint32_t ra_class_regs(const Ra *ra, IrType type);
/* Offset of T's memory home (allocating a frame slot on demand). */
int32_t ra_home_slot(Ra *ra, uint32_t t);
/* Base register of T's memory home. */
int ra_home_base(const Ra *ra, uint32_t t);
/* Copies REG into T's home (its memory home, or a pinned global's
 * register), and T's home into REG. */
void ra_store_home(Ra *ra, uint32_t t, int reg);
void ra_load_home(Ra *ra, uint32_t t, int reg);
/* Pinned globals: their registers to / from their slots in env (around an
 * op that reads or writes globals in the CPU state). */
void ra_pins_to_env(Ra *ra);
void ra_pins_from_env(Ra *ra);
/* Returns a frame slot of a dead local temp to the free list. */
void ra_free_slot(Ra *ra, uint32_t t);

/* T's value now lives in REG (which must be unowned). */
void ra_assign(Ra *ra, uint32_t t, int reg);
/* REG loses its owner, whose value is kept elsewhere or not needed:
 * the owner goes to MEM (coherent or memory is canonical), CONST or DEAD. */
void ra_detach(Ra *ra, int reg);
/* T's value is dead: drops its register and, for a local, its slot. */
void ra_kill(Ra *ra, uint32_t t);
/* Stores REG's owner to its home unless memory already has the value. */
void ra_sync_reg(Ra *ra, int reg);
/* Writes T's current value into REG without changing T's state. */
void ra_fill(Ra *ra, uint32_t t, int reg);
/* Writes T's value into REG and makes REG its home (T not in a register). */
void ra_load(Ra *ra, uint32_t t, int reg);
/* True if the value of T is still needed after the current op (all its
 * uses in the op being placed). */
bool ra_needed(const Ra *ra, uint32_t t);
/* Frees REG: its owner moves to a free register outside EXCL, or is
 * spilled, or is dropped when its value is clean or no longer needed. */
void ra_evict(Ra *ra, int reg, uint32_t excl);
/* A register of ALLOWED that is not locked, evicting its owner if no
 * register is free; prefers registers outside AVOID.  ra_alloc_reuse may
 * also return a locked register of REUSE (an output that may share an
 * input's register).  Gives up (ra_fail) if ALLOWED leaves no choice. */
int ra_alloc(Ra *ra, uint32_t allowed, uint32_t avoid);
int ra_alloc_reuse(Ra *ra, uint32_t allowed, uint32_t avoid, uint32_t reuse);

/* ---- ra_table.c: facts derived once from the constraint table ---- */
typedef struct RaSetInfo {
    uint32_t fixed;          /* registers fixed for any operand */
    uint32_t out_scr_fixed;  /* ... for an output or a scratch */
    uint32_t scr_fixed;      /* ... for a scratch */
} RaSetInfo;

void ra_table_init(void);
/* The masks of CS, an entry of ir_cons_x86_64 (after ra_table_init). */
const RaSetInfo *ra_set_info(const IrConsSet *cs);
/* Fills ra->pref_order from the table's cost order and ra->avail. */
void ra_init_order(Ra *ra);
/* Is T's current value the constant *VAL? */
bool ra_known_const(const Ra *ra, uint32_t t, uint64_t *val);

/* ---- ra_op.c: the generic, table-driven op allocator ---- */
void ra_gen_op(Ra *ra, IrOp *op, uint32_t flags);

/* ---- ra_move.c: mov and discard, handled by the allocator ---- */
void ra_gen_mov(Ra *ra, IrOp *op);
void ra_gen_discard(Ra *ra, IrOp *op);

/* ---- regalloc.c: state resets shared by the driver ---- */
/* Stores every dirty global / TB temp held in a register (safety net). */
void ra_sync_all(Ra *ra);
/* Forgets every register (after set_label and noreturn ops). */
void ra_drop_all(Ra *ra);

static inline bool ra_reg_in(uint32_t set, int reg)
{
    return (set >> reg) & 1u;
}

#endif
