/*
 * x86gen's in-memory form of defs/x86_64/encodings.def.
 *
 * The parser (parser.y) builds one X86genForm per line with the operand
 * kinds, the op/en letters and the encoding items exactly as written;
 * check.c validates a form and fills in the decoded encoding (X86genEnc);
 * emit.c writes the C.  The file format is documented in docs/backend.md.
 */
#ifndef X86GEN_AST_H
#define X86GEN_AST_H

#include <stdbool.h>
#include <stdint.h>

#include "diag.h"
#include "util.h"

/* What an operand kind is. */
typedef enum X86genClass {
    X86GEN_GPR,    /* r8 r16 r32 r64 */
    X86GEN_XMM,    /* xmm */
    X86GEN_MEM,    /* m m8 m16 m32 m64 m128 */
    X86GEN_IMM,    /* imm8 uimm8 imm16 imm32 imm64 */
    X86GEN_REL,    /* rel8 rel32 */
    X86GEN_COND,   /* cc */
    X86GEN_FIXED,  /* cl, 1: implied by the opcode, not a parameter */
} X86genClass;

typedef struct X86genKind {
    const char *name;      /* as written in the .def: "r64" */
    const char *cname;     /* X86OpKind enumerator: "X86K_R64" */
    X86genClass cls;
    int bits;              /* operand/immediate size; 0 for "m" */
} X86genKind;

/* The operand kind called NAME, or NULL. */
const X86genKind *x86gen_kind_lookup(const char *name);
/* All kinds, in X86OpKind order. */
extern const X86genKind x86gen_kinds[];
extern const int x86gen_nkinds;

typedef struct X86genOperand {
    char *text;
    SrcLoc loc;
    const X86genKind *kind;   /* set by check.c */
    char slot;                /* op/en letter, set by check.c */
    const char *param;        /* C parameter name, NULL for fixed operands */
} X86genOperand;

typedef enum X86genItemKind {
    X86GEN_I_HEX,      /* a hex byte: prefix, escape, opcode or literal */
    X86GEN_I_PLUS_R,   /* +r */
    X86GEN_I_PLUS_CC,  /* +cc */
    X86GEN_I_SLASH_R,  /* /r */
    X86GEN_I_DIGIT,    /* /0../7 */
    X86GEN_I_WORD,     /* LOCK, REX.W, VEX.*, ib/iw/id/io/cb/cd, or unknown */
} X86genItemKind;

typedef struct X86genItem {
    X86genItemKind kind;
    int value;        /* hex byte or /digit */
    char *text;       /* as written */
    SrcLoc loc;
} X86genItem;

/* The decoded encoding of a form (check.c). */
typedef struct X86genEnc {
    bool lock, p66, pf2, pf3, rexw;
    bool legacy_simd;         /* 66/F2/F3 written as legacy prefix bytes */
    bool vex, vex_l, vex_w;
    int map;                  /* 0, 0x0F, 0x0F38, 0x0F3A */
    int opcode;               /* the opcode byte */
    bool plus_r, plus_cc;
    int modrm;                /* -1 none, 8 = /r, 0..7 = /digit */
    int nextra;
    uint8_t extra[4];         /* literal bytes after the opcode */
    int nimm;
    int imm_bytes[2];         /* ib=1 iw=2 id=4 io=8; rel cb=1 cd=4 */
    bool imm_rel[2];
    SrcLoc imm_loc[2];
    SrcLoc opcode_loc, modrm_loc, plus_loc, vex_loc, lock_loc;
} X86genEnc;

typedef struct X86genForm {
    SrcLoc loc;               /* the mnemonic */
    char *mnemonic;
    char *form;               /* NULL when written "-" */
    SrcLoc form_loc;
    PtrVec operands;          /* X86genOperand * */
    char *open;               /* op/en letters */
    SrcLoc open_loc;
    PtrVec items;             /* X86genItem * */
    SrcLoc end_loc;           /* end of the encoding (for "missing" errors) */
    char *feature;            /* optional [feature] */
    SrcLoc feature_loc;
    /* Filled in by check.c: */
    char *fname;              /* emitter name: x86_[lock_]MNEM[_FORM] */
    char *enc_text;           /* the encoding as written, one space apart */
    X86genEnc enc;
    int opsize;               /* bits of the first GPR/memory operand */
    bool ok;
} X86genForm;

/* All forms of the file, in order (X86genForm *). */
extern PtrVec x86gen_forms;

/*
 * Everything the parser allocates is recorded in one global list, so a
 * syntax error that drops half-built values leaks nothing (LeakSanitizer
 * sees it all reachable) and no %destructor bookkeeping is needed.
 */
void *x86gen_keep(void *p);
char *x86gen_keep_str(const char *s);

/* Parser actions. */
X86genOperand *x86gen_operand_new(char *text, SrcLoc loc);
X86genItem *x86gen_item_new(X86genItemKind kind, int value, char *text,
                            SrcLoc loc);
void x86gen_form_add(X86genForm *f);

/* Parses PATH into x86gen_forms; syntax errors go through diag_error. */
void x86gen_parse_file(const char *path);

/* Validates every form (check.c); errors go through diag_error. */
void x86gen_check_all(void);

/* Writes the four outputs (emit.c). */
typedef struct X86genOutputs {
    const char *emit_h, *emit_c, *forms_h, *forms_c;
} X86genOutputs;
void x86gen_write_all(const X86genOutputs *out, char *input);

#endif
