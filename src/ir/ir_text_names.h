/*
 * The spellings shared by the IR dumper (ir_dump.c) and parser (ir_parse.c):
 * names of conditions, memory-op parts, barriers, rounding modes and fma
 * negations, the temp-name prefixes, and the rule that says when a constant
 * operand needs an explicit type.  Private to src/ir; docs/ir.md
 * ("Textual form") is the reference.
 */
#ifndef IR_TEXT_NAMES_H
#define IR_TEXT_NAMES_H

#include <stdint.h>

#include "ir.h"

/* Indexed by IrCond. */
extern const char *const ir_text_cond_names[IR_COND_COUNT];
/* Indexed by size | sign (0..7): ub uw ul uq sb sw sl sq. */
extern const char *const ir_text_memop_base[8];
/* Memop flag words, in the order the dumper prints them. */
#define IR_TEXT_MO_BE_NAME "be"
#define IR_TEXT_MO_ALIGN_NAME "align"
/* Indexed by bit number of IrBarrier (ld_ld ld_st st_ld st_st); 15 = "all". */
extern const char *const ir_text_barrier_bits[4];
#define IR_TEXT_BARRIER_ALL "all"
/* Indexed by IrRound (NULL for the holes 4..6). */
extern const char *const ir_text_round_names[8];
/* Indexed by IrFmaNeg. */
extern const char *const ir_text_fmaneg_names[4];

/*
 * The type a constant operand gets from its position (IR_TM_* mask MASK of
 * the table, IR_TM_OP = the op's type OP_TYPE): a single type, or
 * IR_TYPE_COUNT when the position allows several (then the text gives the
 * type: $5:i64).
 */
IrType ir_text_expected_type(uint8_t mask, IrType op_type);

/* Whether NAME has the shape of a temp or label name (t12, b3, L0) or is a
 * statement keyword, so a global so named is written @NAME. */
int ir_text_name_reserved(const char *name);

/* Largest temp and label numbers the parser accepts. */
#define IR_TEXT_MAX_TEMP_NUM  (1u << 20)
#define IR_TEXT_MAX_LABEL_NUM (1u << 16)

#endif
