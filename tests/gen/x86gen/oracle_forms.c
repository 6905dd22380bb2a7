/*
 * x86 objdump oracle, part 2: instances of every form of x86_forms[] with
 * operands at all edges, and for each the text objdump -M intel must print,
 * modelled here from the form's description and the operand values (never
 * from the emitted bytes).  See x86_oracle.c.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "oracle.h"
#include "x86_enc.h"

/* ---- operand text, the way objdump -M intel prints it ---- */

static const char *const gpr_names[4][16] = {
    { "al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil",
      "r8b", "r9b", "r10b", "r11b", "r12b", "r13b", "r14b", "r15b" },
    { "ax", "cx", "dx", "bx", "sp", "bp", "si", "di",
      "r8w", "r9w", "r10w", "r11w", "r12w", "r13w", "r14w", "r15w" },
    { "eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi",
      "r8d", "r9d", "r10d", "r11d", "r12d", "r13d", "r14d", "r15d" },
    { "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
      "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15" },
};

static const char *const cond_names[16] = {
    "o", "no", "b", "ae", "e", "ne", "be", "a",
    "s", "ns", "p", "np", "l", "ge", "le", "g",
};

static int kind_bits(X86OpKind k)
{
    switch (k) {
    case X86K_R8: case X86K_M8: case X86K_IMM8: case X86K_UIMM8:
    case X86K_REL8: return 8;
    case X86K_R16: case X86K_M16: case X86K_IMM16: return 16;
    case X86K_R32: case X86K_M32: case X86K_IMM32: case X86K_REL32: return 32;
    case X86K_R64: case X86K_M64: case X86K_IMM64: return 64;
    case X86K_XMM: case X86K_M128: return 128;
    default: return 0;
    }
}

static bool is_gpr_kind(X86OpKind k)
{
    return k == X86K_R8 || k == X86K_R16 || k == X86K_R32 || k == X86K_R64;
}

static bool is_mem_kind(X86OpKind k)
{
    return k == X86K_M || k == X86K_M8 || k == X86K_M16 || k == X86K_M32
        || k == X86K_M64 || k == X86K_M128;
}

static bool is_imm_kind(X86OpKind k)
{
    return k == X86K_IMM8 || k == X86K_UIMM8 || k == X86K_IMM16
        || k == X86K_IMM32 || k == X86K_IMM64;
}

static const char *ptr_prefix(X86OpKind k)
{
    switch (k) {
    case X86K_M8: return "BYTE PTR ";
    case X86K_M16: return "WORD PTR ";
    case X86K_M32: return "DWORD PTR ";
    case X86K_M64: return "QWORD PTR ";
    case X86K_M128: return "XMMWORD PTR ";
    default: return "";
    }
}

/* A signed displacement after a register: "", "+0x10", "-0x80". */
static void disp_text(char *buf, size_t n, int64_t d, bool always)
{
    if (d == 0 && !always)
        buf[0] = 0;
    else if (d < 0)
        snprintf(buf, n, "-0x%" PRIx64, (uint64_t)-d);
    else
        snprintf(buf, n, "+0x%" PRIx64, (uint64_t)d);
}

/*
 * The memory operand text; NEXT is the address after the instruction (for
 * the "# 0x..." comment objdump adds to rip-relative operands).
 */
static char *mem_text(X86OpKind k, X86Mem m, uint64_t next, char **comment)
{
    char d[32];
    const char *pre = ptr_prefix(k);
    if (m.base == X86_RIP) {
        *comment = oracle_fmt("# 0x%" PRIx64, next + (uint64_t)(int64_t)m.disp);
        return oracle_fmt("%s[rip+0x%" PRIx64 "]", pre, (uint64_t)(int64_t)m.disp);
    }
    if (m.base == X86_NOREG && m.index == X86_NOREG)
        return oracle_fmt("%sds:0x%" PRIx64, pre, (uint64_t)(int64_t)m.disp);
    /* no base: always a disp32; base rbp/r13: at least a disp8 */
    bool always = m.base == X86_NOREG || (m.base & 7) == 5;
    disp_text(d, sizeof(d), m.disp, always);
    if (m.index == X86_NOREG)
        return oracle_fmt("%s[%s%s]", pre, gpr_names[3][m.base], d);
    if (m.base == X86_NOREG)
        return oracle_fmt("%s[%s*%u%s]", pre, gpr_names[3][m.index], m.scale, d);
    return oracle_fmt("%s[%s+%s*%u%s]", pre, gpr_names[3][m.base],
               gpr_names[3][m.index], m.scale, d);
}

static uint64_t mask_bits(uint64_t v, int bits)
{
    return bits >= 64 ? v : v & ((UINT64_C(1) << bits) - 1);
}

/* The operand size objdump shows immediates in: the first GPR/memory operand. */
static int form_opsize(const X86FormInfo *f)
{
    for (int i = 0; i < f->nops; i++)
        if ((is_gpr_kind(f->ops[i]) || is_mem_kind(f->ops[i]))
            && kind_bits(f->ops[i]))
            return kind_bits(f->ops[i]);
    return 64;
}

static char *imm_text(X86OpKind k, int64_t v, int opsize)
{
    switch (k) {
    case X86K_UIMM8:
        return oracle_fmt("0x%" PRIx64, (uint64_t)v & 0xff);
    case X86K_IMM64:
        return oracle_fmt("0x%" PRIx64, (uint64_t)v);
    default: {
        /* sign-extended from the immediate's size to the operand size */
        int b = kind_bits(k);
        int64_t s = (int64_t)(mask_bits((uint64_t)v, b) << (64 - b)) >> (64 - b);
        return oracle_fmt("0x%" PRIx64, mask_bits((uint64_t)s, opsize));
    }
    }
}

/*
 * objdump (binutils 2.40) prints pclmulqdq with the immediates 0x00-0x03,
 * 0x10 and 0x11 as pclmul{lq,hq}{lq,hq}dq without the immediate; it reads
 * bit 1 like bit 4 (the CPU uses only bits 0 and 4), so 0x02/0x03 print
 * like 0x10/0x11.  The alias for immediate V of F, or NULL.
 */
static const char *pclmul_alias(const X86FormInfo *f, const X86Arg *a)
{
    static const char *const names[4] = {
        "pclmullqlqdq", "pclmulhqlqdq", "pclmullqhqdq", "pclmulhqhqdq",
    };
    if (strcmp(f->mnemonic, "pclmulqdq") || f->nops != 3 ||
        f->ops[2] != X86K_UIMM8)
        return NULL;
    uint64_t v = (uint64_t)a[2].imm & 0xff;
    if (v <= 3)
        return names[v];
    if (v == 0x10 || v == 0x11)
        return names[(v & 1) | 2];
    return NULL;
}

/* The expected text of one instance of form F at OFF with length LEN. */
static char *expected_text(const X86FormInfo *f, const X86Arg *a, uint32_t off,
                           uint32_t len)
{
    char buf[512];
    size_t n = 0;
    char *comment = NULL;
    int opsize = form_opsize(f);
    const char *mn = f->mnemonic;
    const char *alias = pclmul_alias(f, a);
    int cc = -1;

    for (int i = 0; i < f->nops; i++)
        if (f->ops[i] == X86K_CC)
            cc = (int)a[i].cc;
    if (f->opc & X86_P_LOCK)
        n += (size_t)snprintf(buf + n, sizeof(buf) - n, "lock ");
    if (cc >= 0)
        n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%.*s%s",
                              (int)strlen(mn) - 2, mn, cond_names[cc]);
    else
        n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s", alias ? alias : mn);
    bool first = true;
    for (int i = 0; i < f->nops; i++) {
        X86OpKind k = f->ops[i];
        char *t;
        if (k == X86K_CC || (alias && is_imm_kind(k)))
            continue;
        if (is_gpr_kind(k)) {
            int sz = kind_bits(k);
            t = oracle_strdup(gpr_names[sz == 8 ? 0 : sz == 16 ? 1 : sz == 32 ? 2 : 3]
                                 [a[i].reg & 15]);
        } else if (k == X86K_XMM) {
            t = oracle_fmt("xmm%d", a[i].reg - X86_XMM0);
        } else if (is_mem_kind(k)) {
            t = mem_text(k, a[i].mem, (uint64_t)off + len, &comment);
        } else if (is_imm_kind(k)) {
            t = imm_text(k, a[i].imm, opsize);
        } else if (k == X86K_REL8 || k == X86K_REL32) {
            t = oracle_fmt("0x%" PRIx64, (uint64_t)off + len + (uint64_t)a[i].imm);
        } else if (k == X86K_CL) {
            t = oracle_strdup("cl");
        } else {
            t = oracle_strdup("1");
        }
        n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%s",
                              first ? " " : ",", t);
        first = false;
        free(t);
    }
    if (comment) {
        n += (size_t)snprintf(buf + n, sizeof(buf) - n, " %s", comment);
        free(comment);
    }
    return oracle_strdup(buf);
}

/* ---- operand value lists ---- */

typedef struct ValList {
    X86Arg *v;
    int n, cap;
} ValList;

static void vl_add(ValList *l, X86Arg a)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 32;
        l->v = realloc(l->v, (size_t)l->cap * sizeof(X86Arg));
        if (!l->v)
            exit(2);
    }
    l->v[l->n++] = a;
}

static void vl_imm(ValList *l, const int64_t *vals, int n)
{
    for (int i = 0; i < n; i++)
        vl_add(l, (X86Arg){ .imm = vals[i] });
}

static ValList gprs, xmms, mems, conds, one;

static void add_mem(X86Reg base, X86Reg index, unsigned scale, int32_t disp)
{
    vl_add(&mems, (X86Arg){ .mem = { base, index, (uint8_t)scale, disp } });
}

static const int32_t disp_edges[] = {
    1, -1, 127, -128, 128, -129, INT32_MAX, INT32_MIN,
};
#define NDISP (int)(sizeof(disp_edges) / sizeof(disp_edges[0]))

void oracle_build_lists(void)
{
    for (int r = 0; r < 16; r++) {
        vl_add(&gprs, (X86Arg){ .reg = (X86Reg)r });
        vl_add(&xmms, (X86Arg){ .reg = x86_xmm((unsigned)r) });
        vl_add(&conds, (X86Arg){ .cc = (X86Cond)r });
    }
    vl_add(&one, (X86Arg){ 0 });

    /* every base, disp 0 (rsp/r12 need a SIB, rbp/r13 a disp8 0) */
    for (int b = 0; b < 16; b++)
        add_mem((X86Reg)b, X86_NOREG, 1, 0);
    /* every base with every displacement edge: disp8 / disp32 choice */
    for (int b = 0; b < 16; b++)
        for (int d = 0; d < NDISP; d++)
            add_mem((X86Reg)b, X86_NOREG, 1, disp_edges[d]);
    /* every index and scale, with a rotating base and displacement */
    int rot = 0;
    for (int i = 0; i < 16; i++) {
        if (i == X86_RSP)
            continue;
        for (unsigned s = 1; s <= 8; s *= 2) {
            add_mem((X86Reg)(rot % 16), (X86Reg)i, s,
                    rot % 3 ? disp_edges[rot % NDISP] : 0);
            add_mem(X86_NOREG, (X86Reg)i, s, rot % 2 ? disp_edges[rot % NDISP] : 0);
            rot++;
        }
    }
    /* SIB with the special bases and disp 0 */
    static const X86Reg special[] = { X86_RSP, X86_RBP, X86_R12, X86_R13 };
    static const X86Reg idx[] = { X86_RAX, X86_RBP, X86_R12, X86_R13, X86_R15 };
    for (int b = 0; b < 4; b++)
        for (int i = 0; i < 5; i++)
            add_mem(special[b], idx[i], 1u << ((b + i) % 4), 0);
    /* absolute and rip-relative */
    add_mem(X86_NOREG, X86_NOREG, 1, 0);
    add_mem(X86_RIP, X86_NOREG, 1, 0);
    for (int d = 0; d < NDISP; d++) {
        add_mem(X86_NOREG, X86_NOREG, 1, disp_edges[d]);
        add_mem(X86_RIP, X86_NOREG, 1, disp_edges[d]);
    }
}

/* Immediate values at the edges of what the emitter accepts (docs/backend.md). */
static void imm_list(ValList *l, X86OpKind k, int opsize)
{
    static const int64_t i8[] = { 0, 1, -1, 127, -128, 5 };
    static const int64_t i8b[] = { 0, 1, -1, 127, -128, 128, 255 };
    static const int64_t u8[] = { 0, 1, 5, 127, 128, 255 };
    static const int64_t i16[] = { 0, 1, -1, 127, -128, 32767, -32768, 65535 };
    static const int64_t i32[] = { 0, 1, -1, 127, -128, 128, -129,
                                   INT32_MAX, INT32_MIN, 0x12345678 };
    static const int64_t u32[] = { 0, 1, -1, 127, -128, 128, -129, INT32_MAX,
                                   INT32_MIN, UINT32_MAX, 0x80000000 };
    static const int64_t i64[] = { 0, 1, -1, INT32_MAX, INT32_MIN,
                                   (int64_t)INT32_MAX + 1, (int64_t)INT32_MIN - 1,
                                   UINT32_MAX, INT64_MAX, INT64_MIN,
                                   (int64_t)UINT64_C(0x123456789abcdef0),
                                   0x100000000 };
    static const int64_t r8[] = { 0, 1, -1, 127, -128, 5 };
    static const int64_t r32[] = { 0, 1, -1, 127, -128, 128, -129, INT32_MAX,
                                   INT32_MIN };
#define ADD(a) vl_imm(l, a, (int)(sizeof(a) / sizeof(a[0])))
    switch (k) {
    case X86K_IMM8: if (opsize == 8) ADD(i8b); else ADD(i8); break;
    case X86K_UIMM8: ADD(u8); break;
    case X86K_IMM16: ADD(i16); break;
    case X86K_IMM32: if (opsize == 64) ADD(i32); else ADD(u32); break;
    case X86K_IMM64: ADD(i64); break;
    case X86K_REL8: ADD(r8); break;
    case X86K_REL32: ADD(r32); break;
    default: break;
    }
#undef ADD
}

/* ---- emitting every form ---- */

void oracle_emit_form(const X86FormInfo *f)
{
    Group *g = oracle_new_group(oracle_fmt("%s (encodings.def:%d)", f->name, f->line));
    ValList lists[4] = { { 0 } };
    const ValList *slot[4];
    int opsize = form_opsize(f);
    long product = 1;
    int maxlen = 1;

    for (int i = 0; i < f->nops; i++) {
        X86OpKind k = f->ops[i];
        if (is_gpr_kind(k))
            slot[i] = &gprs;
        else if (k == X86K_XMM)
            slot[i] = &xmms;
        else if (is_mem_kind(k))
            slot[i] = &mems;
        else if (k == X86K_CC)
            slot[i] = &conds;
        else if (k == X86K_CL || k == X86K_ONE)
            slot[i] = &one;
        else {
            imm_list(&lists[i], k, opsize);
            slot[i] = &lists[i];
        }
        product *= slot[i]->n;
        if (slot[i]->n > maxlen)
            maxlen = slot[i]->n;
    }

    /*
     * All combinations when there are at most 4096 (so every register pair
     * and triple of register-only forms), else maxlen instances in which
     * each slot runs through all its values at its own stride.
     */
    bool full = product <= 4096;
    long count = full ? product : maxlen;
    unsigned char seen[4][512] = { { 0 } };
    if (mems.n > 512) {
        fprintf(stderr, "oracle: memory operand list too long\n");
        exit(2);
    }
    for (long n = 0; n < count; n++) {
        X86Arg a[4];
        long rest = n;
        char what[256] = "";
        for (int i = 0; i < f->nops; i++) {
            int len = slot[i]->n, idx;
            if (full) {
                idx = (int)(rest % len);
                rest /= len;
            } else if (len == maxlen) {
                idx = (int)n;
            } else {
                idx = (int)((n * 7 + n / len + 3 * i + 1) % len);
            }
            seen[i][idx] = 1;
            a[i] = slot[i]->v[idx];
        }
        uint32_t off = (uint32_t)cb_offset(&cb);
        f->emit(&cb, a);
        uint32_t len = (uint32_t)cb_offset(&cb) - off;
        if (len == 0 || len > X86_MAX_INSN_LEN)
            oracle_fail(g, oracle_fmt("instance %ld emitted %u bytes", n, len));
        if (oracle_verbose)
            snprintf(what, sizeof(what), "instance %ld", n);
        oracle_expect(g, off, len, expected_text(f, a, off, len),
                   oracle_verbose ? oracle_strdup(what) : NULL);
    }
    for (int i = 0; i < f->nops; i++)
        for (int v = 0; v < slot[i]->n; v++)
            if (!seen[i][v]) {
                g->setup_error = oracle_fmt("operand %d value %d never used", i, v);
                break;
            }
    for (int i = 0; i < 4; i++)
        free(lists[i].v);
    oracle_end_group(g);
}

const X86Arg *oracle_mem_list(int *n)
{
    *n = mems.n;
    return mems.v;
}
