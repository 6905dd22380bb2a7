/*
 * ir_verify(): checks that a context is well formed (docs/ir.md,
 * "Verifier").  Three stages, each stopping at the first error:
 *   1. each op on its own: opcode, type, argument counts, operand temps and
 *      their types (ir_op_info arg_types), outputs not constants, the
 *      ranges of constant arguments and a few per-op rules;
 *   2. labels: set at most once, and set if a branch names them; each
 *      goto_tb slot used at most once (it is one patchable jump);
 *   3. definitions before uses: a forward "defined on every path" dataflow
 *      over the basic blocks for TB temps, and for basic-block temps a check
 *      inside each block (they die at every block boundary).
 */
#include "ir_verify.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir_text.h"

typedef struct Verifier {
    const IrCtx *ctx;
    char *err;
    size_t errlen;
} Verifier;

/* Writes "op N: message [op text]" and returns false. */
static bool vfail(Verifier *v, size_t opi, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);

    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (f) {
        ir_dump_op(v->ctx, &v->ctx->ops[opi], f);
        fclose(f);
    }
    const char *t = text ? text : "";
    while (*t == ' ')
        t++;
    if (v->errlen)
        snprintf(v->err, v->errlen, "op %zu: %s [%s]", opi, msg, t);
    free(text);
    return false;
}

static unsigned type_bits(IrType t)
{
    return t == IR_I32 || t == IR_F32 ? 32 : 64;
}

static void tname(const Verifier *v, uint32_t id, char *buf, size_t len)
{
    ir_temp_name(v->ctx, (IrTemp){ id }, buf, len);
}

/* ---- Stage 1: one op ----------------------------------------------------------- */

static bool check_temps(Verifier *v, size_t opi, const IrOp *op,
                        const IrOpInfo *info)
{
    const IrCtx *ctx = v->ctx;
    IrType type = (IrType)op->type;
    char buf[64];
    for (unsigned i = 0; i < ir_op_nb_temps(op); i++) {
        int is_out = i < op->nb_out;
        unsigned pos = is_out ? i : info->nb_out + (i - op->nb_out);
        uint32_t id = op->args[i].temp.id;
        if (id == 0 || id >= ctx->nb_temps)
            return vfail(v, opi, "%s %s is not a temp (id %u)",
                         is_out ? "output" : "input",
                         info->arg_names[pos], id);
        const IrTempInfo *ti = &ctx->temps[id];
        tname(v, id, buf, sizeof buf);
        if (is_out && ti->kind == IR_TEMP_CONST)
            return vfail(v, opi, "output %s is a constant",
                         info->arg_names[pos]);
        uint8_t mask = info->arg_types[pos];
        if (mask == IR_TM_OP) {
            if (type == IR_VOID)
                return vfail(v, opi, "a void %s has no %s", info->name,
                             info->arg_names[pos]);
            if (ti->type != type)
                return vfail(v, opi, "type mismatch: %s (%s) is %s, the op "
                             "is %s", info->arg_names[pos], buf,
                             ir_type_names[ti->type], ir_type_names[type]);
        } else if (!(mask >> ti->type & 1)) {
            return vfail(v, opi, "type mismatch: %s (%s) cannot be %s",
                         info->arg_names[pos], buf, ir_type_names[ti->type]);
        }
    }
    return true;
}

static bool check_memop(Verifier *v, size_t opi, const IrOp *op, int64_t mo)
{
    IrType type = (IrType)op->type;
    if (mo < 0 || mo >= 32)
        return vfail(v, opi, "bad memop %lld", (long long)mo);
    unsigned bits = 8u << (mo & IR_MO_SIZE);
    if (ir_type_class(type) == IR_TC_FP) {
        if (bits != type_bits(type) || (mo & IR_MO_SIGN))
            return vfail(v, opi, "memop does not fit a %s access",
                         ir_type_names[type]);
    } else if (bits > type_bits(type)) {
        return vfail(v, opi, "memop is wider than %s", ir_type_names[type]);
    }
    return true;
}

static bool check_consts(Verifier *v, size_t opi, const IrOp *op,
                         const IrOpInfo *info)
{
    const IrCtx *ctx = v->ctx;
    for (unsigned k = 0; k < op->nb_const; k++) {
        IrArg a = op->args[op->nb_out + op->nb_in + k];
        const char *name = info->arg_names[info->nb_out + info->nb_in + k];
        switch ((IrConstKind)info->const_kinds[k]) {
        case IR_CK_U32:
            if (a.uimm > UINT32_MAX)
                return vfail(v, opi, "%s out of range for u32", name);
            break;
        case IR_CK_OFFSET:
            if (a.imm < INT32_MIN || a.imm > INT32_MAX)
                return vfail(v, opi, "offset %s out of range", name);
            break;
        case IR_CK_COND:
            if (a.imm < 0 || a.imm >= IR_COND_COUNT)
                return vfail(v, opi, "bad condition %lld", (long long)a.imm);
            if (op->opc == IR_OP_fcmp && a.imm != IR_COND_EQ &&
                a.imm != IR_COND_LT && a.imm != IR_COND_LE)
                return vfail(v, opi, "fcmp takes eq, lt or le");
            break;
        case IR_CK_MEMOP:
            if (!check_memop(v, opi, op, a.imm))
                return false;
            break;
        case IR_CK_LABEL:
            if (a.label.id == 0 || a.label.id >= ctx->nb_labels)
                return vfail(v, opi, "bad label id %u", a.label.id);
            break;
        case IR_CK_HELPER:
            if (!a.helper || !a.helper->name)
                return vfail(v, opi, "call without a helper");
            break;
        case IR_CK_BARRIER:
            if (a.imm <= 0 || a.imm > IR_BAR_ALL)
                return vfail(v, opi, "bad barrier %lld", (long long)a.imm);
            break;
        case IR_CK_ROUND:
            if (!(a.imm >= IR_RM_RNE && a.imm <= IR_RM_RUP) &&
                a.imm != IR_RM_DYN)
                return vfail(v, opi, "bad rounding mode %lld",
                             (long long)a.imm);
            break;
        case IR_CK_FMANEG:
            if (a.imm < 0 || a.imm > IR_FMA_NEG_BOTH)
                return vfail(v, opi, "bad fma negation %lld",
                             (long long)a.imm);
            break;
        default:
            break;
        }
    }
    return true;
}

/* Rules the table cannot express. */
static bool check_op_rules(Verifier *v, size_t opi, const IrOp *op)
{
    const IrCtx *ctx = v->ctx;
    IrType type = (IrType)op->type;
    switch (op->opc) {
    case IR_OP_extract:
    case IR_OP_sextract:
    case IR_OP_deposit: {
        uint64_t ofs = ir_op_const((IrOp *)op, 0)->uimm;
        uint64_t len = ir_op_const((IrOp *)op, 1)->uimm;
        if (len == 0 || ofs + len > type_bits(type))
            return vfail(v, opi, "bit field [%llu, %llu] outside %s",
                         (unsigned long long)ofs, (unsigned long long)len,
                         ir_type_names[type]);
        break;
    }
    case IR_OP_goto_tb:
        if (op->args[0].uimm > 1)
            return vfail(v, opi, "goto_tb slot must be 0 or 1");
        break;
    case IR_OP_fcvt:
        if (ctx->temps[op->args[1].temp.id].type == type)
            return vfail(v, opi, "fcvt between equal types");
        break;
    case IR_OP_bitcast_f2i:
    case IR_OP_bitcast_i2f:
        if (type_bits((IrType)ctx->temps[op->args[1].temp.id].type) !=
            type_bits(type))
            return vfail(v, opi, "bitcast between types of different widths");
        break;
    case IR_OP_fsetrm:
        if (op->args[0].imm == IR_RM_DYN)
            return vfail(v, opi, "fsetrm needs a static rounding mode");
        break;
    case IR_OP_nop:
        if (type != IR_VOID)
            return vfail(v, opi, "nop with a type");
        break;
    default:
        break;
    }
    return true;
}

static bool check_op(Verifier *v, size_t opi)
{
    const IrOp *op = &v->ctx->ops[opi];
    if (op->opc >= IR_OP_COUNT)
        return vfail(v, opi, "bad opcode %u", (unsigned)op->opc);
    const IrOpInfo *info = &ir_op_info[op->opc];
    if (op->type >= IR_TYPE_COUNT || !(info->types >> op->type & 1))
        return vfail(v, opi, "%s cannot have type %u", info->name,
                     (unsigned)op->type);
    if (info->var_out ? op->nb_out > info->nb_out : op->nb_out != info->nb_out)
        return vfail(v, opi, "%s: wrong number of outputs (%u)", info->name,
                     (unsigned)op->nb_out);
    if (info->var_in ? op->nb_in > info->nb_in : op->nb_in != info->nb_in)
        return vfail(v, opi, "%s: wrong number of inputs (%u)", info->name,
                     (unsigned)op->nb_in);
    if (op->nb_const != info->nb_const)
        return vfail(v, opi, "%s: wrong number of constants (%u)", info->name,
                     (unsigned)op->nb_const);
    return check_temps(v, opi, op, info) && check_consts(v, opi, op, info) &&
           check_op_rules(v, opi, op);
}

/* ---- Stage 2: labels ------------------------------------------------------------- */

static bool check_labels(Verifier *v, int32_t *set_at)
{
    const IrCtx *ctx = v->ctx;
    for (uint32_t l = 0; l < ctx->nb_labels; l++)
        set_at[l] = -1;
    for (size_t i = 0; i < ctx->nb_ops; i++) {
        const IrOp *op = &ctx->ops[i];
        if (op->opc != IR_OP_set_label)
            continue;
        uint32_t l = op->args[0].label.id;
        if (set_at[l] >= 0)
            return vfail(v, i, "label L%u set twice (first at op %d)", l - 1,
                         set_at[l]);
        set_at[l] = (int32_t)i;
    }
    for (size_t i = 0; i < ctx->nb_ops; i++) {
        const IrOp *op = &ctx->ops[i];
        const IrOpInfo *info = &ir_op_info[op->opc];
        if (op->opc == IR_OP_set_label)
            continue;
        for (unsigned k = 0; k < op->nb_const; k++) {
            if (info->const_kinds[k] != IR_CK_LABEL)
                continue;
            uint32_t l = op->args[op->nb_out + op->nb_in + k].label.id;
            if (set_at[l] < 0)
                return vfail(v, i, "label L%u is never set", l - 1);
        }
    }
    return true;
}

/* ---- Stage 3: definitions before uses ------------------------------------------------ */

typedef struct Block {
    size_t start, end;       /* ops [start, end) */
    int succ[2];             /* successor blocks or -1 */
} Block;

/* Splits the ops into basic blocks: a block starts at op 0, at every
 * set_label and after every bb_end op. */
static Block *make_blocks(const IrCtx *ctx, const int32_t *set_at,
                          size_t *nb_blocks, int **block_of_op)
{
    size_t n = ctx->nb_ops;
    Block *blocks = calloc(n + 1, sizeof(*blocks));
    int *bof = calloc(n + 1, sizeof(*bof));
    if (!blocks || !bof)
        abort();
    size_t nb = 0;
    for (size_t i = 0; i < n; i++) {
        const IrOp *op = &ctx->ops[i];
        int starts = i == 0 || op->opc == IR_OP_set_label ||
                     (ir_op_info[ctx->ops[i - 1].opc].flags & IR_OPF_BB_END);
        if (starts) {
            if (nb)
                blocks[nb - 1].end = i;
            blocks[nb].start = i;
            nb++;
        }
        bof[i] = (int)nb - 1;
    }
    if (nb)
        blocks[nb - 1].end = n;
    for (size_t b = 0; b < nb; b++) {
        const IrOp *last = &ctx->ops[blocks[b].end - 1];
        const IrOpInfo *info = &ir_op_info[last->opc];
        int k = 0;
        blocks[b].succ[0] = blocks[b].succ[1] = -1;
        if (!(info->flags & IR_OPF_NORETURN) && b + 1 < nb)
            blocks[b].succ[k++] = (int)b + 1;
        if (info->flags & IR_OPF_BRANCH) {
            for (unsigned c = 0; c < last->nb_const; c++)
                if (info->const_kinds[c] == IR_CK_LABEL) {
                    uint32_t l =
                        last->args[last->nb_out + last->nb_in + c].label.id;
                    blocks[b].succ[k++] = bof[set_at[l]];
                }
        }
    }
    *nb_blocks = nb;
    *block_of_op = bof;
    return blocks;
}

typedef uint64_t Word;
#define WBITS 64

static void set_bit(Word *s, uint32_t i, int on)
{
    if (on)
        s[i / WBITS] |= (Word)1 << (i % WBITS);
    else
        s[i / WBITS] &= ~((Word)1 << (i % WBITS));
}

static int get_bit(const Word *s, uint32_t i)
{
    return (int)(s[i / WBITS] >> (i % WBITS) & 1);
}

/* Applies block B's definitions to S (TB temps, indexed by tb_index). */
static void transfer(const IrCtx *ctx, const Block *b, const int32_t *tb_index,
                     Word *s)
{
    for (size_t i = b->start; i < b->end; i++) {
        const IrOp *op = &ctx->ops[i];
        for (unsigned k = 0; k < op->nb_out; k++) {
            int32_t ti = tb_index[op->args[k].temp.id];
            if (ti >= 0)
                set_bit(s, (uint32_t)ti, op->opc != IR_OP_discard);
        }
    }
}

static bool check_defs(Verifier *v, const int32_t *set_at)
{
    const IrCtx *ctx = v->ctx;
    size_t nb;
    int *bof;
    Block *blocks = make_blocks(ctx, set_at, &nb, &bof);

    int32_t *tb_index = malloc(ctx->nb_temps * sizeof(*tb_index));
    int32_t *bb_block = malloc(ctx->nb_temps * sizeof(*bb_block));
    if (!tb_index || !bb_block)
        abort();
    uint32_t nb_tb = 0;
    for (uint32_t t = 0; t < ctx->nb_temps; t++) {
        tb_index[t] = ctx->temps[t].kind == IR_TEMP_TB && t ? (int32_t)nb_tb++
                                                            : -1;
        bb_block[t] = -1;
    }
    size_t words = (nb_tb + WBITS - 1) / WBITS + 1;
    Word *in = malloc((nb + 1) * words * sizeof(Word));
    Word *out = malloc((nb + 1) * words * sizeof(Word));
    Word *cur = malloc(words * sizeof(Word));
    if (!in || !out || !cur)
        abort();
    /* predecessor lists: preds[pred_at[b] .. pred_at[b + 1]) */
    size_t *pred_at = calloc(nb + 2, sizeof(*pred_at));
    size_t *preds = malloc((2 * nb + 1) * sizeof(*preds));
    size_t *fill = calloc(nb + 1, sizeof(*fill));
    if (!pred_at || !preds || !fill)
        abort();
    for (size_t p = 0; p < nb; p++)
        for (int k = 0; k < 2; k++)
            if (blocks[p].succ[k] >= 0)
                pred_at[blocks[p].succ[k] + 1]++;
    for (size_t b = 0; b < nb; b++)
        pred_at[b + 1] += pred_at[b];
    for (size_t p = 0; p < nb; p++)
        for (int k = 0; k < 2; k++) {
            int sb = blocks[p].succ[k];
            if (sb >= 0)
                preds[pred_at[sb] + fill[sb]++] = p;
        }
    free(fill);

    /* Start from "everything defined" (unreachable blocks keep it). */
    memset(out, 0xff, (nb + 1) * words * sizeof(Word));
    for (int changed = 1; changed;) {
        changed = 0;
        for (size_t b = 0; b < nb; b++) {
            Word *bin = in + b * words;
            /* meet over the predecessors; the entry starts empty */
            memset(bin, b == 0 ? 0 : 0xff, words * sizeof(Word));
            for (size_t q = pred_at[b]; q < pred_at[b + 1] && b; q++) {
                const Word *pout = out + preds[q] * words;
                for (size_t w = 0; w < words; w++)
                    bin[w] &= pout[w];
            }
            memcpy(cur, bin, words * sizeof(Word));
            transfer(ctx, &blocks[b], tb_index, cur);
            if (memcmp(cur, out + b * words, words * sizeof(Word))) {
                memcpy(out + b * words, cur, words * sizeof(Word));
                changed = 1;
            }
        }
    }

    bool ok = true;
    char buf[64];
    for (size_t b = 0; b < nb && ok; b++) {
        memcpy(cur, in + b * words, words * sizeof(Word));
        for (size_t i = blocks[b].start; i < blocks[b].end && ok; i++) {
            const IrOp *op = &ctx->ops[i];
            for (unsigned k = 0; k < op->nb_in && ok; k++) {
                uint32_t id = ir_op_in((IrOp *)op, k)->temp.id;
                const IrTempInfo *ti = &ctx->temps[id];
                tname(v, id, buf, sizeof buf);
                if (ti->kind == IR_TEMP_TB &&
                    !get_bit(cur, (uint32_t)tb_index[id]))
                    ok = vfail(v, i, "%s is read before it is defined on "
                               "every path", buf);
                else if (ti->kind == IR_TEMP_BB && bb_block[id] != (int)b)
                    ok = vfail(v, i, bb_block[id] < 0
                               ? "%s is read before it is defined"
                               : "basic-block temp %s is read in another "
                                 "basic block than its definition", buf);
            }
            for (unsigned k = 0; k < op->nb_out && ok; k++) {
                uint32_t id = op->args[k].temp.id;
                int def = op->opc != IR_OP_discard;
                if (tb_index[id] >= 0)
                    set_bit(cur, (uint32_t)tb_index[id], def);
                else if (ctx->temps[id].kind == IR_TEMP_BB)
                    bb_block[id] = def ? (int)b : -2;
            }
        }
    }
    free(pred_at);
    free(preds);
    free(blocks);
    free(bof);
    free(tb_index);
    free(bb_block);
    free(in);
    free(out);
    free(cur);
    return ok;
}

/* A goto_tb slot names one patchable jump of the TB, so each slot may
 * appear once (docs/backend.md, chaining). */
static bool check_goto_tb_slots(Verifier *v)
{
    long seen[2] = { -1, -1 };
    for (size_t i = 0; i < v->ctx->nb_ops; i++) {
        const IrOp *op = &v->ctx->ops[i];
        if (op->opc != IR_OP_goto_tb)
            continue;
        uint64_t slot = op->args[0].uimm;
        if (seen[slot] >= 0)
            return vfail(v, i, "goto_tb slot %u used twice (first at op %ld)",
                         (unsigned)slot, seen[slot]);
        seen[slot] = (long)i;
    }
    return true;
}

bool ir_verify(const IrCtx *ctx, char *err, size_t errlen)
{
    Verifier v = { ctx, err, errlen };
    if (errlen)
        err[0] = 0;
    for (size_t i = 0; i < ctx->nb_ops; i++)
        if (!check_op(&v, i))
            return false;
    if (!check_goto_tb_slots(&v))
        return false;
    int32_t *set_at = malloc((ctx->nb_labels + 1) * sizeof(*set_at));
    if (!set_at)
        abort();
    bool ok = check_labels(&v, set_at) && check_defs(&v, set_at);
    free(set_at);
    return ok;
}

void ir_verify_or_die(const IrCtx *ctx, const char *what)
{
    char err[512];
    if (ir_verify(ctx, err, sizeof err))
        return;
    fprintf(stderr, "rvtcg: invalid IR after %s: %s\n", what, err);
    ir_dump(ctx, stderr);
    fflush(stderr);
    abort();
}
