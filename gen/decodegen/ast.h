/*
 * decodegen's data model: the syntax tree the parser builds from .decode
 * files and the facts the semantic passes attach to it.
 *
 * Parsing produces flat element lists (one DgElem per token of a line) for
 * every definition; sema.c / layout.c / groups.c then resolve references,
 * lay the bits of every format and pattern out (DgSpec.bit[]), decide which
 * value each argument-set member gets (DgAssign) and check the group
 * structure.  The emitters only read the resolved model.
 *
 * All of it lives for the whole run: nodes come from dg_alloc(), an arena
 * that stays reachable from a global until exit.
 */
#ifndef DG_AST_H
#define DG_AST_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

#include "diag.h"
#include "util.h"

/* Limits shared with the generated code (DECODE_DISAS_MAX_FIELDS etc.). */
#define DG_MAX_MEMBERS 8        /* members of one argument set */
#define DG_MAX_OPERAND_ARGS 4   /* names in one {a,b:kind} template operand */

/* ---- tokens / elements --------------------------------------------------- */

typedef enum DgElemKind {
    DG_EL_BITS,      /* 0 1 . - run; text = the characters */
    DG_EL_INLINE,    /* name:len or name:slen in a bit sequence */
    DG_EL_PIECE,     /* pos:len or pos:slen in a %field definition */
    DG_EL_FIELDREF,  /* %name */
    DG_EL_RENAME,    /* member=%field */
    DG_EL_CONST,     /* member=number */
    DG_EL_ARGREF,    /* &name */
    DG_EL_FMTREF,    /* @name */
    DG_EL_ATTR,      /* !name, !name=IDENT, !name="string" */
    DG_EL_IDENT,     /* a bare identifier (argset member, pattern name) */
    DG_EL_STRING,    /* "..." (only as an attribute value) */
} DgElemKind;

typedef enum DgAttrValue {
    DG_AV_NONE,      /* !extern */
    DG_AV_IDENT,     /* !function=name */
    DG_AV_STRING,    /* !disas="template" (raw text between the quotes) */
} DgAttrValue;

typedef struct DgElem {
    DgElemKind kind;
    SrcLoc loc;          /* first character of the token */
    char *text;          /* name, bits, member; raw string contents */
    char *value;         /* RENAME: field name; ATTR: value text */
    SrcLoc vloc;         /* RENAME/CONST/ATTR: first character of the value */
    DgAttrValue vkind;   /* ATTR only */
    long long num;       /* CONST: the value (clamped when !num_ok) */
    bool num_ok;         /* CONST: fits in a long long */
    long long pos, len;  /* PIECE (pos, len), INLINE (len) */
    bool sign;           /* PIECE/INLINE written with 's' */
} DgElem;

/* ---- definitions ----------------------------------------------------------- */

typedef struct DgField {
    char *name;
    SrcLoc loc;
    PtrVec elems;        /* DgElem*: the definition line as written */
    PtrVec pieces;       /* DgElem* (PIECE), most significant first */
    char *func;          /* !function=NAME or NULL */
    SrcLoc funcloc;
    bool is_inline;      /* anonymous field made from name:len in bits */
    bool bad;            /* an error was reported for it */
    bool used;           /* extracted by some emitted pattern */
    int width;           /* total bits of all pieces */
    bool sign;           /* first piece signed */
    uint32_t mask;       /* instruction bits the pieces read */
} DgField;

typedef struct DgArgSet {
    char *name;
    SrcLoc loc;
    PtrVec elems;        /* DgElem*: the definition line as written */
    PtrVec members;      /* char* */
    bool is_extern;      /* typedef comes from elsewhere (!extern) */
    bool implicit;       /* made up for a format/pattern without &args */
    bool bad;
    int index;           /* position in the generated field-name tables */
} DgArgSet;

/* What one argument-set member of a format or pattern is set to. */
typedef struct DgAssign {
    char *member;
    SrcLoc loc;          /* the element that set it */
    DgField *field;      /* the field extracted, or NULL for a constant */
    long long cval;      /* constant value when field == NULL */
    bool from_format;    /* inherited from the pattern's format */
} DgAssign;

/* A !disas="..." template as written. */
typedef struct DgTemplate {
    char *raw;           /* text between the quotes, escapes not applied */
    SrcLoc loc;          /* position of raw[0] */
    bool reported;       /* an error was reported: don't repeat it */
} DgTemplate;

/* One piece of a parsed template: literal text or an operand. */
typedef struct DgPiece {
    char *text;          /* literal text, or NULL for an operand */
    char *kind;          /* operand kind, "" when none */
    int nargs;
    int arg[DG_MAX_OPERAND_ARGS];  /* member indices */
} DgPiece;

/* Per-bit classification of a format or pattern. */
typedef enum DgBit {
    DG_BIT_DOT = 0,      /* '.': used by some field (or fixed by a pattern) */
    DG_BIT_0,
    DG_BIT_1,
    DG_BIT_DASH,         /* '-': ignored */
    DG_BIT_FIELD,        /* claimed by an inline name:len field */
} DgBit;

/* A format (@name ...) or a pattern (name ...). */
typedef struct DgSpec {
    bool is_format;
    char *name;
    SrcLoc loc;
    PtrVec elems;        /* DgElem*, as written */

    /* resolved by layout.c */
    bool bad;            /* errors reported: take no further part */
    struct DgSpec *fmt;  /* patterns: the @format, or NULL */
    SrcLoc fmtloc;
    DgArgSet *args;      /* explicit, inherited or implicit */
    SrcLoc argsloc;      /* the &args element, or the name */
    bool args_explicit;  /* this spec wrote &args */
    PtrVec assigns;      /* DgAssign*: the format's first, then own */
    DgTemplate *tmpl;    /* own !disas, or NULL */
    uint8_t bit[32];     /* DgBit per bit position (index = bit number) */
    SrcLoc bitloc[32];   /* where each bit was written */
    DgField *bitfield[32]; /* DG_BIT_FIELD: the inline field */
    uint32_t fixedmask, fixedbits;

    /* patterns only */
    int index;           /* in source order, over all files */
    char *mnemonic;      /* name with '_' -> '.' */
    PtrVec pieces;       /* DgPiece*: the parsed template (own or format's) */
    int extractor;       /* index into the emitters' extractor table */
} DgSpec;

/* Decode groups. */
typedef enum DgItemKind {
    DG_ITEM_PATTERN,
    DG_ITEM_OVERLAP,     /* { ... }: tried in order */
    DG_ITEM_NONOVERLAP,  /* [ ... ]: members must not overlap */
} DgItemKind;

typedef struct DgItem {
    DgItemKind kind;
    SrcLoc loc;
    DgSpec *pat;         /* DG_ITEM_PATTERN */
    PtrVec items;        /* groups: DgItem* */
    uint32_t mask, bits; /* bits fixed (to the same value) in all members */
} DgItem;

/* The whole input: all files share one namespace and one decoder. */
typedef struct DgProgram {
    const char *name;        /* --decode NAME */
    int insnwidth;           /* 16 or 32 */
    uint32_t insnmask;
    PtrVec fields;           /* DgField* (definitions only) */
    PtrVec argsets;          /* DgArgSet*, explicit then implicit */
    PtrVec formats;          /* DgSpec* */
    PtrVec patterns;         /* DgSpec*, source order */
    PtrVec top;              /* DgItem*: the top-level (non-overlapping) set */
} DgProgram;

extern DgProgram dg_prog;

/* ---- arena ----------------------------------------------------------------- */

void *dg_alloc(size_t n);                      /* zeroed */
char *dg_strdup(const char *s);
char *dg_strndup(const char *s, size_t n);
__attribute__((format(printf, 1, 2)))
char *dg_asprintf(const char *fmt, ...);
void dg_free_all(void);

/* ---- construction helpers (ast.c) ----------------------------------------- */

DgElem *dg_elem_new(DgElemKind kind, SrcLoc loc, const char *text);
DgItem *dg_item_new(DgItemKind kind, SrcLoc loc);
PtrVec *dg_vec_new(void);
DgField *dg_field_new(const char *name, SrcLoc loc);     /* not registered */
DgArgSet *dg_argset_new(const char *name, SrcLoc loc);   /* not registered */

/* Parser actions: record a definition line. */
void dg_def_field(DgElem *head, PtrVec *elems);
void dg_def_argset(DgElem *head, PtrVec *elems);
void dg_def_format(DgElem *head, PtrVec *elems);
DgItem *dg_def_pattern(DgElem *head, PtrVec *elems);

/* Lookups by name (the first definition wins). */
DgField *dg_find_field(const char *name);
DgArgSet *dg_find_argset(const char *name);
DgSpec *dg_find_format(const char *name);
int dg_member_index(const DgArgSet *a, const char *member);

/* "file:line" of a location, for messages naming another definition. */
const char *dg_where(SrcLoc loc);

/* ---- parser (parser.y / lexer.l) ------------------------------------------- */

/* Parses one file into dg_prog; returns false if it could not be opened. */
bool dg_parse_file(const char *path);
void dg_lex_begin(const char *path, void *fp);
void dg_lex_end(void);

#endif
