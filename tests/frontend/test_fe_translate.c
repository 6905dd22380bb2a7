/*
 * The translation loop at IR level (no generated code runs, so this suite
 * also runs under ASan): where blocks end (max_insns, page boundaries and
 * the first-instruction exception, can_fetch, control flow, ecall/ebreak/
 * fence.i, illegal encodings, frm writes), the exit values and slots, the
 * insn_start pcs, the ordering ops of fences and LR/SC/AMOs, and every
 * encoding: every 16-bit encoding and many 32-bit words translate into
 * valid IR that compiles (a sample), and an encoding is illegal exactly when the
 * disassembler (checked against objdump) does not know it, or it names a
 * CSR a user program may not access.  RISC-V Unprivileged ISA 20191213,
 * 1.5 (instruction lengths), chapters 2, 9, 16.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "fe_test.h"
#include "ir_text.h"
#include "opt.h"
#include "rv_disas.h"
#include "decode-riscv32.h"
#include "test_rng.h"

static FeMachine *m;
#define TOKEN ((uintptr_t)0x7000)
#define PAGE_END (FE_ORIGIN + RV_PAGE_SIZE)

static void setup(void)
{
    m = fe_new(false);
}

static void teardown(void)
{
    fe_free(m);
}

static RvTbInfo tr(uint64_t pc)
{
    RvTbInfo info;
    memset(&info, 0xee, sizeof info);
    ck_assert(fe_translate_ir(m, pc, (RvTbFlags){ 0 }, TOKEN, &info));
    return info;
}

static unsigned count_op(IrOpcode opc)
{
    unsigned n = 0;
    for (size_t i = 0; i < ir_op_count(m->ir); i++)
        n += ir_op_at(m->ir, i)->opc == opc;
    return n;
}

/* The k-th op of opcode opc, or NULL. */
static IrOp *nth_op(IrOpcode opc, unsigned k)
{
    for (size_t i = 0; i < ir_op_count(m->ir); i++) {
        IrOp *op = ir_op_at(m->ir, i);
        if (op->opc == opc && k-- == 0)
            return op;
    }
    return NULL;
}

static bool has_exit(uint64_t val)
{
    for (size_t i = 0; i < ir_op_count(m->ir); i++) {
        IrOp *op = ir_op_at(m->ir, i);
        if (op->opc == IR_OP_exit_tb && ir_op_const(op, 0)->uimm == val)
            return true;
    }
    return false;
}

/* The exception the block stores into RvCpu.exception, or RV_EXC_NONE. */
static unsigned exception_stored(void)
{
    for (size_t i = 0; i < ir_op_count(m->ir); i++) {
        IrOp *op = ir_op_at(m->ir, i);
        if (op->opc == IR_OP_st_env &&
            ir_op_const(op, 0)->imm == (int64_t)offsetof(RvCpu, exception)) {
            IrTemp v = ir_op_in(op, 0)->temp;
            ck_assert(ir_temp_is_const(m->ir, v));
            return (unsigned)ir_const_value(m->ir, v);
        }
    }
    return RV_EXC_NONE;
}

static void fill_addi(uint64_t from, uint64_t to)
{
    FeAsm a = fe_asm(m, from);
    while (a.pc < to)
        fe_i(&a, ADDI(10, 10, 1));
}

START_TEST(max_insns)
{
    fill_addi(FE_ORIGIN, FE_ORIGIN + 64);
    for (unsigned max = 1; max <= 5; max++) {
        m->max_insns = max;
        RvTbInfo info = tr(FE_ORIGIN);
        ck_assert_uint_eq(info.pc, FE_ORIGIN);
        ck_assert_uint_eq(info.nb_insns, max);
        ck_assert_uint_eq(info.size, 4 * max);
        ck_assert_uint_eq(count_op(IR_OP_insn_start), max);
        for (unsigned k = 0; k < max; k++)
            ck_assert_uint_eq(ir_op_const(nth_op(IR_OP_insn_start, k), 0)->uimm,
                              FE_ORIGIN + 4 * k);
        /* falls into the next block through goto_tb slot 0 */
        ck_assert_uint_eq(count_op(IR_OP_goto_tb), 1);
        ck_assert_uint_eq(ir_op_const(nth_op(IR_OP_goto_tb, 0), 0)->uimm, 0);
        ck_assert(has_exit(TOKEN | 0));
        /* and the exit_request check's exit_tb 0 (translate.c) */
        ck_assert(has_exit(0));
        ck_assert_uint_eq(count_op(IR_OP_exit_tb), 2);
    }
    m->max_insns = 0;              /* treated as 1 */
    ck_assert_uint_eq(tr(FE_ORIGIN).nb_insns, 1);
}
END_TEST

START_TEST(page_boundary)
{
    fill_addi(PAGE_END - 64, PAGE_END + 64);
    RvTbInfo info = tr(PAGE_END - 8);
    ck_assert_uint_eq(info.nb_insns, 2);
    ck_assert_uint_eq(info.size, 8);

    /* a 32-bit instruction at the last halfword, not first: left out */
    FeAsm a = fe_asm(m, PAGE_END - 6);
    fe_c(&a, C_ADDI(10, 1));
    fe_c(&a, C_ADDI(10, 1));
    fe_i(&a, ADDI(10, 10, 1));
    info = tr(PAGE_END - 6);
    ck_assert_uint_eq(info.nb_insns, 2);
    ck_assert_uint_eq(info.size, 4);
    ck_assert(ir_op_at(m->ir, 0)->opc == IR_OP_insn_start);

    /* ... but as the first one it is translated, alone */
    info = tr(PAGE_END - 2);
    ck_assert_uint_eq(info.nb_insns, 1);
    ck_assert_uint_eq(info.size, 4);

    /* its second half not fetchable: the block cannot be translated */
    m->fetch_end = PAGE_END;
    RvTbInfo dummy;
    ir_ctx_reset(m->ir);
    ck_assert(!fe_translate_ir(m, PAGE_END - 2, (RvTbFlags){ 0 }, TOKEN,
                               &dummy));

    /* a 16-bit instruction in the last halfword: fine, then the block ends */
    a = fe_asm(m, PAGE_END - 4);
    fe_c(&a, C_ADDI(10, 1));
    fe_c(&a, C_ADDI(10, 1));
    info = tr(PAGE_END - 4);
    ck_assert_uint_eq(info.nb_insns, 2);
    ck_assert_uint_eq(info.size, 4);
    ck_assert(has_exit(TOKEN | 0));
}
END_TEST

START_TEST(fetch_limits)
{
    fill_addi(FE_ORIGIN, FE_ORIGIN + 64);
    m->fetch_end = FE_ORIGIN + 20;          /* five instructions fetchable */
    RvTbInfo info = tr(FE_ORIGIN);
    ck_assert_uint_eq(info.nb_insns, 5);
    ck_assert(has_exit(TOKEN | 0));
    /* the first instruction not fetchable: false, nothing emitted */
    ir_ctx_reset(m->ir);
    ck_assert(!fe_translate_ir(m, FE_ORIGIN + 20, (RvTbFlags){ 0 }, TOKEN,
                               &info));
    ck_assert_uint_eq(ir_op_count(m->ir), 0);
    ck_assert(!fe_translate_ir(m, 0x1000, (RvTbFlags){ 0 }, TOKEN, &info));
}
END_TEST

typedef struct EndCase {
    uint32_t insn;
    unsigned len;
    unsigned goto_tbs;      /* goto_tb ops */
    bool lookup;            /* lookup_tb + goto_ptr */
    unsigned exc;           /* exception stored (RV_EXC_NONE: none) */
} EndCase;

START_TEST(block_ends)
{
    const EndCase cases[] = {
        { BEQ(10, 11, 64), 4, 2, false, RV_EXC_NONE },
        { BLTU(10, 0, -4), 4, 2, false, RV_EXC_NONE },
        { JAL(1, 256), 4, 1, false, RV_EXC_NONE },
        { JAL(0, -8), 4, 1, false, RV_EXC_NONE },
        { JALR(0, 1, 0), 4, 0, true, RV_EXC_NONE },
        { JALR(1, 5, 12), 4, 0, true, RV_EXC_NONE },
        { C_J(64), 2, 1, false, RV_EXC_NONE },
        { C_BNEZ(8, -2), 2, 2, false, RV_EXC_NONE },
        { C_JR(1), 2, 0, true, RV_EXC_NONE },
        { C_JALR(5), 2, 0, true, RV_EXC_NONE },
        { ECALL, 4, 0, false, RV_EXC_ECALL },
        { EBREAK, 4, 0, false, RV_EXC_EBREAK },
        { C_EBREAK, 2, 0, false, RV_EXC_EBREAK },
        { FENCE_I, 4, 0, false, RV_EXC_FENCE_I },
        { 0x00000000u, 2, 0, false, RV_EXC_ILLEGAL },
        { 0x10500073u, 4, 0, false, RV_EXC_ILLEGAL },
        { CSRRW(0, 0xc00, 5), 4, 0, false, RV_EXC_ILLEGAL },
        { CSRRWI(0, 0x002, 1), 4, 0, true, RV_EXC_NONE },   /* frm write */
        { CSRRW(5, 0x003, 6), 4, 0, true, RV_EXC_NONE },    /* fcsr write */
        { CSRRS(5, 0x002, 6), 4, 0, true, RV_EXC_NONE },    /* frm set */
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const EndCase *c = &cases[k];
        fill_addi(FE_ORIGIN, FE_ORIGIN + 64);
        FeAsm a = fe_asm(m, FE_ORIGIN + 8);
        if (c->len == 4)
            fe_i(&a, c->insn);
        else
            fe_c(&a, c->insn);
        RvTbInfo info = tr(FE_ORIGIN);
        ck_assert_msg(info.nb_insns == 3, "case %zu: %u insns", k,
                      info.nb_insns);
        ck_assert_uint_eq(info.size, 8 + c->len);
        ck_assert_uint_eq(count_op(IR_OP_goto_tb), c->goto_tbs);
        for (unsigned s = 0; s < c->goto_tbs; s++)
            ck_assert(has_exit(TOKEN | s));
        ck_assert_uint_eq(count_op(IR_OP_lookup_tb), c->lookup);
        ck_assert_uint_eq(count_op(IR_OP_goto_ptr), c->lookup);
        ck_assert_msg(exception_stored() == c->exc, "case %zu", k);
        if (c->exc != RV_EXC_NONE)
            ck_assert(has_exit(TOKEN | RV_EXIT_EXCEPTION));
    }
    /* instructions that do not end a block */
    const uint32_t go_on[] = {
        CSRRS(5, 0xc00, 0), CSRRWI(0, 0x001, 3), CSRRS(5, 0x002, 0),
        CSRRS(5, 0x003, 0), FENCE(3, 3), FENCE_TSO, LR_D(5, 6, AQ | RL),
        SC_W(5, 6, 7, 0), rv_amo(AMO_ADD, 3, 5, 6, 3, 7), LD(5, 6, 0),
    };
    for (size_t k = 0; k < sizeof go_on / sizeof go_on[0]; k++) {
        fill_addi(FE_ORIGIN, FE_ORIGIN + 64);
        FeAsm a = fe_asm(m, FE_ORIGIN + 8);
        fe_i(&a, go_on[k]);
        m->max_insns = 5;
        RvTbInfo info = tr(FE_ORIGIN);
        ck_assert_msg(info.nb_insns == 5, "go_on %zu: %u", k, info.nb_insns);
        ck_assert_uint_eq(count_op(IR_OP_goto_tb), 1);
    }
}
END_TEST

/* The misaligned-atomic exits are placed after the block's body. */
START_TEST(slow_exits)
{
    FeAsm a = fe_asm(m, FE_ORIGIN);
    for (unsigned k = 0; k < 40; k++)
        fe_i(&a, rv_amo(AMO_ADD, 0, 5, 6, 3, 7));
    RvTbInfo info = tr(FE_ORIGIN);
    /* the table of out-of-line exits holds 16: the block ends there */
    ck_assert_uint_eq(info.nb_insns, 16);
    ck_assert_uint_eq(count_op(IR_OP_fetch_add), 16);
    ck_assert_uint_eq(count_op(IR_OP_exit_tb), 17 + 1);   /* + exit_request */
    /* every exception exit after the goto_tb of the body */
    size_t gt = 0;
    for (size_t i = 0; i < ir_op_count(m->ir); i++)
        if (ir_op_at(m->ir, i)->opc == IR_OP_goto_tb)
            gt = i;
    ck_assert_uint_eq(ir_op_at(m->ir, gt + 2)->opc, IR_OP_exit_tb);
    ck_assert_uint_eq(ir_op_const(ir_op_at(m->ir, gt + 2), 0)->uimm, TOKEN);
    for (size_t i = 0; i < gt; i++)
        ck_assert(ir_op_at(m->ir, i)->opc != IR_OP_exit_tb);
}
END_TEST

static IrBarrier single_mb(void)
{
    ck_assert_uint_le(count_op(IR_OP_mb), 1);
    IrOp *op = nth_op(IR_OP_mb, 0);
    return op ? (IrBarrier)ir_op_const(op, 0)->imm : 0;
}

START_TEST(ordering)
{
    const struct { uint32_t insn; IrBarrier bar; } cases[] = {
        { FENCE(3, 3), IR_BAR_ALL },
        { FENCE(15, 15), IR_BAR_ALL },
        { FENCE(2, 2), IR_BAR_LD_LD },
        { FENCE(2, 3), IR_BAR_LD_LD | IR_BAR_LD_ST },
        { FENCE(3, 1), IR_BAR_LD_ST | IR_BAR_ST_ST },
        { FENCE(1, 2), IR_BAR_ST_LD },
        { FENCE(1, 1), IR_BAR_ST_ST },
        { FENCE(8, 2), IR_BAR_LD_LD },         /* I as R */
        { FENCE(4, 8), IR_BAR_ST_LD },         /* O as W */
        { FENCE(0, 3), 0 },
        { FENCE(3, 0), 0 },
        { FENCE_TSO, IR_BAR_LD_LD | IR_BAR_LD_ST | IR_BAR_ST_ST },
        { LR_W(5, 6, 0), 0 },
        { LR_W(5, 6, AQ), 0 },
        { LR_D(5, 6, RL), IR_BAR_ALL },
        { LR_D(5, 6, AQ | RL), IR_BAR_ALL },
        { rv_amo(AMO_SWAP, AQ | RL, 5, 6, 3, 7), 0 },
        { rv_amo(AMO_MAX, AQ, 5, 6, 2, 7), 0 },
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        FeAsm a = fe_asm(m, FE_ORIGIN);
        fe_i(&a, cases[k].insn);
        m->max_insns = 1;
        tr(FE_ORIGIN);
        ck_assert_msg(single_mb() == cases[k].bar, "case %zu: %#x", k,
                      (unsigned)single_mb());
    }
}
END_TEST

/* ---- every encoding ---- */

/* May a user program execute this CSR instruction (9.1, 10.1, 11.2)? */
static bool csr_ok(uint32_t insn)
{
    unsigned csr = insn >> 20, f3 = (insn >> 12) & 7, rs1 = (insn >> 15) & 31,
             rd = (insn >> 7) & 31;
    (void)rd;
    bool write = (f3 & 3) == 1 || rs1 != 0;
    if (csr >= 1 && csr <= 3)
        return true;
    if (csr >= 0xc00 && csr <= 0xc02)
        return !write;
    return false;
}

static unsigned long nb_checked, nb_compiled;

/* Translates one instruction at FE_ORIGIN (alone in its block) and checks
 * it is illegal exactly when expected; compiles it when asked. */
static void check_word(uint32_t insn, unsigned len, bool compile)
{
    uint8_t bytes[4];
    memcpy(bytes, &insn, 4);
    memcpy(fe_host(m, FE_ORIGIN), bytes, 4);
    RvDisasInsn d;
    rv_disas(&d, FE_ORIGIN, bytes, 4, NULL);
    if (d.valid && (strstr(d.file, "rv64f") || strstr(d.file, "rv64d") ||
                    !strncmp(d.mnemonic, "c.f", 3)))
        return;                        /* the FP translators' */
    bool want_illegal = !d.valid ||
                        (strstr(d.file, "zicsr") && !csr_ok(insn));
    m->max_insns = 1;
    RvTbInfo info = tr(FE_ORIGIN);
    ck_assert_uint_eq(info.nb_insns, 1);
    ck_assert_uint_eq(info.size, len);
    bool illegal = exception_stored() == RV_EXC_ILLEGAL;
    ck_assert_msg(illegal == want_illegal, "%#010x (%s %s): illegal %d",
                  insn, d.mnemonic, d.operands, illegal);
    nb_checked++;
    if (compile) {
        OptConfig oc = opt_config_default();
        opt_run(m->ir, &oc);
        JitTb tb;
        int rc = jit_compile(m->jit, m->ir, &tb);
        if (rc == -1) {
            jit_flush(m->jit);
            rc = jit_compile(m->jit, m->ir, &tb);
        }
        ck_assert_int_eq(rc, 0);
        jit_tb_free(&tb);
        nb_compiled++;
    }
}

START_TEST(all_halfwords)
{
    for (uint32_t h = 0; h < 0x10000; h++) {
        if ((h & 3) == 3)
            continue;
        check_word(h | 0xffff0000u, 2, (h & 7) == 0);
    }
    printf("# %lu halfwords checked, %lu compiled\n", nb_checked, nb_compiled);
}
END_TEST


static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint32_t next32(void)
{
    return (uint32_t)(test_xorshift64(&rng) >> 16);
}

START_TEST(words32)
{
    /* words aimed at every 32-bit pattern, with registers varied */
    for (int p = 0; p < disas_riscv32_npatterns; p++) {
        const DecodeDisasPattern *pat = &disas_riscv32_patterns[p];
        for (int k = 0; k < 64; k++) {
            uint32_t w = pat->fixedbits | (next32() & ~pat->fixedmask);
            check_word(w, 4, k < 4);
        }
    }
    /* and random words (most are illegal) */
    for (int k = 0; k < 200000; k++)
        check_word(next32() | 3, 4, (k & 255) == 0);
    /* every CSR number with every Zicsr form */
    for (uint32_t csr = 0; csr < 4096; csr++)
        for (uint32_t f3 = 1; f3 < 8; f3++)
            if (f3 != 4)
                check_word(csr << 20 | (csr & 1 ? 5u : 0u) << 15 | f3 << 12 |
                           (csr & 2 ? 10u : 0u) << 7 | 0x73, 4, false);
    printf("# %lu words checked, %lu compiled\n", nb_checked, nb_compiled);
}
END_TEST

/* The IR names the frontend's globals and helpers (for -d op dumps). */
START_TEST(dump_names)
{
    FeAsm a = fe_asm(m, FE_ORIGIN);
    fe_i(&a, CSRRS(10, 0xc01, 0));
    fe_i(&a, CSRRS(11, 0xc00, 0));
    fe_i(&a, CSRRS(12, 0x001, 0));
    fe_i(&a, CSRRW(0, 0x001, 12));
    fe_i(&a, ADD(31, 1, 2));
    fe_i(&a, ECALL);
    tr(FE_ORIGIN);
    char *s = ir_dump_str(m->ir);
    ck_assert_ptr_nonnull(strstr(s, "rv_rdtime"));
    ck_assert_ptr_nonnull(strstr(s, "rv_rdcycle"));
    ck_assert_ptr_nonnull(strstr(s, "rv_fcsr_read"));
    ck_assert_ptr_nonnull(strstr(s, "rv_fcsr_write"));
    ck_assert_ptr_nonnull(strstr(s, "add.i64 x31, x1, x2"));
    ck_assert_ptr_nonnull(ir_helper_find("rv_rdtime"));
    /* and it parses back */
    IrCtx *c = ir_ctx_new();
    rv_frontend_init(c);
    char err[256];
    ck_assert_msg(ir_parse(c, s, "dump", err, sizeof err), "%s", err);
    ir_ctx_free(c);
    free(s);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("fe_translate");
    TCase *tc = tcase_create("translate");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, max_insns);
    tcase_add_test(tc, page_boundary);
    tcase_add_test(tc, fetch_limits);
    tcase_add_test(tc, block_ends);
    tcase_add_test(tc, slow_exits);
    tcase_add_test(tc, ordering);
    tcase_add_test(tc, all_halfwords);
    tcase_add_test(tc, words32);
    tcase_add_test(tc, dump_names);
    suite_add_tcase(s, tc);
    return ck_run(s);
}
