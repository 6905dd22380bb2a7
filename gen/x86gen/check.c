/*
 * x86gen semantic checks: decodes each form's encoding items (prefixes,
 * opcode map, opcode, +r/+cc, ModRM, immediates), matches them against the
 * operand kinds and op/en letters, names the emitter and rejects duplicate
 * names.  Every problem is reported as FILE:LINE:COL: error: MESSAGE at the
 * token it concerns; checking continues so one run shows all errors.
 */
#include "ast.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static bool form_ok;

__attribute__((format(printf, 2, 3)))
static void err(SrcLoc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_verror(loc, fmt, ap);
    va_end(ap);
    form_ok = false;
}

static bool is_lower_ident(const char *s)
{
    if (!is_c_ident(s))
        return false;
    for (; *s; s++)
        if (isupper((unsigned char)*s))
            return false;
    return true;
}

/* ---- VEX.L.pp.mmmmm.W (SDM Vol. 2 3.1.1.2 notation) ---- */

static SrcLoc loc_plus(SrcLoc loc, size_t off)
{
    loc.col += (int)off;
    return loc;
}

static void parse_vex(X86genEnc *e, const X86genItem *it)
{
    bool have_l = false, have_pp = false, have_map = false, have_w = false;
    const char *text = it->text;
    const char *p = text + 4;   /* after "VEX." */

    e->vex = true;
    e->vex_loc = it->loc;
    while (*p) {
        const char *dot = strchr(p, '.');
        size_t n = dot ? (size_t)(dot - p) : strlen(p);
        char field[16];
        SrcLoc floc = loc_plus(it->loc, (size_t)(p - text));
        if (n == 0 || n >= sizeof(field)) {
            err(floc, "unknown prefix: bad VEX field in '%s'", text);
            return;
        }
        memcpy(field, p, n);
        field[n] = 0;
        bool *seen = NULL;
        if (!strcmp(field, "128") || !strcmp(field, "L0")
            || !strcmp(field, "LZ") || !strcmp(field, "LIG")) {
            seen = &have_l;
        } else if (!strcmp(field, "256") || !strcmp(field, "L1")) {
            seen = &have_l;
            e->vex_l = true;
        } else if (!strcmp(field, "66") || !strcmp(field, "F2")
                   || !strcmp(field, "F3")) {
            seen = &have_pp;
            e->p66 = field[0] == '6';
            e->pf2 = !strcmp(field, "F2");
            e->pf3 = !strcmp(field, "F3");
        } else if (!strcmp(field, "0F") || !strcmp(field, "0F38")
                   || !strcmp(field, "0F3A")) {
            seen = &have_map;
            e->map = !strcmp(field, "0F") ? 0x0F
                   : !strcmp(field, "0F38") ? 0x0F38 : 0x0F3A;
        } else if (!strcmp(field, "W0") || !strcmp(field, "WIG")) {
            seen = &have_w;
        } else if (!strcmp(field, "W1")) {
            seen = &have_w;
            e->vex_w = true;
        } else if (!strcmp(field, "NDS") || !strcmp(field, "NDD")
                   || !strcmp(field, "DDS")) {
            /* operand-role hints of older SDM editions; the op/en says it */
        } else {
            err(floc, "unknown prefix: VEX field '%s'", field);
        }
        if (seen) {
            if (*seen)
                err(floc, "conflicting prefixes: second VEX %s field '%s'",
                    seen == &have_l ? "L" : seen == &have_pp ? "pp"
                    : seen == &have_map ? "map" : "W", field);
            *seen = true;
        }
        p += n;
        if (*p == '.')
            p++;
    }
    if (!have_map && form_ok)
        err(it->loc, "VEX prefix '%s' has no opcode map (0F, 0F38, 0F3A)",
            text);
}

/* ---- encoding items ---- */

static int imm_code_bytes(const char *s, bool *rel)
{
    static const struct { const char *name; int bytes; bool rel; } codes[] = {
        { "ib", 1, false }, { "iw", 2, false }, { "id", 4, false },
        { "io", 8, false }, { "cb", 1, true }, { "cd", 4, true },
    };
    for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
        if (!strcmp(s, codes[i].name)) {
            *rel = codes[i].rel;
            return codes[i].bytes;
        }
    return 0;
}

static const char *item_text(const X86genItem *it, char buf[8])
{
    switch (it->kind) {
    case X86GEN_I_HEX:
        snprintf(buf, 8, "%02X", it->value & 0xFF);
        return buf;
    case X86GEN_I_DIGIT:
        snprintf(buf, 8, "/%d", it->value % 1000);
        return buf;
    default:
        return it->text;
    }
}

/* A prefix word or byte before the opcode; false if IT is not a prefix. */
static bool take_prefix(X86genEnc *e, const X86genItem *it)
{
    bool *flag = NULL;
    if (it->kind == X86GEN_I_HEX) {
        if (e->vex)             /* VEX carries pp: the next byte is the opcode */
            return false;
        e->legacy_simd = true;
        if (it->value == 0x66)
            flag = &e->p66;
        else if (it->value == 0xF2)
            flag = &e->pf2;
        else if (it->value == 0xF3)
            flag = &e->pf3;
        else
            return false;
    } else if (it->kind == X86GEN_I_WORD) {
        if (!strcmp(it->text, "LOCK")) {
            flag = &e->lock;
            e->lock_loc = it->loc;
        } else if (!strcmp(it->text, "REX.W")) {
            flag = &e->rexw;
        } else if (!strncmp(it->text, "VEX.", 4)) {
            if (e->vex)
                err(it->loc, "conflicting prefixes: more than one VEX prefix");
            parse_vex(e, it);
            return true;
        } else {
            return false;
        }
    } else {
        return false;
    }
    char buf[8];
    if (*flag)
        err(it->loc, "duplicate prefix '%s'", item_text(it, buf));
    *flag = true;
    return true;
}

static void unknown_word(const X86genItem *it, bool after_opcode)
{
    bool rel;
    if (imm_code_bytes(it->text, &rel))
        err(it->loc, "missing opcode before '%s'", it->text);
    else if (isupper((unsigned char)it->text[0]) || strchr(it->text, '.'))
        err(it->loc, "unknown prefix '%s'", it->text);
    else
        err(it->loc, "unknown encoding element '%s'%s", it->text,
            after_opcode ? " (expected ib, iw, id, io, cb or cd)" : "");
}

static void decode_items(X86genForm *f)
{
    X86genEnc *e = &f->enc;
    enum { PREFIX, AFTER_0F, AFTER_ESC2, OPCODE_DONE } state = PREFIX;
    char buf[8];

    e->modrm = -1;
    for (size_t i = 0; i < f->items.len; i++) {
        X86genItem *it = f->items.items[i];
        switch (state) {
        case PREFIX:
            if (take_prefix(e, it))
                break;
            if (it->kind == X86GEN_I_HEX) {
                if (it->value == 0x0F && !e->vex) {
                    e->map = 0x0F;
                    state = AFTER_0F;
                } else {
                    e->opcode = it->value;
                    e->opcode_loc = it->loc;
                    state = OPCODE_DONE;
                }
            } else if (it->kind == X86GEN_I_WORD) {
                unknown_word(it, false);
            } else {
                err(it->loc, "missing opcode before '%s'", item_text(it, buf));
            }
            break;
        case AFTER_0F:
        case AFTER_ESC2:
            if (it->kind != X86GEN_I_HEX) {
                err(it->loc, "missing opcode before '%s'", item_text(it, buf));
            } else if (state == AFTER_0F
                       && (it->value == 0x38 || it->value == 0x3A)) {
                e->map = it->value == 0x38 ? 0x0F38 : 0x0F3A;
                state = AFTER_ESC2;
            } else {
                e->opcode = it->value;
                e->opcode_loc = it->loc;
                state = OPCODE_DONE;
            }
            break;
        case OPCODE_DONE: {
            X86genItem *prev = f->items.items[i - 1];
            bool rel;
            int nb;
            switch (it->kind) {
            case X86GEN_I_PLUS_R:
            case X86GEN_I_PLUS_CC:
                if (prev->kind != X86GEN_I_HEX || e->nextra || e->plus_r
                    || e->plus_cc) {
                    err(it->loc, "'%s' must directly follow the opcode byte",
                        it->text);
                    break;
                }
                if (it->kind == X86GEN_I_PLUS_R)
                    e->plus_r = true;
                else
                    e->plus_cc = true;
                e->plus_loc = it->loc;
                break;
            case X86GEN_I_HEX:
                if (e->modrm >= 0 || e->nimm) {
                    err(it->loc, "literal byte %s after the ModRM or immediate",
                        item_text(it, buf));
                } else if (e->nextra == (int)sizeof(e->extra)) {
                    err(it->loc, "too many literal bytes after the opcode");
                } else {
                    e->extra[e->nextra++] = (uint8_t)it->value;
                }
                break;
            case X86GEN_I_SLASH_R:
            case X86GEN_I_DIGIT:
                if (e->modrm >= 0) {
                    err(it->loc, "more than one ModRM specifier (/r or /digit)");
                    break;
                }
                if (e->nimm) {
                    err(it->loc, "'%s' after an immediate", item_text(it, buf));
                    break;
                }
                if (it->kind == X86GEN_I_DIGIT && it->value > 7) {
                    err(it->loc, "/digit out of range: /%d (must be /0../7)",
                        it->value);
                    break;
                }
                e->modrm = it->kind == X86GEN_I_SLASH_R ? 8 : it->value;
                e->modrm_loc = it->loc;
                break;
            case X86GEN_I_WORD:
                nb = imm_code_bytes(it->text, &rel);
                if (nb) {
                    if (e->nimm == 2) {
                        err(it->loc, "more than two immediates");
                        break;
                    }
                    e->imm_bytes[e->nimm] = nb;
                    e->imm_rel[e->nimm] = rel;
                    e->imm_loc[e->nimm] = it->loc;
                    e->nimm++;
                } else if (!strcmp(it->text, "LOCK") || !strcmp(it->text, "REX.W")
                           || !strncmp(it->text, "VEX.", 4)) {
                    err(it->loc, "prefix '%s' after the opcode", it->text);
                } else {
                    unknown_word(it, true);
                }
                break;
            }
            break;
        }
        }
    }
    if (state == AFTER_0F)
        err(f->end_loc, "missing opcode after 0F");
    else if (state == AFTER_ESC2)
        err(f->end_loc, "missing opcode after 0F %02X", e->map & 0xFF);
    else if (state != OPCODE_DONE && form_ok)
        err(f->end_loc, "missing opcode");
}

/* ---- operands ---- */

static const char *slot_name(char c)
{
    switch (c) {
    case 'R': return "ModRM.reg";
    case 'M': return "ModRM.rm";
    case 'V': return "VEX.vvvv";
    case 'O': return "the opcode's low bits (+r)";
    case 'I': return "an immediate";
    case 'J': return "a relative offset";
    case 'K': return "the opcode's condition nibble (+cc)";
    case 'X': return "an implied operand";
    default: return "?";
    }
}

static bool slot_accepts(char c, X86genClass cls)
{
    switch (c) {
    case 'R': case 'V': return cls == X86GEN_GPR || cls == X86GEN_XMM;
    case 'M': return cls == X86GEN_GPR || cls == X86GEN_XMM || cls == X86GEN_MEM;
    case 'O': return cls == X86GEN_GPR;
    case 'I': return cls == X86GEN_IMM;
    case 'J': return cls == X86GEN_REL;
    case 'K': return cls == X86GEN_COND;
    case 'X': return cls == X86GEN_FIXED;
    default: return false;
    }
}

typedef struct Slots {
    X86genOperand *r, *m, *v, *o, *k;
    X86genOperand *imm[4];
    int nimm;
} Slots;

static void check_operands(X86genForm *f, Slots *s)
{
    int nops = (int)f->operands.len;
    int nregs = 0, nimm = 0, nrel = 0;
    static const char *const reg_params[] = { "dst", "src", "src2", "src3" };

    memset(s, 0, sizeof(*s));
    if (nops > 4)
        err(((X86genOperand *)f->operands.items[4])->loc,
            "too many operands (at most 4)");
    for (int i = 0; i < nops; i++) {
        X86genOperand *op = f->operands.items[i];
        op->kind = x86gen_kind_lookup(op->text);
        if (!op->kind)
            err(op->loc, "unknown operand kind '%s'", op->text);
    }
    if (nops == 0) {
        if (strcmp(f->open, "ZO") != 0)
            err(f->open_loc, "conflicting operands: op/en '%s' for a form "
                "without operands (use ZO)", f->open);
        return;
    }
    if ((int)strlen(f->open) != nops) {
        err(f->open_loc, "conflicting operands: op/en '%s' has %d letter%s "
            "for %d operand%s", f->open, (int)strlen(f->open),
            strlen(f->open) == 1 ? "" : "s", nops, nops == 1 ? "" : "s");
        return;
    }
    for (int i = 0; i < nops && i < 4; i++) {
        X86genOperand *op = f->operands.items[i];
        char c = f->open[i];
        X86genOperand **one = NULL;
        op->slot = c;
        if (!strchr("RMVOIJKX", c)) {
            err(loc_plus(f->open_loc, (size_t)i), "unknown op/en letter '%c'", c);
            continue;
        }
        if (op->kind && !slot_accepts(c, op->kind->cls))
            err(op->loc, "conflicting operands: '%s' cannot be encoded in %s "
                "(op/en letter %c)", op->text, slot_name(c), c);
        switch (c) {
        case 'R': one = &s->r; break;
        case 'M': one = &s->m; break;
        case 'V': one = &s->v; break;
        case 'O': one = &s->o; break;
        case 'K': one = &s->k; break;
        case 'I': case 'J': s->imm[s->nimm++] = op; break;
        default: break;
        }
        if (one) {
            if (*one)
                err(op->loc, "conflicting operands: '%s' and '%s' both "
                    "encoded in %s", (*one)->text, op->text, slot_name(c));
            *one = op;
        }
        if (!op->kind)
            continue;
        switch (op->kind->cls) {
        case X86GEN_GPR: case X86GEN_XMM: case X86GEN_MEM:
            op->param = reg_params[nregs++];
            break;
        case X86GEN_IMM:
            op->param = nimm++ ? "imm2" : "imm";
            break;
        case X86GEN_REL:
            op->param = nrel++ ? "rel2" : "rel";
            break;
        case X86GEN_COND:
            op->param = "cc";
            break;
        case X86GEN_FIXED:
            break;
        }
    }
}

static bool is_mem(const X86genOperand *op)
{
    return op && op->kind && op->kind->cls == X86GEN_MEM;
}

static void check_match(X86genForm *f, Slots *s)
{
    X86genEnc *e = &f->enc;

    /* prefixes */
    if (e->vex && e->legacy_simd)
        err(e->vex_loc, "conflicting prefixes: VEX with a legacy 66/F2/F3 "
            "prefix (use VEX.pp)");
    if (e->vex && (e->rexw || e->lock))
        err(e->vex_loc, "conflicting prefixes: VEX with %s",
            e->rexw ? "REX.W (use VEX.W1)" : "LOCK");
    if (e->vex && e->modrm < 0)
        err(e->vex_loc, "VEX forms without a ModRM byte are not supported");
    if (e->vex && e->nextra)
        err(e->vex_loc, "conflicting prefixes: VEX form with literal bytes");
    if ((e->p66 + e->pf2 + e->pf3) > 1)
        err(f->loc, "conflicting prefixes: more than one of 66, F2, F3");
    if (e->lock && !is_mem(s->m))
        err(e->lock_loc, "LOCK needs a memory operand (M)");

    /* ModRM */
    if (e->modrm == 8) {
        if (!s->r || !s->m)
            err(e->modrm_loc, "/r needs an R and an M operand (op/en '%s')",
                f->open);
    } else if (e->modrm >= 0) {
        if (!s->m)
            err(e->modrm_loc, "/%d needs an M operand (op/en '%s')", e->modrm,
                f->open);
        if (s->r)
            err(s->r->loc, "conflicting operands: '%s' in ModRM.reg but the "
                "encoding has /%d", s->r->text, e->modrm);
    } else if (s->r || s->m) {
        X86genOperand *op = s->r ? s->r : s->m;
        err(op->loc, "operand '%s' is encoded in %s but the encoding has no "
            "/r or /digit", op->text, slot_name(op->slot));
    }

    /* +r / +cc / V */
    if (e->plus_r != (s->o != NULL))
        err(e->plus_r ? e->plus_loc : s->o->loc,
            e->plus_r ? "+r needs an O operand" : "an O operand needs +r");
    if (e->plus_cc != (s->k != NULL))
        err(e->plus_cc ? e->plus_loc : s->k->loc,
            e->plus_cc ? "+cc needs a cc operand (K)" : "a cc operand needs +cc");
    if (e->plus_r && (e->opcode & 7))
        err(e->opcode_loc, "opcode %02X+r: the low 3 bits must be 0", e->opcode);
    if (e->plus_cc && (e->opcode & 15))
        err(e->opcode_loc, "opcode %02X+cc: the low 4 bits must be 0", e->opcode);
    if (e->plus_r && e->modrm >= 0)
        err(e->plus_loc, "conflicting operands: +r with a ModRM byte");
    if (s->v && !e->vex)
        err(s->v->loc, "operand '%s' in VEX.vvvv needs a VEX prefix",
            s->v->text);
    if (s->v && s->v->kind && s->v->kind->bits == 8)
        err(s->v->loc, "a byte register cannot be encoded in VEX.vvvv");
    if (s->k && (strlen(f->mnemonic) <= 2
                 || strcmp(f->mnemonic + strlen(f->mnemonic) - 2, "cc") != 0))
        err(f->loc, "a form with a cc operand needs a mnemonic ending in 'cc'");

    /* immediates, in order */
    for (int i = 0; i < s->nimm || i < e->nimm; i++) {
        X86genOperand *op = i < s->nimm ? s->imm[i] : NULL;
        if (op && !op->kind)
            continue;
        int want = op ? op->kind->bits / 8 : 0;
        bool want_rel = op && op->kind->cls == X86GEN_REL;
        static const char *const imm_names[9] = {
            [1] = "ib", [2] = "iw", [4] = "id", [8] = "io" };
        static const char *const rel_names[5] = { [1] = "cb", [4] = "cd" };
        const char *want_name = want_rel ? rel_names[want] : imm_names[want];
        if (!op) {
            err(e->imm_loc[i], "immediate code without a matching I or J "
                "operand");
        } else if (i >= e->nimm) {
            err(op->loc, "operand '%s' needs '%s' in the encoding", op->text,
                want_name);
        } else if (e->imm_bytes[i] != want || e->imm_rel[i] != want_rel) {
            err(e->imm_loc[i], "conflicting operands: immediate code does "
                "not match operand '%s' (needs '%s')", op->text, want_name);
        }
    }
}

/* CPUID features beyond the x86-64 baseline (the names irgen uses too). */
static bool known_feature(const char *name)
{
    static const char *const features[] = {
        "sse41", "sse42", "popcnt", "lzcnt", "bmi1", "bmi2", "fma", "avx",
        "avx2", "pclmul",
    };
    for (size_t i = 0; i < sizeof(features) / sizeof(features[0]); i++)
        if (!strcmp(name, features[i]))
            return true;
    return false;
}

static void check_form(X86genForm *f)
{
    Slots s;

    form_ok = true;
    if (!is_lower_ident(f->mnemonic))
        err(f->loc, "mnemonic '%s' must be a lower-case C identifier",
            f->mnemonic);
    if (f->form && !is_lower_ident(f->form))
        err(f->form_loc, "form name '%s' must be a lower-case C identifier",
            f->form);
    if (f->feature && !known_feature(f->feature))
        err(f->feature_loc, "unknown feature '%s' (known: sse41 sse42 popcnt "
            "lzcnt bmi1 bmi2 fma avx avx2 pclmul)", f->feature);
    check_operands(f, &s);
    decode_items(f);
    if (form_ok)
        check_match(f, &s);

    StrBuf b = {0};
    sb_printf(&b, "x86_%s%s", f->enc.lock ? "lock_" : "", f->mnemonic);
    if (f->form)
        sb_printf(&b, "_%s", f->form);
    f->fname = x86gen_keep(sb_take(&b));
    for (size_t i = 0; i < f->items.len; i++) {
        char buf[8];
        X86genItem *it = f->items.items[i];
        bool glue = it->kind == X86GEN_I_PLUS_R || it->kind == X86GEN_I_PLUS_CC;
        sb_printf(&b, "%s%s", i && !glue ? " " : "", item_text(it, buf));
    }
    f->enc_text = x86gen_keep(sb_take(&b));

    f->opsize = 64;
    for (size_t i = 0; i < f->operands.len; i++) {
        X86genOperand *op = f->operands.items[i];
        if (op->kind && (op->kind->cls == X86GEN_GPR
                         || op->kind->cls == X86GEN_MEM) && op->kind->bits) {
            f->opsize = op->kind->bits;
            break;
        }
    }
    f->ok = form_ok;
}

void x86gen_check_all(void)
{
    for (size_t i = 0; i < x86gen_forms.len; i++) {
        X86genForm *f = x86gen_forms.items[i];
        check_form(f);
        for (size_t j = 0; j < i; j++) {
            X86genForm *g = x86gen_forms.items[j];
            if (!strcmp(f->fname, g->fname)) {
                diag_error(f->form ? f->form_loc : f->loc,
                           "duplicate form name '%s' (first defined at line %d)",
                           f->fname, g->loc.line);
                break;
            }
        }
    }
}
