/* The fixed vocabulary of ops.def (see vocab.h and docs/ir.md). */
#include "vocab.h"

#include <string.h>

const char *const irgen_type_names[IRGEN_NB_TYPES] = {
    "i32", "i64", "f32", "f64", "void",
};

unsigned irgen_type_lookup(const char *name, int allow_void)
{
    static const struct { const char *name; unsigned mask; } tab[] = {
        { "i32", IRGEN_TM_I32 }, { "i64", IRGEN_TM_I64 },
        { "f32", IRGEN_TM_F32 }, { "f64", IRGEN_TM_F64 },
        { "int", IRGEN_TM_INT }, { "fp", IRGEN_TM_FP },
        { "any", IRGEN_TM_ANY }, { "void", IRGEN_TM_VOID },
    };
    for (size_t i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
        if (!strcmp(name, tab[i].name))
            return (tab[i].mask == IRGEN_TM_VOID && !allow_void) ? 0 : tab[i].mask;
    return 0;
}

const char *const irgen_class_names[3] = { "int", "fp", "void" };

int irgen_class_lookup(const char *name)
{
    for (int i = 0; i < 3; i++)
        if (!strcmp(name, irgen_class_names[i]))
            return i;
    return -1;
}

unsigned irgen_class_types(int cls)
{
    static const unsigned masks[3] = { IRGEN_TM_INT, IRGEN_TM_FP, IRGEN_TM_VOID };
    return masks[cls];
}

const IrgenFlag irgen_flags[] = {
    { "side", "SIDE", "has side effects: never deleted, kept in order" },
    { "fold", "FOLD", "pure function of inputs and constants: foldable" },
    { "commut", "COMMUT", "inputs 0 and 1 may be swapped" },
    { "branch", "BRANCH", "may jump to its label constant" },
    { "bb_start", "BB_START", "starts a basic block" },
    { "bb_end", "BB_END", "ends a basic block" },
    { "tb_exit", "TB_EXIT", "may leave the translation block" },
    { "noreturn", "NORETURN", "never falls through to the next op" },
    { "call", "CALL", "calls a helper function" },
    { "rglob", "RGLOB", "may read globals from the CPU state in memory" },
    { "wglob", "WGLOB", "may write globals in the CPU state in memory" },
    { "fault", "FAULT", "may fault on a guest memory access" },
    { "fpenv", "FPENV", "uses the FP rounding mode or raises FP flags" },
    { "meta", "META", "emits no host code; handled by the IR layer" },
};
const int irgen_nb_flags = sizeof(irgen_flags) / sizeof(irgen_flags[0]);

int irgen_flag_lookup(const char *name)
{
    for (int i = 0; i < irgen_nb_flags; i++)
        if (!strcmp(name, irgen_flags[i].name))
            return i;
    return -1;
}

const IrgenConstKind irgen_const_kinds[] = {
    { "u32", "U32", "uint32_t", "uimm", "unsigned 32-bit number" },
    { "u64", "U64", "uint64_t", "uimm", "unsigned 64-bit number" },
    { "i64", "I64", "int64_t", "imm", "signed 64-bit number" },
    { "offset", "OFFSET", "int32_t", "imm", "byte offset in the CPU state" },
    { "cond", "COND", "IrCond", "imm", "comparison condition" },
    { "memop", "MEMOP", "IrMemOp", "imm", "memory access size/sign/align" },
    { "label", "LABEL", "IrLabel", "label", "branch target" },
    { "helper", "HELPER", "const IrHelper *", "helper", "helper function" },
    { "barrier", "BARRIER", "IrBarrier", "imm", "memory-ordering kinds" },
    { "round", "ROUND", "IrRound", "imm", "FP rounding mode" },
    { "fmaneg", "FMANEG", "IrFmaNeg", "imm", "fused multiply-add negations" },
};
const int irgen_nb_const_kinds =
    sizeof(irgen_const_kinds) / sizeof(irgen_const_kinds[0]);

int irgen_const_kind_lookup(const char *name)
{
    for (int i = 0; i < irgen_nb_const_kinds; i++)
        if (!strcmp(name, irgen_const_kinds[i].name))
            return i;
    return -1;
}

int irgen_host_lookup(const char *name)
{
    return strcmp(name, "x86_64") ? -1 : 0;
}

const IrgenFeature irgen_x86_features[] = {
    { "sse41", "SSE41" }, { "popcnt", "POPCNT" }, { "lzcnt", "LZCNT" },
    { "bmi1", "BMI1" }, { "bmi2", "BMI2" }, { "fma", "FMA" }, { "avx", "AVX" },
    { "pclmul", "PCLMUL" },
};
const int irgen_nb_x86_features =
    sizeof(irgen_x86_features) / sizeof(irgen_x86_features[0]);

int irgen_feature_lookup(const char *name)
{
    for (int i = 0; i < irgen_nb_x86_features; i++)
        if (!strcmp(name, irgen_x86_features[i].name))
            return i;
    return -1;
}

const char *const irgen_reg_names[IRGEN_NB_REGS] = {
    "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
    "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
    "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7",
    "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15",
};

int irgen_reg_lookup(const char *name)
{
    for (int i = 0; i < IRGEN_NB_REGS; i++)
        if (!strcmp(name, irgen_reg_names[i]))
            return i;
    return -1;
}

unsigned irgen_imm_lookup(const char *word)
{
    if (!strcmp(word, "u8"))
        return IRGEN_IMM_U8;
    if (!strcmp(word, "s32"))
        return IRGEN_IMM_S32;
    if (!strcmp(word, "u32"))
        return IRGEN_IMM_U32;
    if (!strcmp(word, "imm"))
        return IRGEN_IMM_ANY;
    return 0;
}

int irgen_reserved_name(const char *name)
{
    static const char *const words[] = {
        /* builder parameters */
        "ctx", "t", "op",
        /* C11 keywords */
        "auto", "break", "case", "char", "const", "continue", "default", "do",
        "double", "else", "enum", "extern", "float", "for", "goto", "if",
        "inline", "int", "long", "register", "restrict", "return", "short",
        "signed", "sizeof", "static", "struct", "switch", "typedef", "union",
        "unsigned", "void", "volatile", "while", "_Bool", "_Complex",
        "_Imaginary", "_Alignas", "_Alignof", "_Atomic", "_Generic",
        "_Noreturn", "_Static_assert", "_Thread_local",
    };
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
        if (!strcmp(name, words[i]))
            return 1;
    return 0;
}
