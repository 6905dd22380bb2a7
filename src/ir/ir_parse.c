/*
 * ir_parse(): reads the textual IR that ir_dump() prints (grammar in
 * docs/ir.md, "Textual form") into an empty context.  A hand-written,
 * line-oriented lexer and recursive-descent parser; the first error stops
 * it with "NAME:LINE:COL: message".
 *
 * Parsing is two-phase: statements are first read into a private list
 * (temps referred to by kind and number, constants by type and bits), and
 * only a text without errors is built into the context, so a failed parse
 * leaves the context as it was.  Temps are created in the order of their
 * numbers, so t0, t1 ... keep their names through dump -> parse -> dump.
 * The parser checks syntax, names, operand counts and constant ranges;
 * types of temps, definitions before uses and labels are ir_verify()'s.
 */
#include "ir_text.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "ir_text_names.h"

/* ---- Lexer ---------------------------------------------------------------- */

typedef enum TokKind {
    TK_EOF,
    TK_NL,
    TK_IDENT,
    TK_NUM,
    TK_PUNCT,
} TokKind;

typedef struct Token {
    TokKind kind;
    const char *start;
    size_t len;
    unsigned line, col;
    char punct;        /* TK_PUNCT */
    int neg;           /* TK_NUM: a leading '-' */
    uint64_t mag;      /* TK_NUM: the magnitude */
} Token;

/* A temp, constant or constant argument as read, before the build. */
typedef enum PArgKind {
    PA_GLOBAL,   /* v = global index (0-based) */
    PA_TB,       /* v = temp number */
    PA_BB,
    PA_CONST,    /* type, v = bits */
    PA_VALUE,    /* a constant argument: v = value */
    PA_LABEL,    /* v = label number */
    PA_HELPER,   /* helper */
} PArgKind;

typedef struct PArg {
    uint8_t kind;
    uint8_t type;
    uint64_t v;
    const IrHelper *helper;
} PArg;

typedef struct POp {
    uint16_t opc;
    uint8_t type, nb_out, nb_in, nb_const;
    PArg args[IR_MAX_ARGS];
} POp;

typedef struct PGlobal {
    IrType type;
    int32_t offset;
    int fixed;
    char *name;
} PGlobal;

typedef struct Parser {
    IrCtx *ctx;
    const char *src;
    size_t pos;
    unsigned line, col;
    const char *name;
    char *err;
    size_t errlen;
    jmp_buf fail;
    Token tok;          /* the current token */

    PGlobal *globals;   /* declared (new context) or the context's */
    uint32_t nb_globals, cap_globals;
    int ctx_had_globals;
    uint32_t nb_declared_globals;

    uint8_t *temp_types[2];   /* [TB, BB] by number: 0 unknown, else type+1 */
    uint32_t temp_cap[2];
    uint32_t max_label;       /* highest label number + 1 (0: none) */

    POp *ops;
    size_t nb_ops, cap_ops;
} Parser;

static _Noreturn void perr_at(Parser *p, unsigned line, unsigned col,
                              const char *fmt, ...)
{
    int n = snprintf(p->err, p->errlen, "%s:%u:%u: ", p->name, line, col);
    if (n >= 0 && (size_t)n < p->errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(p->err + n, p->errlen - (size_t)n, fmt, ap);
        va_end(ap);
    }
    longjmp(p->fail, 1);
}

#define perr(p, ...) perr_at((p), (p)->tok.line, (p)->tok.col, __VA_ARGS__)

static void *pgrow(Parser *p, void *ptr, size_t n, size_t size)
{
    void *q = realloc(ptr, n * size);
    if (!q)
        perr_at(p, p->line, p->col, "out of memory");
    return q;
}

static int is_ident_start(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int hex_value(char c)
{
    if (is_digit(c))
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static char peekc(const Parser *p, size_t ahead)
{
    for (size_t i = 0; i < ahead; i++)
        if (!p->src[p->pos + i])
            return 0;
    return p->src[p->pos + ahead];
}

static void advance(Parser *p)
{
    p->pos++;
    p->col++;
}

static void lex_number(Parser *p, Token *t)
{
    if (peekc(p, 0) == '-' || peekc(p, 0) == '+') {
        t->neg = peekc(p, 0) == '-';
        advance(p);
    }
    uint64_t v = 0;
    int overflow = 0;
    if (peekc(p, 0) == '0' && (peekc(p, 1) == 'x' || peekc(p, 1) == 'X')) {
        advance(p);
        advance(p);
        if (hex_value(peekc(p, 0)) < 0)
            perr_at(p, t->line, t->col, "bad hexadecimal number");
        while (hex_value(peekc(p, 0)) >= 0) {
            if (v >> 60)
                overflow = 1;
            v = v << 4 | (uint64_t)hex_value(peekc(p, 0));
            advance(p);
        }
    } else {
        while (is_digit(peekc(p, 0))) {
            uint64_t d = (uint64_t)(peekc(p, 0) - '0');
            if (v > (UINT64_MAX - d) / 10)
                overflow = 1;
            v = v * 10 + d;
            advance(p);
        }
    }
    if (is_ident_start(peekc(p, 0)) || is_digit(peekc(p, 0)))
        perr_at(p, p->line, p->col, "bad character '%c' in number",
                peekc(p, 0));
    if (overflow)
        perr_at(p, t->line, t->col, "number out of range");
    t->kind = TK_NUM;
    t->mag = v;
}

/* Reads the next token into p->tok. */
static void next(Parser *p)
{
    for (;;) {
        char c = peekc(p, 0);
        if (c == ' ' || c == '\t' || c == '\r') {
            advance(p);
        } else if (c == '#') {
            while (peekc(p, 0) && peekc(p, 0) != '\n')
                advance(p);
        } else {
            break;
        }
    }
    Token *t = &p->tok;
    memset(t, 0, sizeof(*t));
    t->start = p->src + p->pos;
    t->line = p->line;
    t->col = p->col;
    char c = peekc(p, 0);
    if (!c) {
        t->kind = TK_EOF;
    } else if (c == '\n') {
        t->kind = TK_NL;
        p->pos++;
        p->line++;
        p->col = 1;
    } else if (is_ident_start(c)) {
        while (is_ident_start(peekc(p, 0)) || is_digit(peekc(p, 0)))
            advance(p);
        t->kind = TK_IDENT;
    } else if (is_digit(c) ||
               ((c == '-' || c == '+') && is_digit(peekc(p, 1)))) {
        lex_number(p, t);
    } else if (strchr("$@,{}:=.|", c)) {
        t->kind = TK_PUNCT;
        t->punct = c;
        advance(p);
    } else if (c >= 0x20 && c < 0x7f) {
        perr_at(p, t->line, t->col, "unexpected character '%c'", c);
    } else {
        perr_at(p, t->line, t->col, "unexpected byte 0x%02x",
                (unsigned)(unsigned char)c);
    }
    t->len = (size_t)(p->src + p->pos - t->start);
}

static int tok_is(const Parser *p, const char *word)
{
    return p->tok.kind == TK_IDENT && strlen(word) == p->tok.len &&
           !memcmp(p->tok.start, word, p->tok.len);
}

static int tok_punct(const Parser *p, char c)
{
    return p->tok.kind == TK_PUNCT && p->tok.punct == c;
}

/* A printable description of the current token for messages. */
static const char *tok_desc(Parser *p, char *buf, size_t len)
{
    switch (p->tok.kind) {
    case TK_EOF:
        return "end of input";
    case TK_NL:
        return "end of line";
    default:
        snprintf(buf, len, "'%.*s'", (int)(p->tok.len > 40 ? 40 : p->tok.len),
                 p->tok.start);
        return buf;
    }
}

static void expect_punct(Parser *p, char c)
{
    char buf[64];
    if (!tok_punct(p, c))
        perr(p, "expected '%c', found %s", c, tok_desc(p, buf, sizeof buf));
    next(p);
}

static void ident_copy(const Parser *p, char *buf, size_t len)
{
    size_t n = p->tok.len < len - 1 ? p->tok.len : len - 1;
    memcpy(buf, p->tok.start, n);
    buf[n] = 0;
}

/* ---- Names ----------------------------------------------------------------- */

/* "PREFIX<digits>" (t3, b0, L12): the number, or -1. */
static int64_t prefixed_number(const Parser *p, char prefix)
{
    const Token *t = &p->tok;
    if (t->kind != TK_IDENT || t->len < 2 || t->start[0] != prefix)
        return -1;
    if (t->len > 2 && t->start[1] == '0')
        return -1;   /* no leading zeros: one spelling per name */
    int64_t v = 0;
    for (size_t i = 1; i < t->len; i++) {
        if (!is_digit(t->start[i]) || v > (int64_t)IR_TEXT_MAX_TEMP_NUM * 10)
            return -1;
        v = v * 10 + (t->start[i] - '0');
    }
    return v;
}

static IrType parse_type(Parser *p, int allow_void)
{
    char buf[64];
    if (p->tok.kind == TK_IDENT)
        for (int t = 0; t < IR_TYPE_COUNT; t++)
            if ((allow_void || t != IR_VOID) && tok_is(p, ir_type_names[t])) {
                next(p);
                return (IrType)t;
            }
    perr(p, "expected a type (i32, i64, f32, f64%s), found %s",
         allow_void ? ", void" : "", tok_desc(p, buf, sizeof buf));
}

static int64_t find_global(const Parser *p)
{
    for (uint32_t i = 0; i < p->nb_globals; i++)
        if (strlen(p->globals[i].name) == p->tok.len &&
            !memcmp(p->globals[i].name, p->tok.start, p->tok.len))
            return i;
    return -1;
}

/* Notes temp (KIND 0 = TB, 1 = BB) number NUM of type TYPE (IR_TYPE_COUNT:
 * unknown); DECLARE: a declaration, which must be the temp's first mention. */
static void note_temp(Parser *p, int kind, int64_t num, IrType type,
                      int declare, unsigned line, unsigned col)
{
    char prefix = kind ? 'b' : 't';
    if (num < 0 || num >= IR_TEXT_MAX_TEMP_NUM)
        perr_at(p, line, col, "temp number too large");
    uint32_t n = (uint32_t)num;
    if (n >= p->temp_cap[kind]) {
        uint32_t cap = p->temp_cap[kind] ? p->temp_cap[kind] : 64;
        while (cap <= n)
            cap *= 2;
        p->temp_types[kind] = pgrow(p, p->temp_types[kind], cap, 1);
        memset(p->temp_types[kind] + p->temp_cap[kind], 0,
               cap - p->temp_cap[kind]);
        p->temp_cap[kind] = cap;
    }
    uint8_t *slot = &p->temp_types[kind][n];
    if (*slot) {
        if (declare)
            perr_at(p, line, col, "%c%u declared twice or after its first use",
                    prefix, n);
        return;
    }
    if (type == IR_TYPE_COUNT)
        perr_at(p, line, col,
                "cannot infer the type of %c%u here: declare it "
                "(%s TYPE %c%u)", prefix, n, kind ? "bbtemp" : "temp",
                prefix, n);
    *slot = (uint8_t)(type + 1);
}

/* ---- Statements -------------------------------------------------------------- */

static void end_of_statement(Parser *p)
{
    char buf[64];
    if (p->tok.kind != TK_NL && p->tok.kind != TK_EOF)
        perr(p, "expected end of line, found %s", tok_desc(p, buf, sizeof buf));
}

/* global TYPE NAME env+OFFSET [fixed=REG] */
static void parse_global(Parser *p)
{
    unsigned line = p->tok.line, col = p->tok.col;
    next(p);
    IrType type = parse_type(p, 0);
    int at = tok_punct(p, '@');
    if (at)
        next(p);
    char buf[64];
    if (p->tok.kind != TK_IDENT)
        perr(p, "expected a global name, found %s", tok_desc(p, buf, sizeof buf));
    char name[128];
    if (p->tok.len >= sizeof name)
        perr(p, "global name too long");
    ident_copy(p, name, sizeof name);
    unsigned name_line = p->tok.line, name_col = p->tok.col;
    if (!at && ir_text_name_reserved(name))
        perr(p, "'%s' is reserved: write a global so named as @%s", name, name);
    next(p);
    if (!tok_is(p, "env"))
        perr(p, "expected env+OFFSET, found %s", tok_desc(p, buf, sizeof buf));
    next(p);
    if (p->tok.kind != TK_NUM || is_digit(p->tok.start[0]))
        perr(p, "expected +OFFSET or -OFFSET after env");
    if (p->tok.mag > (p->tok.neg ? 0x80000000u : 0x7fffffffu))
        perr(p, "offset out of range");
    int32_t offset = p->tok.neg ? (int32_t)(0 - p->tok.mag)
                                : (int32_t)p->tok.mag;
    next(p);
    int fixed = -1;
    if (tok_is(p, "fixed")) {
        next(p);
        expect_punct(p, '=');
        for (int r = 0; r < IR_X86_NB_REGS && fixed < 0; r++)
            if (tok_is(p, ir_x86_reg_names[r]))
                fixed = r;
        if (fixed < 0)
            perr(p, "expected a host register, found %s",
                 tok_desc(p, buf, sizeof buf));
        next(p);
    }
    end_of_statement(p);

    if (p->ctx_had_globals) {
        uint32_t k = p->nb_declared_globals;
        const PGlobal *g = k < p->nb_globals ? &p->globals[k] : NULL;
        if (!g || g->type != type || g->offset != offset ||
            g->fixed != fixed || strcmp(g->name, name))
            perr_at(p, line, col,
                    "global %s does not match global %u of the context",
                    name, k);
    } else {
        if (p->nb_ops)
            perr_at(p, line, col, "globals must be declared before the ops");
        for (uint32_t i = 0; i < p->nb_globals; i++)
            if (!strcmp(p->globals[i].name, name))
                perr_at(p, name_line, name_col, "global %s declared twice",
                        name);
        if (p->nb_globals == p->cap_globals) {
            p->cap_globals = p->cap_globals ? p->cap_globals * 2 : 16;
            p->globals = pgrow(p, p->globals, p->cap_globals,
                               sizeof(*p->globals));
        }
        PGlobal *g = &p->globals[p->nb_globals++];
        memset(g, 0, sizeof(*g));
        g->type = type;
        g->offset = offset;
        g->fixed = fixed;
        g->name = strdup(name);
        if (!g->name)
            perr(p, "out of memory");
    }
    p->nb_declared_globals++;
}

/* temp TYPE t1, t2 ... / bbtemp TYPE b1, ... */
static void parse_temp_decl(Parser *p, int kind)
{
    next(p);
    IrType type = parse_type(p, 0);
    char buf[64];
    for (;;) {
        int64_t num = prefixed_number(p, kind ? 'b' : 't');
        if (num < 0)
            perr(p, "expected a %s name (%s), found %s",
                 kind ? "basic-block temp" : "temp", kind ? "b0" : "t0",
                 tok_desc(p, buf, sizeof buf));
        note_temp(p, kind, num, type, 1, p->tok.line, p->tok.col);
        next(p);
        if (!tok_punct(p, ','))
            break;
        next(p);
    }
    end_of_statement(p);
}

static void check_int_range(Parser *p, const Token *t, uint64_t max_pos,
                            uint64_t max_neg)
{
    if (t->neg ? t->mag > max_neg : t->mag > max_pos)
        perr_at(p, t->line, t->col, "value out of range");
}

/* A temp operand: tN, bN, a global, @global or $CONST[:TYPE]. */
static PArg parse_temp_arg(Parser *p, IrType expect)
{
    PArg a = { 0 };
    char buf[64];
    if (tok_punct(p, '$')) {
        next(p);
        Token num = p->tok;
        if (num.kind != TK_NUM)
            perr(p, "expected a number after '$', found %s",
                 tok_desc(p, buf, sizeof buf));
        next(p);
        IrType type = expect;
        if (tok_punct(p, ':')) {
            next(p);
            type = parse_type(p, 0);
        }
        if (type == IR_TYPE_COUNT)
            perr_at(p, num.line, num.col,
                    "the type of this constant is not known here: "
                    "write $VALUE:TYPE");
        switch (type) {
        case IR_I32:
            check_int_range(p, &num, UINT32_MAX, 0x80000000u);
            break;
        case IR_I64:
            check_int_range(p, &num, UINT64_MAX, 0x8000000000000000u);
            break;
        case IR_F32:
            check_int_range(p, &num, UINT32_MAX, 0);
            break;
        default:
            check_int_range(p, &num, UINT64_MAX, 0);
            break;
        }
        a.kind = PA_CONST;
        a.type = (uint8_t)type;
        a.v = num.neg ? 0 - num.mag : num.mag;
        return a;
    }
    if (tok_punct(p, '@')) {
        next(p);
        int64_t g = p->tok.kind == TK_IDENT ? find_global(p) : -1;
        if (g < 0)
            perr(p, "unknown global %s", tok_desc(p, buf, sizeof buf));
        next(p);
        a.kind = PA_GLOBAL;
        a.v = (uint64_t)g;
        return a;
    }
    if (p->tok.kind != TK_IDENT)
        perr(p, "expected a temp, global or $constant, found %s",
             tok_desc(p, buf, sizeof buf));
    for (int kind = 0; kind < 2; kind++) {
        int64_t num = prefixed_number(p, kind ? 'b' : 't');
        if (num >= 0) {
            note_temp(p, kind, num, expect, 0, p->tok.line, p->tok.col);
            next(p);
            a.kind = kind ? PA_BB : PA_TB;
            a.v = (uint64_t)num;
            return a;
        }
    }
    int64_t g = find_global(p);
    if (g < 0)
        perr(p, "unknown name %s", tok_desc(p, buf, sizeof buf));
    next(p);
    a.kind = PA_GLOBAL;
    a.v = (uint64_t)g;
    return a;
}

/* NAME or NUMBER from NAMES (N entries, NULL holes allowed). */
static uint64_t parse_named(Parser *p, const char *const *names, unsigned n,
                            const char *what)
{
    char buf[64];
    if (p->tok.kind == TK_NUM) {
        check_int_range(p, &p->tok, UINT32_MAX, 0);
        uint64_t v = p->tok.mag;
        next(p);
        return v;
    }
    for (unsigned i = 0; i < n && p->tok.kind == TK_IDENT; i++)
        if (names[i] && tok_is(p, names[i])) {
            next(p);
            return i;
        }
    perr(p, "expected %s, found %s", what, tok_desc(p, buf, sizeof buf));
}

static uint64_t parse_memop(Parser *p)
{
    char buf[64];
    if (p->tok.kind == TK_NUM)
        return parse_named(p, NULL, 0, "a memop");
    uint64_t v = parse_named(p, ir_text_memop_base, 8,
                             "a memop (ub uw ul uq sb sw sl sq)");
    while (tok_punct(p, '|')) {
        next(p);
        if (tok_is(p, IR_TEXT_MO_BE_NAME))
            v |= IR_MO_BE;
        else if (tok_is(p, IR_TEXT_MO_ALIGN_NAME))
            v |= IR_MO_ALIGN;
        else
            perr(p, "expected be or align, found %s",
                 tok_desc(p, buf, sizeof buf));
        next(p);
    }
    return v;
}

static uint64_t parse_barrier(Parser *p)
{
    char buf[64];
    if (p->tok.kind == TK_NUM)
        return parse_named(p, NULL, 0, "a barrier");
    uint64_t v = 0;
    for (;;) {
        if (tok_is(p, IR_TEXT_BARRIER_ALL)) {
            v |= IR_BAR_ALL;
        } else {
            unsigned b;
            for (b = 0; b < 4 && !tok_is(p, ir_text_barrier_bits[b]); b++)
                ;
            if (b == 4)
                perr(p, "expected a barrier (ld_ld ld_st st_ld st_st all), "
                     "found %s", tok_desc(p, buf, sizeof buf));
            v |= 1u << b;
        }
        next(p);
        if (!tok_punct(p, '|'))
            return v;
        next(p);
    }
}

static PArg parse_const_arg(Parser *p, IrConstKind kind)
{
    PArg a = { .kind = PA_VALUE };
    char buf[64];
    Token t = p->tok;
    switch (kind) {
    case IR_CK_U32:
    case IR_CK_U64:
    case IR_CK_I64:
    case IR_CK_OFFSET:
        if (t.kind != TK_NUM)
            perr(p, "expected a number, found %s", tok_desc(p, buf, sizeof buf));
        if (kind == IR_CK_U32)
            check_int_range(p, &t, UINT32_MAX, 0);
        else if (kind == IR_CK_U64)
            check_int_range(p, &t, UINT64_MAX, 0);
        else if (kind == IR_CK_I64)
            check_int_range(p, &t, INT64_MAX, 0x8000000000000000u);
        else
            check_int_range(p, &t, INT32_MAX, 0x80000000u);
        a.v = t.neg ? 0 - t.mag : t.mag;
        next(p);
        break;
    case IR_CK_COND:
        a.v = parse_named(p, ir_text_cond_names, IR_COND_COUNT,
                          "a condition (eq ne lt ge le gt ltu geu leu gtu "
                          "never always)");
        break;
    case IR_CK_MEMOP:
        a.v = parse_memop(p);
        break;
    case IR_CK_LABEL: {
        int64_t num = prefixed_number(p, 'L');
        if (num < 0)
            perr(p, "expected a label (L0, L1, ...), found %s",
                 tok_desc(p, buf, sizeof buf));
        if (num >= IR_TEXT_MAX_LABEL_NUM)
            perr(p, "label number too large");
        a.kind = PA_LABEL;
        a.v = (uint64_t)num;
        if ((uint32_t)num + 1 > p->max_label)
            p->max_label = (uint32_t)num + 1;
        next(p);
        break;
    }
    case IR_CK_HELPER: {
        char name[128];
        if (p->tok.kind != TK_IDENT || p->tok.len >= sizeof name)
            perr(p, "expected a helper name, found %s",
                 tok_desc(p, buf, sizeof buf));
        ident_copy(p, name, sizeof name);
        a.kind = PA_HELPER;
        a.helper = ir_helper_find(name);
        if (!a.helper)
            perr(p, "unknown helper '%s'", name);
        next(p);
        break;
    }
    case IR_CK_BARRIER:
        a.v = parse_barrier(p);
        break;
    case IR_CK_ROUND:
        a.v = parse_named(p, ir_text_round_names, 8,
                          "a rounding mode (rne rtz rdn rup dyn)");
        break;
    case IR_CK_FMANEG:
        a.v = parse_named(p, ir_text_fmaneg_names, 4,
                          "an fma negation (plain neg_mul neg_add neg_both)");
        break;
    default:
        perr(p, "internal error: unknown constant kind %d", (int)kind);
    }
    return a;
}

static POp *new_pop(Parser *p)
{
    if (p->nb_ops == p->cap_ops) {
        p->cap_ops = p->cap_ops ? p->cap_ops * 2 : 64;
        p->ops = pgrow(p, p->ops, p->cap_ops, sizeof(*p->ops));
    }
    POp *op = &p->ops[p->nb_ops++];
    memset(op, 0, sizeof(*op));
    return op;
}

/* Before operand item ITEM (0-based): a ',' unless it is the first. */
static void item_sep(Parser *p, unsigned item, const IrOpInfo *info,
                     const char *argname)
{
    char buf[64];
    if (item == 0) {
        if (p->tok.kind == TK_NL || p->tok.kind == TK_EOF)
            perr(p, "%s: missing operand %s", info->name, argname);
        return;
    }
    if (p->tok.kind == TK_NL || p->tok.kind == TK_EOF)
        perr(p, "%s: missing operand %s", info->name, argname);
    if (!tok_punct(p, ','))
        perr(p, "expected ',', found %s", tok_desc(p, buf, sizeof buf));
    next(p);
}

/* OPNAME[.TYPE] operands */
static void parse_op(Parser *p, const IrOpInfo *info, IrOpcode opc)
{
    char buf[64];
    unsigned op_line = p->tok.line, op_col = p->tok.col;
    next(p);
    IrType type;
    if (tok_punct(p, '.')) {
        next(p);
        unsigned tl = p->tok.line, tc = p->tok.col;
        type = parse_type(p, 1);
        if (!(info->types >> type & 1))
            perr_at(p, tl, tc, "%s cannot have type %s", info->name,
                    ir_type_names[type]);
    } else if (!(info->types & (info->types - 1))) {
        type = (IrType)__builtin_ctz(info->types);
    } else {
        perr_at(p, op_line, op_col, "%s needs a type suffix (%s.TYPE)",
                info->name, info->name);
    }

    POp *op = new_pop(p);
    op->opc = (uint16_t)opc;
    op->type = (uint8_t)type;
    unsigned item = 0, n = 0;
    for (int group = 0; group < 2; group++) {
        unsigned max = group ? info->nb_in : info->nb_out;
        int var = group ? info->var_in : info->var_out;
        unsigned base = group ? info->nb_out : 0;
        unsigned count = 0;
        if (var) {
            item_sep(p, item++, info, info->arg_names[base + max - 1]);
            expect_punct(p, '{');
            while (!tok_punct(p, '}')) {
                if (count) {
                    if (!tok_punct(p, ','))
                        perr(p, "expected ',' or '}', found %s",
                             tok_desc(p, buf, sizeof buf));
                    next(p);
                }
                if (count == max)
                    perr(p, "%s: more than %u operands in the %s group",
                         info->name, max, info->arg_names[base + max - 1]);
                op->args[n++] = parse_temp_arg(
                    p, ir_text_expected_type(info->arg_types[base + count],
                                             type));
                count++;
            }
            next(p);
        } else {
            for (; count < max; count++) {
                item_sep(p, item++, info, info->arg_names[base + count]);
                op->args[n++] = parse_temp_arg(
                    p, ir_text_expected_type(info->arg_types[base + count],
                                             type));
            }
        }
        if (group)
            op->nb_in = (uint8_t)count;
        else
            op->nb_out = (uint8_t)count;
    }
    for (unsigned k = 0; k < info->nb_const; k++) {
        item_sep(p, item++, info,
                 info->arg_names[info->nb_out + info->nb_in + k]);
        op->args[n++] = parse_const_arg(p, (IrConstKind)info->const_kinds[k]);
    }
    op->nb_const = info->nb_const;
    if (tok_punct(p, ','))
        perr(p, "%s: too many operands", info->name);
    end_of_statement(p);
}

static void parse_statement(Parser *p)
{
    char buf[64];
    if (p->tok.kind != TK_IDENT)
        perr(p, "expected a statement, found %s", tok_desc(p, buf, sizeof buf));
    if (tok_is(p, "global")) {
        parse_global(p);
        return;
    }
    if (tok_is(p, "temp") || tok_is(p, "bbtemp")) {
        parse_temp_decl(p, tok_is(p, "bbtemp"));
        return;
    }
    int64_t lnum = prefixed_number(p, 'L');
    if (lnum >= 0) {
        Token ltok = p->tok;
        next(p);
        if (!tok_punct(p, ':'))
            perr(p, "expected ':' after label, found %s",
                 tok_desc(p, buf, sizeof buf));
        if (lnum >= IR_TEXT_MAX_LABEL_NUM)
            perr_at(p, ltok.line, ltok.col, "label number too large");
        next(p);
        end_of_statement(p);
        POp *op = new_pop(p);
        op->opc = IR_OP_set_label;
        op->type = IR_VOID;
        op->nb_const = 1;
        op->args[0].kind = PA_LABEL;
        op->args[0].v = (uint64_t)lnum;
        if ((uint32_t)lnum + 1 > p->max_label)
            p->max_label = (uint32_t)lnum + 1;
        return;
    }
    for (int opc = 0; opc < IR_OP_COUNT; opc++)
        if (tok_is(p, ir_op_info[opc].name)) {
            parse_op(p, &ir_op_info[opc], (IrOpcode)opc);
            return;
        }
    perr(p, "unknown opcode or statement %s", tok_desc(p, buf, sizeof buf));
}

/* ---- Building the context ------------------------------------------------------ */

static void build(Parser *p)
{
    IrCtx *ctx = p->ctx;
    if (!p->ctx_had_globals)
        for (uint32_t i = 0; i < p->nb_globals; i++) {
            const PGlobal *g = &p->globals[i];
            IrTemp t = ir_global(ctx, g->type, g->offset, g->name);
            ir_global_set_fixed_reg(ctx, t, g->fixed);
        }
    uint32_t *map[2] = { NULL, NULL };
    for (int kind = 0; kind < 2; kind++) {
        map[kind] = calloc(p->temp_cap[kind] ? p->temp_cap[kind] : 1,
                           sizeof(uint32_t));
        if (!map[kind])
            abort();
        for (uint32_t n = 0; n < p->temp_cap[kind]; n++) {
            uint8_t ty = p->temp_types[kind][n];
            if (!ty)
                continue;
            IrTemp t = kind ? ir_temp_new_bb(ctx, (IrType)(ty - 1))
                            : ir_temp_new(ctx, (IrType)(ty - 1));
            map[kind][n] = t.id;
        }
    }
    while (ctx->nb_labels < p->max_label + 1)
        ir_label_new(ctx);

    for (size_t i = 0; i < p->nb_ops; i++) {
        const POp *po = &p->ops[i];
        IrOp *op = ir_emit_op(ctx, (IrOpcode)po->opc, (IrType)po->type);
        op->nb_out = po->nb_out;
        op->nb_in = po->nb_in;
        op->nb_const = po->nb_const;
        unsigned n = po->nb_out + po->nb_in + po->nb_const;
        for (unsigned k = 0; k < n; k++) {
            const PArg *a = &po->args[k];
            IrArg *dst = &op->args[k];
            switch (a->kind) {
            case PA_GLOBAL:
                dst->temp.id = (uint32_t)a->v + 1;
                break;
            case PA_TB:
                dst->temp.id = map[0][a->v];
                break;
            case PA_BB:
                dst->temp.id = map[1][a->v];
                break;
            case PA_CONST:
                /* ir_const may grow the temps, never the ops: op stays valid */
                dst->temp = ir_const(ctx, (IrType)a->type, a->v);
                break;
            case PA_LABEL:
                dst->label.id = (uint32_t)a->v + 1;
                break;
            case PA_HELPER:
                dst->helper = a->helper;
                break;
            default:
                dst->uimm = a->v;
                break;
            }
        }
    }
    free(map[0]);
    free(map[1]);
    ir_note_labels(ctx);
}

static void parser_free(Parser *p)
{
    if (!p->ctx_had_globals)
        for (uint32_t i = 0; i < p->nb_globals; i++)
            free(p->globals[i].name);
    free(p->globals);
    free(p->temp_types[0]);
    free(p->temp_types[1]);
    free(p->ops);
}

bool ir_parse(IrCtx *ctx, const char *text, const char *name, char *err,
              size_t errlen)
{
    char dummy[1];
    Parser p_storage;
    /* volatile: it is read after a longjmp back into this frame */
    Parser *volatile pp = &p_storage;
    Parser *p = pp;
    memset(p, 0, sizeof(*p));
    p->ctx = ctx;
    p->src = text;
    p->name = name ? name : "<ir>";
    p->err = errlen ? err : dummy;
    p->errlen = errlen ? errlen : sizeof dummy;
    p->line = 1;
    p->col = 1;
    p->err[0] = 0;

    if (setjmp(p->fail)) {
        parser_free(pp);
        return false;
    }
    if (ctx->nb_ops || ctx->nb_temps != 1 + ctx->nb_globals ||
        ctx->nb_labels != 1)
        perr_at(p, 1, 1, "the context is not empty (use ir_ctx_reset)");
    if (ctx->nb_globals) {
        p->ctx_had_globals = 1;
        p->globals = pgrow(p, NULL, ctx->nb_globals, sizeof(*p->globals));
        p->cap_globals = p->nb_globals = ctx->nb_globals;
        for (uint32_t i = 0; i < ctx->nb_globals; i++) {
            const IrTempInfo *ti = &ctx->temps[i + 1];
            p->globals[i] = (PGlobal){ (IrType)ti->type, ti->offset,
                                       ti->fixed_reg, (char *)ti->name };
        }
    }
    unsigned last_global_line = 1;
    for (next(p); p->tok.kind != TK_EOF; next(p)) {
        if (p->tok.kind == TK_NL)
            continue;
        if (tok_is(p, "global"))
            last_global_line = p->tok.line;
        parse_statement(p);
    }
    if (p->ctx_had_globals && p->nb_declared_globals &&
        p->nb_declared_globals != p->nb_globals)
        perr_at(p, last_global_line, 1,
                "the text declares %u globals, the context has %u",
                p->nb_declared_globals, p->nb_globals);
    build(p);
    parser_free(p);
    return true;
}
