/*
 * ir_dump(): prints a context in the textual IR form that ir_parse() reads
 * back (docs/ir.md, "Textual form"): global declarations, temp
 * declarations, then one op per line.  Names are stable: TB temps are
 * t<rank>, basic-block temps b<rank> (rank among temps of that kind, by id),
 * labels L<id-1>, globals by name.  The dumper never trusts the context: an
 * invalid opcode, temp or constant is printed in a form the parser rejects
 * (or as a plain number the verifier rejects), so failing IR can be dumped.
 */
#include "ir_text.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "ir_text_names.h"

const char *const ir_text_cond_names[IR_COND_COUNT] = {
    [IR_COND_NEVER] = "never", [IR_COND_ALWAYS] = "always",
    [IR_COND_EQ] = "eq", [IR_COND_NE] = "ne",
    [IR_COND_LT] = "lt", [IR_COND_GE] = "ge",
    [IR_COND_LE] = "le", [IR_COND_GT] = "gt",
    [IR_COND_LTU] = "ltu", [IR_COND_GEU] = "geu",
    [IR_COND_LEU] = "leu", [IR_COND_GTU] = "gtu",
};

const char *const ir_text_memop_base[8] = {
    "ub", "uw", "ul", "uq", "sb", "sw", "sl", "sq",
};

const char *const ir_text_barrier_bits[4] = {
    "ld_ld", "ld_st", "st_ld", "st_st",
};

const char *const ir_text_round_names[8] = {
    [IR_RM_RNE] = "rne", [IR_RM_RTZ] = "rtz", [IR_RM_RDN] = "rdn",
    [IR_RM_RUP] = "rup", [IR_RM_DYN] = "dyn",
};

const char *const ir_text_fmaneg_names[4] = {
    [IR_FMA_PLAIN] = "plain", [IR_FMA_NEG_MUL] = "neg_mul",
    [IR_FMA_NEG_ADD] = "neg_add", [IR_FMA_NEG_BOTH] = "neg_both",
};

IrType ir_text_expected_type(uint8_t mask, IrType op_type)
{
    if (mask == IR_TM_OP)
        return op_type < IR_VOID ? op_type : IR_TYPE_COUNT;
    mask &= IR_TM_ANY;
    if (mask && !(mask & (mask - 1)))
        return (IrType)__builtin_ctz(mask);
    return IR_TYPE_COUNT;
}

static int all_digits(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return 0;
    return 1;
}

int ir_text_name_reserved(const char *name)
{
    if ((name[0] == 't' || name[0] == 'b' || name[0] == 'L') &&
        all_digits(name + 1))
        return 1;
    return !strcmp(name, "global") || !strcmp(name, "temp") ||
           !strcmp(name, "bbtemp") || !strcmp(name, "env") ||
           !strcmp(name, "fixed");
}

/* Whether NAME can be written bare: an identifier that is not reserved. */
static int name_is_plain(const char *name)
{
    if (!name || !*name)
        return 0;
    for (const char *p = name; *p; p++) {
        char c = *p;
        int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                 c == '_' || (p != name && c >= '0' && c <= '9');
        if (!ok)
            return 0;
    }
    return !ir_text_name_reserved(name);
}

/* Rank of temp ID among the temps of its kind with smaller ids. */
static uint32_t temp_rank(const IrCtx *ctx, uint32_t id)
{
    uint32_t rank = 0;
    uint8_t kind = ctx->temps[id].kind;
    for (uint32_t i = 1 + ctx->nb_globals; i < id; i++)
        rank += ctx->temps[i].kind == kind;
    return rank;
}

/* Names temps; RANKS (optional) caches temp_rank for every temp. */
typedef struct DumpNamer {
    const IrCtx *ctx;
    uint32_t *ranks;
} DumpNamer;

static void print_temp_name(const DumpNamer *nm, uint32_t id, FILE *f)
{
    const IrCtx *ctx = nm->ctx;
    if (id == 0 || id >= ctx->nb_temps) {
        fprintf(f, "?%" PRIu32, id);
        return;
    }
    const IrTempInfo *ti = &ctx->temps[id];
    uint32_t rank = nm->ranks ? nm->ranks[id] : 0;
    switch (ti->kind) {
    case IR_TEMP_GLOBAL:
        if (name_is_plain(ti->name))
            fputs(ti->name, f);
        else
            fprintf(f, "@%s", ti->name ? ti->name : "?");
        return;
    case IR_TEMP_TB:
        fprintf(f, "t%" PRIu32, nm->ranks ? rank : temp_rank(ctx, id));
        return;
    case IR_TEMP_BB:
        fprintf(f, "b%" PRIu32, nm->ranks ? rank : temp_rank(ctx, id));
        return;
    default:
        fprintf(f, "?%" PRIu32, id);
        return;
    }
}

/* A constant temp: $VALUE, with :TYPE unless EXPECT says which type. */
static void print_const(const IrTempInfo *ti, IrType expect, FILE *f)
{
    IrType t = (IrType)ti->type;
    if (t == IR_I32 || t == IR_I64) {
        int64_t v = t == IR_I32 ? (int64_t)(int32_t)ti->val : (int64_t)ti->val;
        if (v >= -4096 && v <= 4096)
            fprintf(f, "$%" PRId64, v);
        else if (v < 0 && v >= -(int64_t)UINT32_MAX)
            fprintf(f, "$-0x%" PRIx64, (uint64_t)-v);
        else
            fprintf(f, "$0x%" PRIx64, t == IR_I32 ? (uint64_t)(uint32_t)v
                                                  : (uint64_t)v);
    } else if (t == IR_F32) {
        fprintf(f, "$0x%08" PRIx32, (uint32_t)ti->val);
    } else {
        fprintf(f, "$0x%016" PRIx64, ti->val);
    }
    if (t != expect)
        fprintf(f, ":%s", t < IR_TYPE_COUNT ? ir_type_names[t] : "?");
}

static void print_temp_arg(const DumpNamer *nm, uint32_t id, IrType expect,
                           FILE *f)
{
    if (id > 0 && id < nm->ctx->nb_temps &&
        nm->ctx->temps[id].kind == IR_TEMP_CONST)
        print_const(&nm->ctx->temps[id], expect, f);
    else
        print_temp_name(nm, id, f);
}

static void print_memop(int64_t v, FILE *f)
{
    if (v < 0 || v >= 32) {
        fprintf(f, "%" PRId64, v);
        return;
    }
    fputs(ir_text_memop_base[v & (IR_MO_SIZE | IR_MO_SIGN)], f);
    if (v & IR_MO_BE)
        fputs("|" IR_TEXT_MO_BE_NAME, f);
    if (v & IR_MO_ALIGN)
        fputs("|" IR_TEXT_MO_ALIGN_NAME, f);
}

static void print_barrier(int64_t v, FILE *f)
{
    if (v <= 0 || v > IR_BAR_ALL) {
        fprintf(f, "%" PRId64, v);
        return;
    }
    if (v == IR_BAR_ALL) {
        fputs(IR_TEXT_BARRIER_ALL, f);
        return;
    }
    const char *sep = "";
    for (unsigned b = 0; b < 4; b++) {
        if (v & (1 << b)) {
            fprintf(f, "%s%s", sep, ir_text_barrier_bits[b]);
            sep = "|";
        }
    }
}

/* An enumerated constant: its name, or the number if it has none. */
static void print_named(int64_t v, const char *const *names, unsigned n,
                        FILE *f)
{
    if (v >= 0 && (uint64_t)v < n && names[v])
        fputs(names[v], f);
    else
        fprintf(f, "%" PRId64, v);
}

static void print_const_arg(const IrCtx *ctx, IrConstKind kind, IrArg a,
                            FILE *f)
{
    switch (kind) {
    case IR_CK_U32:
        fprintf(f, "%" PRIu64, a.uimm);
        break;
    case IR_CK_U64:
        fprintf(f, "0x%" PRIx64, a.uimm);
        break;
    case IR_CK_I64:
    case IR_CK_OFFSET:
        fprintf(f, "%" PRId64, a.imm);
        break;
    case IR_CK_COND:
        print_named(a.imm, ir_text_cond_names, IR_COND_COUNT, f);
        break;
    case IR_CK_MEMOP:
        print_memop(a.imm, f);
        break;
    case IR_CK_LABEL:
        if (a.label.id > 0 && a.label.id < ctx->nb_labels)
            fprintf(f, "L%" PRIu32, a.label.id - 1);
        else
            fprintf(f, "?label%" PRIu32, a.label.id);
        break;
    case IR_CK_HELPER:
        if (a.helper && a.helper->name)
            fputs(a.helper->name, f);
        else
            fputs("?helper", f);
        break;
    case IR_CK_BARRIER:
        print_barrier(a.imm, f);
        break;
    case IR_CK_ROUND:
        print_named(a.imm, ir_text_round_names, 8, f);
        break;
    case IR_CK_FMANEG:
        print_named(a.imm, ir_text_fmaneg_names, 4, f);
        break;
    default:
        fprintf(f, "?%" PRId64, a.imm);
        break;
    }
}

static void print_op(const DumpNamer *nm, const IrOp *op, FILE *f)
{
    const IrCtx *ctx = nm->ctx;
    if (op->opc >= IR_OP_COUNT) {
        fprintf(f, "    ?op%u", (unsigned)op->opc);
        return;
    }
    const IrOpInfo *info = &ir_op_info[op->opc];
    IrType type = (IrType)op->type;

    if (op->opc == IR_OP_set_label && op->nb_const == 1 && op->nb_in == 0 &&
        op->nb_out == 0 && type == IR_VOID) {
        IrLabel l = op->args[0].label;
        if (l.id > 0 && l.id < ctx->nb_labels) {
            fprintf(f, "L%" PRIu32 ":", l.id - 1);
            return;
        }
    }

    fprintf(f, "    %s", info->name);
    if (type >= IR_TYPE_COUNT)
        fprintf(f, ".?%u", (unsigned)type);
    else if ((info->types & (info->types - 1)) || !(info->types >> type & 1))
        fprintf(f, ".%s", ir_type_names[type]);

    unsigned nb_out = op->nb_out, nb_in = op->nb_in, nb_const = op->nb_const;
    if (nb_out + nb_in + nb_const > IR_MAX_ARGS) {
        fprintf(f, " ?args(%u,%u,%u)", nb_out, nb_in, nb_const);
        return;
    }
    unsigned n = 0, items = 0;
    for (int group = 0; group < 2; group++) {
        unsigned count = group ? nb_in : nb_out;
        int var = group ? info->var_in : info->var_out;
        for (unsigned k = 0; k < count || (var && k == 0); k++) {
            if (k == 0)
                fputs(items++ ? ", " : " ", f);
            if (var && k == 0)
                fputc('{', f);
            if (k >= count)
                break;
            unsigned pos = group ? info->nb_out + k : k;
            uint8_t mask = pos < IR_MAX_TEMP_ARGS ? info->arg_types[pos] : 0;
            if (k)
                fputs(", ", f);
            print_temp_arg(nm, op->args[n++].temp.id,
                           ir_text_expected_type(mask, type), f);
        }
        if (var)
            fputc('}', f);
    }
    for (unsigned k = 0; k < nb_const; k++, n++) {
        fputs(items++ ? ", " : " ", f);
        IrConstKind kind = k < IR_MAX_CONSTS ? (IrConstKind)info->const_kinds[k]
                                             : IR_CK_COUNT;
        print_const_arg(ctx, kind, op->args[n], f);
    }
}

void ir_dump_op(const IrCtx *ctx, const IrOp *op, FILE *f)
{
    DumpNamer nm = { ctx, NULL };
    print_op(&nm, op, f);
}

/* temp/bbtemp declarations: runs of equal type on one line. */
static void print_temp_decls(const IrCtx *ctx, IrTempKind kind, FILE *f)
{
    const char *word = kind == IR_TEMP_TB ? "temp" : "bbtemp";
    char prefix = kind == IR_TEMP_TB ? 't' : 'b';
    uint32_t rank = 0;
    int open_type = -1;
    for (uint32_t i = 1 + ctx->nb_globals; i < ctx->nb_temps; i++) {
        const IrTempInfo *ti = &ctx->temps[i];
        if (ti->kind != kind)
            continue;
        if (ti->type != open_type) {
            if (open_type >= 0)
                fputc('\n', f);
            open_type = ti->type;
            fprintf(f, "%s %s %c%" PRIu32, word,
                    ti->type < IR_TYPE_COUNT ? ir_type_names[ti->type] : "?",
                    prefix, rank);
        } else {
            fprintf(f, ", %c%" PRIu32, prefix, rank);
        }
        rank++;
    }
    if (open_type >= 0)
        fputc('\n', f);
}

void ir_dump(const IrCtx *ctx, FILE *f)
{
    DumpNamer nm = { ctx, calloc(ctx->nb_temps ? ctx->nb_temps : 1,
                                 sizeof(uint32_t)) };
    if (nm.ranks) {
        uint32_t next[4] = { 0, 0, 0, 0 };
        for (uint32_t i = 1; i < ctx->nb_temps; i++)
            nm.ranks[i] = next[ctx->temps[i].kind & 3]++;
    }

    for (uint32_t i = 1; i <= ctx->nb_globals && i < ctx->nb_temps; i++) {
        const IrTempInfo *ti = &ctx->temps[i];
        fputs("global ", f);
        fputs(ti->type < IR_TYPE_COUNT ? ir_type_names[ti->type] : "?", f);
        fputc(' ', f);
        print_temp_name(&nm, i, f);
        fprintf(f, " env%+" PRId32, ti->offset);
        if (ti->fixed_reg >= 0 && ti->fixed_reg < IR_X86_NB_REGS)
            fprintf(f, " fixed=%s", ir_x86_reg_names[ti->fixed_reg]);
        else if (ti->fixed_reg >= 0)
            fprintf(f, " fixed=?%d", ti->fixed_reg);
        fputc('\n', f);
    }
    print_temp_decls(ctx, IR_TEMP_TB, f);
    print_temp_decls(ctx, IR_TEMP_BB, f);

    for (size_t i = 0; i < ctx->nb_ops; i++) {
        print_op(&nm, &ctx->ops[i], f);
        fputc('\n', f);
    }
    free(nm.ranks);
}

char *ir_dump_str(const IrCtx *ctx)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        abort();
    ir_dump(ctx, f);
    fclose(f);
    return buf;
}

void ir_temp_name(const IrCtx *ctx, IrTemp t, char *buf, size_t len)
{
    char *s = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&s, &n);
    if (!f)
        abort();
    DumpNamer nm = { ctx, NULL };
    print_temp_arg(&nm, t.id, IR_TYPE_COUNT, f);
    fclose(f);
    snprintf(buf, len, "%s", s);
    free(s);
}
