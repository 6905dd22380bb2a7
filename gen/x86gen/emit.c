/*
 * x86gen output: writes x86-emit.h (one prototype per form), x86-emit.c (the
 * emitters: checks, then one call into the encoder core x86_enc.c, then the
 * immediates), and x86-forms.h/.c (a table describing every form, with a
 * uniform-signature thunk per form, for the objdump oracle and tools).
 */
#include "ast.h"
#include "outfile.h"

#include <stdlib.h>
#include <string.h>

static const char *input_name;   /* repository-relative spec path */

static const char *basename_of(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

static const char *ctype_of(const X86genOperand *op)
{
    switch (op->kind->cls) {
    case X86GEN_GPR: case X86GEN_XMM: return "X86Reg";
    case X86GEN_MEM: return "X86Mem";
    case X86GEN_IMM: return "int64_t";
    case X86GEN_REL: return "int32_t";
    case X86GEN_COND: return "X86Cond";
    case X86GEN_FIXED: break;
    }
    return NULL;
}

static void write_signature(FILE *fp, const X86genForm *f)
{
    fprintf(fp, "void %s(CodeBuf *cb", f->fname);
    for (size_t i = 0; i < f->operands.len; i++) {
        const X86genOperand *op = f->operands.items[i];
        if (op->param)
            fprintf(fp, ", %s %s", ctype_of(op), op->param);
    }
    fputc(')', fp);
}

/* "add r64, m64 | RM | REX.W 03 /r" */
static void write_summary(FILE *fp, const X86genForm *f)
{
    fprintf(fp, "%s", f->mnemonic);
    for (size_t i = 0; i < f->operands.len; i++) {
        const X86genOperand *op = f->operands.items[i];
        fprintf(fp, "%s%s", i ? ", " : " ", op->text);
    }
    fprintf(fp, " | %s | %s", f->open, f->enc_text);
    if (f->feature)
        fprintf(fp, " [%s]", f->feature);
}

static const X86genOperand *slot_op(const X86genForm *f, char slot)
{
    for (size_t i = 0; i < f->operands.len; i++) {
        const X86genOperand *op = f->operands.items[i];
        if (op->slot == slot)
            return op;
    }
    return NULL;
}

/* The opcode constant: X86_P_* flags | opcode byte (or the +cc sum). */
static char *opc_expr(const X86genForm *f)
{
    const X86genEnc *e = &f->enc;
    const X86genOperand *r = slot_op(f, 'R'), *m = slot_op(f, 'M');
    const X86genOperand *o = slot_op(f, 'O');
    StrBuf b = {0};
#define FLAG(cond, name) if (cond) sb_printf(&b, "%s | ", name)
    FLAG(e->map == 0x0F, "X86_P_0F");
    FLAG(e->map == 0x0F38, "X86_P_0F38");
    FLAG(e->map == 0x0F3A, "X86_P_0F3A");
    FLAG(e->p66, "X86_P_66");
    FLAG(e->pf3, "X86_P_F3");
    FLAG(e->pf2, "X86_P_F2");
    FLAG(e->rexw, "X86_P_REXW");
    FLAG(e->lock, "X86_P_LOCK");
    FLAG(e->vex, "X86_P_VEX");
    FLAG(e->vex_l, "X86_P_VEXL");
    FLAG(e->vex_w, "X86_P_VEXW");
    FLAG(r && r->kind->cls == X86GEN_GPR && r->kind->bits == 8, "X86_P_BYTE_R");
    FLAG((m && m->kind->cls == X86GEN_GPR && m->kind->bits == 8)
         || (o && o->kind->bits == 8), "X86_P_BYTE_RM");
#undef FLAG
    if (e->plus_cc)
        sb_printf(&b, "(0x%02Xu + ((unsigned)cc & 15))", e->opcode);
    else
        sb_printf(&b, "0x%02X", e->opcode);
    return sb_take(&b);
}

static void write_checks(FILE *fp, const X86genForm *f)
{
    for (size_t i = 0; i < f->operands.len; i++) {
        const X86genOperand *op = f->operands.items[i];
        const char *name = op->kind->name;
        switch (op->kind->cls) {
        case X86GEN_GPR:
            fprintf(fp, "    X86_CHECK_GPR(%s);\n", op->param);
            break;
        case X86GEN_XMM:
            fprintf(fp, "    X86_CHECK_XMM(%s);\n", op->param);
            break;
        case X86GEN_COND:
            fprintf(fp, "    X86_CHECK_CC(%s);\n", op->param);
            break;
        case X86GEN_IMM:
        case X86GEN_REL: {
            /* the accepted range: see docs/backend.md "Immediates" */
            const char *lo = NULL, *hi = NULL;
            if (!strcmp(name, "imm8")) {
                lo = "-128";
                hi = f->opsize == 8 ? "255" : "127";
            } else if (!strcmp(name, "uimm8")) {
                lo = "0", hi = "255";
            } else if (!strcmp(name, "imm16")) {
                lo = "-32768", hi = "65535";
            } else if (!strcmp(name, "imm32")) {
                lo = "INT32_MIN";
                hi = f->opsize == 64 ? "INT32_MAX" : "UINT32_MAX";
            } else if (!strcmp(name, "rel8")) {
                lo = "-128", hi = "127";
            }
            if (lo)
                fprintf(fp, "    X86_CHECK_IMM(%s, %s, %s);\n", op->param, lo, hi);
            break;
        }
        case X86GEN_MEM:
        case X86GEN_FIXED:
            break;
        }
    }
}

static void write_emitter(FILE *fp, const X86genForm *f)
{
    const X86genEnc *e = &f->enc;
    const X86genOperand *r = slot_op(f, 'R'), *m = slot_op(f, 'M');
    const X86genOperand *v = slot_op(f, 'V'), *o = slot_op(f, 'O');
    char *opc = opc_expr(f);

    fprintf(fp, "\n/* %s:%d: ", input_name, f->loc.line);
    write_summary(fp, f);
    fprintf(fp, " */\n");
    write_signature(fp, f);
    fprintf(fp, "\n{\n");
    write_checks(fp, f);
    if (e->modrm >= 0) {
        char reg[16];
        const char *regarg = reg;
        if (r)
            regarg = r->param;
        else
            snprintf(reg, sizeof(reg), "%d", e->modrm & 7);
        bool mem = m->kind->cls == X86GEN_MEM;
        if (e->vex)
            fprintf(fp, "    x86_enc_vex_%s(cb, %s, %s, %s, %s);\n",
                    mem ? "rm" : "rr", opc, regarg, v ? v->param : "0",
                    m->param);
        else
            fprintf(fp, "    x86_enc_%s(cb, %s, %s, %s);\n", mem ? "rm" : "rr",
                    opc, regarg, m->param);
    } else if (o) {
        fprintf(fp, "    x86_enc_op_r(cb, %s, %s);\n", opc, o->param);
    } else {
        fprintf(fp, "    x86_enc_op(cb, %s);\n", opc);
    }
    for (int i = 0; i < e->nextra; i++)
        fprintf(fp, "    cb_emit8(cb, 0x%02X);\n", e->extra[i]);
    int nimm = 0;
    for (size_t i = 0; i < f->operands.len; i++) {
        const X86genOperand *op = f->operands.items[i];
        if (op->slot != 'I' && op->slot != 'J')
            continue;
        switch (e->imm_bytes[nimm++]) {
        case 1: fprintf(fp, "    cb_emit8(cb, (uint8_t)%s);\n", op->param); break;
        case 2: fprintf(fp, "    cb_emit16(cb, (uint16_t)%s);\n", op->param); break;
        case 4: fprintf(fp, "    cb_emit32(cb, (uint32_t)%s);\n", op->param); break;
        case 8: fprintf(fp, "    cb_emit64(cb, (uint64_t)%s);\n", op->param); break;
        }
    }
    fprintf(fp, "}\n");
    free(opc);
}

static void write_emit_h(const char *path, char *input)
{
    OutFile of;
    outfile_open(&of, path);
    FILE *fp = of.fp;
    outfile_banner(&of, "x86gen", 1, &input);
    fprintf(fp,
        "/*\n"
        " * x86-64 emitters, one per form of %s (see docs/backend.md).\n"
        " * x86_[lock_]MNEMONIC[_FORM](cb, operands in Intel/SDM order):\n"
        " * registers are X86Reg, memory X86Mem, immediates int64_t (range\n"
        " * checked by assert), relative offsets int32_t counted from the end of\n"
        " * the instruction, conditions X86Cond.  Implied operands (cl, 1) are\n"
        " * not parameters.\n"
        " */\n"
        "#ifndef X86_EMIT_H\n#define X86_EMIT_H\n\n"
        "#include <stdint.h>\n\n"
        "#include \"codebuf.h\"\n#include \"x86_mem.h\"\n#include \"x86_regs.h\"\n",
        input_name);
    for (size_t i = 0; i < x86gen_forms.len; i++) {
        const X86genForm *f = x86gen_forms.items[i];
        fprintf(fp, "\n/* %s:%d: ", input_name, f->loc.line);
        write_summary(fp, f);
        fprintf(fp, " */\n");
        write_signature(fp, f);
        fprintf(fp, ";\n");
    }
    fprintf(fp, "\n#endif\n");
    outfile_close(&of, 1);
}

static void write_emit_c(const char *path, const char *emit_h, char *input)
{
    OutFile of;
    outfile_open(&of, path);
    FILE *fp = of.fp;
    outfile_banner(&of, "x86gen", 1, &input);
    fprintf(fp, "/* The emitters declared in %s. */\n"
            "#include \"%s\"\n\n#include <stdint.h>\n\n#include \"x86_enc.h\"\n",
            basename_of(emit_h), basename_of(emit_h));
    for (size_t i = 0; i < x86gen_forms.len; i++)
        write_emitter(fp, x86gen_forms.items[i]);
    outfile_close(&of, 1);
}

static void write_forms_h(const char *path, const char *emit_h, char *input)
{
    OutFile of;
    outfile_open(&of, path);
    FILE *fp = of.fp;
    outfile_banner(&of, "x86gen", 1, &input);
    fprintf(fp,
        "/*\n"
        " * A table describing every form of %s: its emitter's name, the\n"
        " * mnemonic, operand kinds, op/en, encoding text and a thunk that calls\n"
        " * the emitter with operands from an X86Arg array.  Used by the objdump\n"
        " * oracle (tests/gen/x86gen) to cover every form without a hand-kept list.\n"
        " */\n"
        "#ifndef X86_FORMS_H\n#define X86_FORMS_H\n\n"
        "#include <stdint.h>\n\n#include \"%s\"\n\n"
        "typedef enum X86OpKind {\n",
        input_name, basename_of(emit_h));
    for (int i = 0; i < x86gen_nkinds; i++)
        fprintf(fp, "    %s,%*s/* %s */\n", x86gen_kinds[i].cname,
                (int)(12 - strlen(x86gen_kinds[i].cname)), "",
                x86gen_kinds[i].name);
    fprintf(fp,
        "    X86K_COUNT\n} X86OpKind;\n\n"
        "/* The spelling of each kind in the .def file. */\n"
        "extern const char *const x86_op_kind_names[X86K_COUNT];\n\n"
        "/* One operand value; the field used depends on the kind. */\n"
        "typedef struct X86Arg {\n"
        "    X86Reg reg;     /* r8..r64, xmm */\n"
        "    X86Mem mem;     /* m, m8..m128 */\n"
        "    int64_t imm;    /* imm*, uimm8, rel* */\n"
        "    X86Cond cc;     /* cc */\n"
        "} X86Arg;\n\n"
        "typedef struct X86FormInfo {\n"
        "    const char *name;       /* emitter: \"x86_add_r64_m64\" */\n"
        "    const char *mnemonic;   /* as in the .def (\"jcc\" for +cc forms) */\n"
        "    const char *form;       /* form name, \"\" for \"-\" */\n"
        "    const char *open;       /* op/en letters */\n"
        "    const char *encoding;   /* encoding as written */\n"
        "    const char *feature;    /* CPUID feature, \"\" if baseline */\n"
        "    uint32_t opc;           /* opcode constant (X86_P_* | byte), cc = 0 */\n"
        "    int line;               /* line in the .def */\n"
        "    int nops;\n"
        "    X86OpKind ops[4];\n"
        "    /* Calls the emitter with args[i] for operand i (implied ones unused). */\n"
        "    void (*emit)(CodeBuf *cb, const X86Arg *args);\n"
        "} X86FormInfo;\n\n"
        "#define X86_NFORMS %zu\n"
        "extern const X86FormInfo x86_forms[X86_NFORMS];\n\n#endif\n",
        x86gen_forms.len);
    outfile_close(&of, 1);
}

static const char *arg_field(const X86genOperand *op)
{
    switch (op->kind->cls) {
    case X86GEN_GPR: case X86GEN_XMM: return "reg";
    case X86GEN_MEM: return "mem";
    case X86GEN_COND: return "cc";
    case X86GEN_REL: return "imm";
    default: return "imm";
    }
}

static void write_forms_c(const char *path, const char *forms_h, char *input)
{
    OutFile of;
    outfile_open(&of, path);
    FILE *fp = of.fp;
    outfile_banner(&of, "x86gen", 1, &input);
    fprintf(fp, "/* The form table declared in %s. */\n#include \"%s\"\n\n"
            "#include \"x86_enc.h\"\n\n"
            "const char *const x86_op_kind_names[X86K_COUNT] = {\n",
            basename_of(forms_h), basename_of(forms_h));
    for (int i = 0; i < x86gen_nkinds; i++)
        fprintf(fp, "    \"%s\",\n", x86gen_kinds[i].name);
    fprintf(fp, "};\n");
    for (size_t i = 0; i < x86gen_forms.len; i++) {
        const X86genForm *f = x86gen_forms.items[i];
        bool used = false;
        fprintf(fp, "\nstatic void thunk_%s(CodeBuf *cb, const X86Arg *a)\n{\n",
                f->fname + 4);
        fprintf(fp, "    %s(cb", f->fname);
        for (size_t j = 0; j < f->operands.len; j++) {
            const X86genOperand *op = f->operands.items[j];
            if (!op->param)
                continue;
            used = true;
            if (op->kind->cls == X86GEN_REL)
                fprintf(fp, ", (int32_t)a[%zu].imm", j);
            else
                fprintf(fp, ", a[%zu].%s", j, arg_field(op));
        }
        fprintf(fp, ");\n%s}\n", used ? "" : "    (void)a;\n");
    }
    fprintf(fp, "\nconst X86FormInfo x86_forms[X86_NFORMS] = {\n");
    for (size_t i = 0; i < x86gen_forms.len; i++) {
        const X86genForm *f = x86gen_forms.items[i];
        char *opc = opc_expr(f);
        char *p = strstr(opc, "(0x");
        if (p)   /* +cc: the table holds the cc = 0 opcode */
            sprintf(p, "0x%02X", f->enc.opcode);
        fprintf(fp, "    { \"%s\", \"%s\", \"%s\", \"%s\", \"%s\", \"%s\",\n"
                "      %s, %d, %zu, {", f->fname, f->mnemonic,
                f->form ? f->form : "", f->open, f->enc_text,
                f->feature ? f->feature : "", opc, f->loc.line,
                f->operands.len);
        for (size_t j = 0; j < f->operands.len; j++) {
            const X86genOperand *op = f->operands.items[j];
            fprintf(fp, "%s%s", j ? ", " : " ", op->kind->cname);
        }
        if (!f->operands.len)
            fprintf(fp, " 0");
        fprintf(fp, " }, thunk_%s },\n", f->fname + 4);
        free(opc);
    }
    fprintf(fp, "};\n");
    outfile_close(&of, 1);
}

void x86gen_write_all(const X86genOutputs *out, char *input)
{
    input_name = repo_relative(input);
    write_emit_h(out->emit_h, input);
    write_emit_c(out->emit_c, out->emit_h, input);
    write_forms_h(out->forms_h, out->emit_h, input);
    write_forms_c(out->forms_c, out->forms_h, input);
}
