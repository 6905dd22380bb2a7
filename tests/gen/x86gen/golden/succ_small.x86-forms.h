/*
 * A table describing every form of tests/gen/x86gen/succ_small.def: its emitter's name, the
 * mnemonic, operand kinds, op/en, encoding text and a thunk that calls
 * the emitter with operands from an X86Arg array.  Used by the objdump
 * oracle (tests/gen/x86gen) to cover every form without a hand-kept list.
 */
#ifndef X86_FORMS_H
#define X86_FORMS_H

#include <stdint.h>

#include "x86-emit.h"

typedef enum X86OpKind {
    X86K_R8,     /* r8 */
    X86K_R16,    /* r16 */
    X86K_R32,    /* r32 */
    X86K_R64,    /* r64 */
    X86K_XMM,    /* xmm */
    X86K_M,      /* m */
    X86K_M8,     /* m8 */
    X86K_M16,    /* m16 */
    X86K_M32,    /* m32 */
    X86K_M64,    /* m64 */
    X86K_M128,   /* m128 */
    X86K_IMM8,   /* imm8 */
    X86K_UIMM8,  /* uimm8 */
    X86K_IMM16,  /* imm16 */
    X86K_IMM32,  /* imm32 */
    X86K_IMM64,  /* imm64 */
    X86K_REL8,   /* rel8 */
    X86K_REL32,  /* rel32 */
    X86K_CC,     /* cc */
    X86K_CL,     /* cl */
    X86K_ONE,    /* 1 */
    X86K_COUNT
} X86OpKind;

/* The spelling of each kind in the .def file. */
extern const char *const x86_op_kind_names[X86K_COUNT];

/* One operand value; the field used depends on the kind. */
typedef struct X86Arg {
    X86Reg reg;     /* r8..r64, xmm */
    X86Mem mem;     /* m, m8..m128 */
    int64_t imm;    /* imm*, uimm8, rel* */
    X86Cond cc;     /* cc */
} X86Arg;

typedef struct X86FormInfo {
    const char *name;       /* emitter: "x86_add_r64_m64" */
    const char *mnemonic;   /* as in the .def ("jcc" for +cc forms) */
    const char *form;       /* form name, "" for "-" */
    const char *open;       /* op/en letters */
    const char *encoding;   /* encoding as written */
    const char *feature;    /* CPUID feature, "" if baseline */
    uint32_t opc;           /* opcode constant (X86_P_* | byte), cc = 0 */
    int line;               /* line in the .def */
    int nops;
    X86OpKind ops[4];
    /* Calls the emitter with args[i] for operand i (implied ones unused). */
    void (*emit)(CodeBuf *cb, const X86Arg *args);
} X86FormInfo;

#define X86_NFORMS 11
extern const X86FormInfo x86_forms[X86_NFORMS];

#endif
