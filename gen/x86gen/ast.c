/*
 * x86gen: the operand-kind vocabulary and the parser's constructors.
 * The kind table is the single list of operand kinds; its order is the
 * X86OpKind enum that emit.c writes into x86-forms.h.
 */
#include "ast.h"

#include <string.h>

const X86genKind x86gen_kinds[] = {
    { "r8",    "X86K_R8",    X86GEN_GPR,   8 },
    { "r16",   "X86K_R16",   X86GEN_GPR,   16 },
    { "r32",   "X86K_R32",   X86GEN_GPR,   32 },
    { "r64",   "X86K_R64",   X86GEN_GPR,   64 },
    { "xmm",   "X86K_XMM",   X86GEN_XMM,   128 },
    { "m",     "X86K_M",     X86GEN_MEM,   0 },
    { "m8",    "X86K_M8",    X86GEN_MEM,   8 },
    { "m16",   "X86K_M16",   X86GEN_MEM,   16 },
    { "m32",   "X86K_M32",   X86GEN_MEM,   32 },
    { "m64",   "X86K_M64",   X86GEN_MEM,   64 },
    { "m128",  "X86K_M128",  X86GEN_MEM,   128 },
    { "imm8",  "X86K_IMM8",  X86GEN_IMM,   8 },
    { "uimm8", "X86K_UIMM8", X86GEN_IMM,   8 },
    { "imm16", "X86K_IMM16", X86GEN_IMM,   16 },
    { "imm32", "X86K_IMM32", X86GEN_IMM,   32 },
    { "imm64", "X86K_IMM64", X86GEN_IMM,   64 },
    { "rel8",  "X86K_REL8",  X86GEN_REL,   8 },
    { "rel32", "X86K_REL32", X86GEN_REL,   32 },
    { "cc",    "X86K_CC",    X86GEN_COND,  4 },
    { "cl",    "X86K_CL",    X86GEN_FIXED, 8 },
    { "1",     "X86K_ONE",   X86GEN_FIXED, 8 },
};
const int x86gen_nkinds = (int)(sizeof(x86gen_kinds) / sizeof(x86gen_kinds[0]));

PtrVec x86gen_forms;
static PtrVec kept;

const X86genKind *x86gen_kind_lookup(const char *name)
{
    for (int i = 0; i < x86gen_nkinds; i++)
        if (strcmp(x86gen_kinds[i].name, name) == 0)
            return &x86gen_kinds[i];
    return NULL;
}

void *x86gen_keep(void *p)
{
    vec_push(&kept, p);
    return p;
}

char *x86gen_keep_str(const char *s)
{
    return x86gen_keep(xstrdup(s));
}

X86genOperand *x86gen_operand_new(char *text, SrcLoc loc)
{
    X86genOperand *op = x86gen_keep(xcalloc(1, sizeof(*op)));
    op->text = text;
    op->loc = loc;
    return op;
}

X86genItem *x86gen_item_new(X86genItemKind kind, int value, char *text,
                            SrcLoc loc)
{
    X86genItem *it = x86gen_keep(xcalloc(1, sizeof(*it)));
    it->kind = kind;
    it->value = value;
    it->text = text;
    it->loc = loc;
    return it;
}

void x86gen_form_add(X86genForm *f)
{
    vec_push(&x86gen_forms, f);
}
