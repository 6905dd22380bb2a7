/*
 * x86 objdump oracle, part 3: the short-form layer (the choice each
 * x86_short.h function must make, written by hand), and checks that need no
 * objdump: CodeBuf overflow, the shortest ModRM/SIB/disp and VEX encodings,
 * and that every instruction class the backend needs has a form.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "oracle.h"
#include "x86_enc.h"
#include "x86_short.h"

/* ---- short-form layer checks: the expected choice, by hand ---- */

/* Expect the next instruction (offset not known in advance) to read TEXT. */
__attribute__((format(printf, 2, 3)))
static void want(Group *g, const char *f, ...)
{
    va_list ap;
    va_start(ap, f);
    char *s;
    if (vasprintf(&s, f, ap) < 0)
        exit(2);
    va_end(ap);
    oracle_expect(g, UNKNOWN_OFF, 0, s, NULL);
}

static uint64_t here(void)
{
    return (uint64_t)cb_offset(&cb);
}

static void sc_mov_ri(Group *g)
{
    x86_mov_ri(&cb, X86_RCX, 0);
    want(g, "xor ecx,ecx");
    x86_mov_ri(&cb, X86_R9, 0);
    want(g, "xor r9d,r9d");
    x86_mov_ri(&cb, X86_RDX, 0x7f);
    want(g, "mov edx,0x7f");
    x86_mov_ri(&cb, X86_R12, 0xffffffff);
    want(g, "mov r12d,0xffffffff");
    x86_mov_ri(&cb, X86_RSI, -1);
    want(g, "mov rsi,0xffffffffffffffff");
    x86_mov_ri(&cb, X86_RSI, INT32_MIN);
    want(g, "mov rsi,0xffffffff80000000");
    x86_mov_ri(&cb, X86_R15, 0x123456789abcdef0);
    want(g, "movabs r15,0x123456789abcdef0");
    x86_mov_ri_keepflags(&cb, X86_RAX, 0);
    want(g, "mov eax,0x0");
    /* an address near the code: lea rip-relative (7 bytes, not 10) */
    uint64_t at = here();
    int64_t target = (int64_t)(intptr_t)cb.ptr + 0x80000000LL;
    x86_mov_ri(&cb, X86_RBX, target);
    want(g, "lea rbx,[rip+0x7ffffff9] # 0x%" PRIx64, at + UINT64_C(0x80000000));
}

static void sc_alu_ri(Group *g)
{
    x86_alu_ri(&cb, X86_ALU_ADD, true, X86_RAX, 1);
    want(g, "add rax,0x1");
    x86_alu_ri(&cb, X86_ALU_ADD, true, X86_RAX, 128);
    want(g, "add rax,0x80");
    x86_alu_ri(&cb, X86_ALU_SUB, true, X86_R10, -128);
    want(g, "sub r10,0xffffffffffffff80");
    x86_alu_ri(&cb, X86_ALU_AND, false, X86_RDI, 0xfffffff0);
    want(g, "and edi,0xfffffff0");      /* imm8 -16, sign-extended */
    x86_alu_ri(&cb, X86_ALU_XOR, false, X86_RDI, 0x80000000);
    want(g, "xor edi,0x80000000");
    x86_alu_ri(&cb, X86_ALU_CMP, true, X86_R13, 0);
    want(g, "test r13,r13");
    x86_alu_ri(&cb, X86_ALU_CMP, false, X86_RBX, 0);
    want(g, "test ebx,ebx");
    x86_alu_mi(&cb, X86_ALU_OR, true, x86_mem(X86_RSP, 8), 0x1000);
    want(g, "or QWORD PTR [rsp+0x8],0x1000");
    x86_alu_mi(&cb, X86_ALU_CMP, false, x86_mem(X86_R13, 0), -1);
    want(g, "cmp DWORD PTR [r13+0x0],0xffffffff");
    x86_alu_rr(&cb, X86_ALU_SBB, true, X86_RCX, X86_R8);
    want(g, "sbb rcx,r8");
}

static void sc_and_ri(Group *g)
{
    x86_and_ri(&cb, true, X86_RSI, 0xff);
    want(g, "movzx esi,sil");
    x86_and_ri(&cb, true, X86_R11, 0xffff);
    want(g, "movzx r11d,r11w");
    x86_and_ri(&cb, true, X86_RAX, 0xffffffff);
    want(g, "mov eax,eax");
    x86_and_ri(&cb, false, X86_RAX, -1);
    want(g, "mov eax,eax");
    x86_and_ri(&cb, true, X86_RAX, 0x7fff);
    want(g, "and rax,0x7fff");
}

static void sc_add3(Group *g)
{
    x86_add_rrr(&cb, true, X86_RAX, X86_RAX, X86_RCX);
    want(g, "add rax,rcx");
    x86_add_rrr(&cb, true, X86_RAX, X86_RCX, X86_RAX);
    want(g, "add rax,rcx");
    x86_add_rrr(&cb, true, X86_RDX, X86_RBP, X86_R13);
    want(g, "lea rdx,[rbp+r13*1+0x0]");
    x86_add_rrr(&cb, false, X86_RDX, X86_RCX, X86_RSP);
    want(g, "lea edx,[rsp+rcx*1]");
    x86_add_rrr(&cb, true, X86_RDX, X86_RSP, X86_RSP);
    want(g, "mov rdx,rsp");
    want(g, "add rdx,rdx");
    x86_add_rri(&cb, true, X86_RBX, X86_RBX, 128);
    want(g, "sub rbx,0xffffffffffffff80");
    x86_add_rri(&cb, true, X86_RBX, X86_RBX, -4);
    want(g, "add rbx,0xfffffffffffffffc");
    x86_add_rri(&cb, true, X86_RBX, X86_R12, 1000);
    want(g, "lea rbx,[r12+0x3e8]");
    x86_add_rri(&cb, false, X86_RBX, X86_RBX, 0);
    want(g, "mov ebx,ebx");
    x86_add_rri(&cb, true, X86_RBX, X86_RBX, 0);   /* nothing */
    x86_mov_rr(&cb, true, X86_R8, X86_R8);         /* nothing */
    x86_mov_rr(&cb, true, X86_R8, X86_R9);
    want(g, "mov r8,r9");
}

static void sc_shift(Group *g)
{
    x86_shift_ri(&cb, X86_SHIFT_SHL, true, X86_RAX, 1);
    want(g, "shl rax,1");
    x86_shift_ri(&cb, X86_SHIFT_SAR, false, X86_R14, 31);
    want(g, "sar r14d,0x1f");
    x86_shift_ri(&cb, X86_SHIFT_ROR, true, X86_RDI, 1);
    want(g, "ror rdi,1");
}

static void sc_branch(Group *g)
{
    uint8_t *back = cb.ptr;
    uint64_t back_off = here();
    x86_jmp_to(&cb, back);
    want(g, "jmp 0x%" PRIx64, back_off);
    x86_jcc_to(&cb, X86_CC_NE, back);
    want(g, "jne 0x%" PRIx64, back_off);
    x86_jmp_to(&cb, cb.ptr + 2 + 127);
    want(g, "jmp 0x%" PRIx64, here() + 2 + 127 - 2);
    x86_jmp_to(&cb, cb.ptr + 2 + 128);
    want(g, "jmp 0x%" PRIx64, here() + 2 + 128 - 5);
    x86_jcc_to(&cb, X86_CC_L, cb.ptr - 1000);
    want(g, "jl 0x%" PRIx64, here() - 6 - 1000);
    x86_call_to(&cb, cb.ptr + 5 + 0x1000, X86_R11);
    want(g, "call 0x%" PRIx64, here() + 0x1000);
    /* 4 GiB away: out of rel32 reach */
    uint64_t far = (uint64_t)(uintptr_t)cb.ptr + UINT64_C(0x100000000);
    x86_call_to(&cb, (void *)(uintptr_t)far, X86_R11);
    want(g, "movabs r11,0x%" PRIx64, far);
    want(g, "call r11");
}

static void sc_nops(Group *g)
{
    static const char *const nop_text[10] = {
        NULL, "nop", "xchg ax,ax", "nop DWORD PTR [rax]",
        "nop DWORD PTR [rax+0x0]", "nop DWORD PTR [rax+rax*1+0x0]",
        "nop WORD PTR [rax+rax*1+0x0]", "nop DWORD PTR [rax+0x0]",
        "nop DWORD PTR [rax+rax*1+0x0]", "nop WORD PTR [rax+rax*1+0x0]",
    };
    for (unsigned n = 1; n <= 20; n++) {
        x86_nops(&cb, n);
        for (unsigned k = n; k > 0; k -= k > 9 ? 9 : k)
            want(g, "%s", nop_text[k > 9 ? 9 : k]);
    }
    x86_nop(&cb);
    want(g, "nop");
    unsigned pad = (unsigned)(-(uintptr_t)cb.ptr & 15);
    x86_align(&cb, 16);
    for (unsigned k = pad; k > 0; k -= k > 9 ? 9 : k)
        want(g, "%s", nop_text[k > 9 ? 9 : k]);
    pad = (unsigned)(-(uintptr_t)cb.ptr & 15);
    if (pad)
        oracle_fail(g, oracle_fmt("x86_align left the pointer %u bytes short", pad));
}

/* ---- code buffer checks (no objdump) ---- */

static const char *check_codebuf(int which)
{
    uint8_t mem[32];
    CodeBuf t;
    memset(mem, 0xAA, sizeof(mem));
    switch (which) {
    case 0:   /* an instruction that does not fit sets overflow, stays inside */
        cb_init(&t, mem + 8, 8);
        x86_movabs_r64_i64(&t, X86_RAX, 0x1122334455667788);
        if (!t.overflow)
            return "no overflow after a 10-byte emit into 8 bytes";
        for (int i = 0; i < 8; i++)
            if (mem[i] != 0xAA || mem[16 + i] != 0xAA)
                return "wrote outside the buffer";
        if (t.ptr > t.end)
            return "ptr past end";
        return NULL;
    case 1:   /* exact fit: no overflow */
        cb_init(&t, mem, 3);
        x86_add_r64_r64(&t, X86_RAX, X86_RCX);
        if (t.overflow || cb_offset(&t) != 3 || cb_remaining(&t) != 0)
            return "3-byte add into 3 bytes";
        x86_ret(&t);
        if (!t.overflow || cb_offset(&t) != 3)
            return "emit into a full buffer";
        return NULL;
    case 2:   /* multi-byte helpers, patching */
        cb_init(&t, mem, 32);
        cb_emit16(&t, 0x1234);
        cb_emit32(&t, 0x89abcdef);
        cb_emit64(&t, 0x0102030405060708);
        cb_patch32(mem + 2, 0xdeadbeef);
        if (memcmp(mem, "\x34\x12\xef\xbe\xad\xde\x08\x07\x06\x05\x04\x03\x02\x01",
                   14) != 0 || cb_offset(&t) != 14)
            return "little-endian emit/patch";
        return NULL;
    }
    return "no such check";
}

static const char *check_codebuf_overflow(void)
{
    return check_codebuf(0);
}

static const char *check_codebuf_fit(void)
{
    return check_codebuf(1);
}

static const char *check_codebuf_endian(void)
{
    return check_codebuf(2);
}

/*
 * Shortest encodings, which objdump's text cannot show: the ModRM/SIB/disp
 * bytes of every memory operand of the list (through lea r64,m: REX.W 8D,
 * so 2 bytes besides the address), computed here from the SDM rules; and
 * the 2-byte VEX prefix whenever VEX.X, VEX.B and VEX.W are not needed.
 */
static unsigned addr_bytes(X86Mem m)
{
    if (m.base == X86_RIP)
        return 1 + 4;
    if (m.base == X86_NOREG)
        return 1 + 1 + 4;                       /* ModRM, SIB, disp32 */
    bool sib = m.index != X86_NOREG || (m.base & 7) == 4;
    unsigned disp = m.disp == 0 && (m.base & 7) != 5 ? 0
                  : m.disp >= -128 && m.disp <= 127 ? 1 : 4;
    return 1 + sib + disp;
}

static const char *check_lengths(void)
{
    static char msg[160];
    uint8_t mem[64];
    CodeBuf t;
    int nmems;
    const X86Arg *mems = oracle_mem_list(&nmems);
    for (int i = 0; i < nmems; i++) {
        X86Mem m = mems[i].mem;
        cb_init(&t, mem, sizeof(mem));
        x86_lea_r64_m(&t, X86_RDX, m);
        if (cb_offset(&t) != 2 + addr_bytes(m)) {
            snprintf(msg, sizeof(msg), "lea rdx,[base %d index %d scale %u "
                     "disp %d]: %zu bytes, the shortest is %u", m.base, m.index,
                     m.scale, m.disp, cb_offset(&t), 2 + addr_bytes(m));
            return msg;
        }
    }
    static const struct { X86Reg d, a, b; unsigned len; } vex[] = {
        { X86_XMM0, X86_XMM1, X86_XMM2, 4 },     /* C5: R, vvvv fit */
        { X86_XMM8, X86_XMM15, X86_XMM7, 4 },    /* C5 holds VEX.R */
        { X86_XMM0, X86_XMM1, X86_XMM10, 5 },    /* VEX.B needs C4 */
    };
    for (size_t i = 0; i < sizeof(vex) / sizeof(vex[0]); i++) {
        cb_init(&t, mem, sizeof(mem));
        x86_vxorps_x_x_x(&t, vex[i].d, vex[i].a, vex[i].b);
        if (cb_offset(&t) != vex[i].len) {
            snprintf(msg, sizeof(msg), "vxorps case %zu: %zu bytes, expected %u",
                     i, cb_offset(&t), vex[i].len);
            return msg;
        }
    }
    cb_init(&t, mem, sizeof(mem));
    x86_vxorps_x_x_m128(&t, X86_XMM3, X86_XMM4, x86_mem_idx(X86_RAX, X86_R9, 2, 0));
    if (cb_offset(&t) != 6)   /* VEX.X: C4 (3) + opcode + ModRM + SIB */
        return "vxorps with index r9 should use the 3-byte VEX";
    return NULL;
}

/* The instruction classes the backend needs (the list). */
static const char *check_required(void)
{
    static const char *const req[] = {
        "add", "or", "adc", "sbb", "and", "sub", "xor", "cmp", "test", "neg",
        "not", "shl", "shr", "sar", "rol", "ror", "shlx", "sarx", "shrx",
        "rorx", "imul", "mul", "div", "idiv", "cqo", "cdq", "setcc", "cmovcc",
        "jcc", "jmp", "call", "ret", "push", "pop", "mov", "movabs", "movzx",
        "movsx", "movsxd", "lea", "bswap", "lzcnt", "tzcnt", "popcnt", "bt",
        "bts", "btr", "cmpxchg", "xadd", "xchg", "mfence", "lfence", "sfence",
        "pause", "nop", "ud2", "int3", "andn", "movss", "movsd", "movaps",
        "movapd", "movd", "movq", "cvtsi2ss", "cvtsi2sd", "cvtss2si",
        "cvttss2si", "cvtsd2si", "cvttsd2si", "cvtss2sd", "cvtsd2ss", "addss",
        "addsd", "subss", "subsd", "mulss", "mulsd", "divss", "divsd",
        "sqrtss", "sqrtsd", "minss", "minsd", "maxss", "maxsd", "ucomiss",
        "ucomisd", "comiss", "comisd", "andps", "andpd", "andnps", "andnpd",
        "orps", "orpd", "xorps", "xorpd", "roundss", "roundsd", "ldmxcsr",
        "stmxcsr", "vfmadd132ss", "vfmadd213ss", "vfmadd231ss", "vfmadd132sd",
        "vfmadd213sd", "vfmadd231sd", "vfmsub132ss", "vfmsub213ss",
        "vfmsub231ss", "vfmsub132sd", "vfmsub213sd", "vfmsub231sd",
        "vfnmadd132ss", "vfnmadd213ss", "vfnmadd231ss", "vfnmadd132sd",
        "vfnmadd213sd", "vfnmadd231sd", "vfnmsub132ss", "vfnmsub213ss",
        "vfnmsub231ss", "vfnmsub132sd", "vfnmsub213sd", "vfnmsub231sd",
    };
    static char missing[64];
    for (size_t i = 0; i < sizeof(req) / sizeof(req[0]); i++) {
        size_t j;
        for (j = 0; j < X86_NFORMS; j++)
            if (!strcmp(x86_forms[j].mnemonic, req[i]))
                break;
        if (j == X86_NFORMS) {
            snprintf(missing, sizeof(missing), "no form for '%s'", req[i]);
            return missing;
        }
    }
    for (size_t i = 0; i < X86_NFORMS; i++)
        for (size_t j = 0; j < i; j++)
            if (!strcmp(x86_forms[i].name, x86_forms[j].name))
                return "duplicate emitter name";
    return NULL;
}

const OracleShortCheck oracle_short_checks[] = {
    { "short: x86_mov_ri picks xor / mov r32 / mov r64 simm32 / lea rip / movabs",
      sc_mov_ri },
    { "short: x86_alu_ri/mi/rr pick imm8 / imm32, cmp 0 -> test", sc_alu_ri },
    { "short: x86_and_ri uses movzx / mov r32 for 0xff / 0xffff / 0xffffffff",
      sc_and_ri },
    { "short: x86_add_rrr / x86_add_rri pick add / sub -128 / lea / mov",
      sc_add3 },
    { "short: x86_shift_ri picks the by-1 form", sc_shift },
    { "short: x86_jmp_to / x86_jcc_to / x86_call_to pick rel8 / rel32 / movabs",
      sc_branch },
    { "short: x86_nops / x86_align use the SDM multi-byte NOPs", sc_nops },
};
const size_t oracle_nshort_checks =
    sizeof(oracle_short_checks) / sizeof(oracle_short_checks[0]);

const OracleCheck oracle_checks[] = {
    { "codebuf: overflow is flagged and nothing is written outside",
      check_codebuf_overflow },
    { "codebuf: exact fit, then full", check_codebuf_fit },
    { "codebuf: cb_emit16/32/64 and cb_patch32 are little-endian",
      check_codebuf_endian },
    { "shortest encodings: ModRM/SIB/disp8 for every memory operand, 2-byte VEX",
      check_lengths },
    { "every instruction the backend needs has a form", check_required },
};
const size_t oracle_nchecks = sizeof(oracle_checks) / sizeof(oracle_checks[0]);
