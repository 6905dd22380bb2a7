/*
 * Macro-op fusion of auipc/lui (+addi) + jalr into a direct jump, and the
 * return-address stack (docs/frontend.md; RISC-V Unprivileged ISA
 * 20191213, 2.5, Table 2.1 "Return-address stack prediction hints").
 *
 * IR level: which jal/jalr forms push, pop, both or neither; a jalr
 * through a register the block made constant becomes goto_tb, anything
 * that may change the register in between keeps the lookup.
 * Generated code, in a small machine of our own (guest memory and
 * assembler of fe_machine.h; a Jit with the inline jump-cache probe and
 * the sp-indexed table, like the runtime's): results of calls and
 * returns; a return predicted by the table needs no lookup hook even when
 * the jump cache lost the entry; a return elsewhere, deep recursion,
 * returns without calls, a rounding-mode change in the callee, a flush
 * with a call pending (the table emptied as the runtime does).
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "fe_test.h"
#include "ir_verify.h"

/* ---- IR level ---- */

static FeMachine *m;

static void setup(void)
{
    m = fe_new(false);
}

static void teardown(void)
{
    fe_free(m);
}

static void translate_ir(uint64_t pc, bool fusion, bool ras)
{
    RvTranslateCfg cfg = {
        .guest_base = m->guest_base,
        .max_insns = 64,
        .fusion = fusion,
        .ras = ras,
    };
    ir_ctx_reset(m->ir);
    RvTbInfo info;
    ck_assert(rv_translate(m->ir, &cfg, pc, (RvTbFlags){ 0 }, 0x7000, &info));
    char err[256];
    ck_assert_msg(ir_verify(m->ir, err, sizeof err), "%s", err);
}

static unsigned count_op(IrOpcode opc)
{
    unsigned n = 0;
    for (size_t i = 0; i < ir_op_count(m->ir); i++)
        n += ir_op_at(m->ir, i)->opc == opc;
    return n;
}

typedef struct HintCase {
    uint32_t insn;
    bool compressed;
    unsigned push, pop, lookup;
} HintCase;

START_TEST(hints)
{
    const HintCase cases[] = {
        { JAL(1, 64), false, 1, 0, 0 },
        { JAL(5, 64), false, 1, 0, 0 },
        { JAL(0, 64), false, 0, 0, 0 },
        { JAL(10, 64), false, 0, 0, 0 },
        { JALR(0, 1, 0), false, 0, 1, 0 },        /* ret */
        { JALR(0, 5, 0), false, 0, 1, 0 },        /* return through t0 */
        { JALR(0, 15, 0), false, 0, 0, 1 },       /* jr a5 */
        { JALR(1, 15, 0), false, 1, 0, 1 },       /* jalr a5 */
        { JALR(1, 5, 0), false, 1, 1, 0 },        /* pop, then push */
        { JALR(5, 1, 0), false, 1, 1, 0 },
        { JALR(1, 1, 0), false, 1, 0, 1 },        /* rd == rs1: push */
        { JALR(5, 5, 8), false, 1, 0, 1 },
        { C_JR(1), true, 0, 1, 0 },
        { C_JALR(15), true, 1, 0, 1 },
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const HintCase *c = &cases[k];
        FeAsm a = fe_asm(m, FE_ORIGIN);
        fe_i(&a, LD(1, 10, 0));             /* not constants */
        fe_i(&a, LD(5, 10, 8));
        if (c->compressed)
            fe_c(&a, c->insn);
        else
            fe_i(&a, c->insn);
        translate_ir(FE_ORIGIN, true, true);
        ck_assert_msg(count_op(IR_OP_ras_push) == c->push, "case %zu", k);
        ck_assert_msg(count_op(IR_OP_ras_lookup_tb) == c->pop, "case %zu", k);
        ck_assert_msg(count_op(IR_OP_lookup_tb) == c->lookup, "case %zu", k);
        translate_ir(FE_ORIGIN, true, false);
        ck_assert_uint_eq(count_op(IR_OP_ras_push), 0);
        ck_assert_uint_eq(count_op(IR_OP_ras_lookup_tb), 0);
        ck_assert_uint_eq(count_op(IR_OP_lookup_tb), c->pop + c->lookup);
    }
}
END_TEST

typedef struct FuseCase {
    uint32_t insn[4];
    unsigned n;
    bool fused;
} FuseCase;

START_TEST(fusion_ir)
{
    const FuseCase cases[] = {
        /* call far: auipc ra; jalr ra, lo(ra) */
        { { AUIPC(1, 0x12), JALR(1, 1, -16) }, 2, true },
        /* lui t1, hi; addi t1, lo; jr t1 */
        { { LUI(6, 0x20), ADDI(6, 6, 0x123), JALR(0, 6, 0) }, 3, true },
        /* li a5, 0x100; jalr a5 */
        { { ADDI(15, 0, 0x100), JALR(1, 15, 4) }, 2, true },
        /* the constant copied: mv a4, a5 */
        { { AUIPC(15, 1), ADDI(14, 15, 0), JALR(0, 14, 0) }, 3, true },
        /* unrelated instructions in between */
        { { AUIPC(6, 1), ADDI(10, 10, 1), LD(11, 12, 0), JALR(0, 6, 0) },
          4, true },
        /* rewritten by a load in between: not constant */
        { { AUIPC(6, 1), LD(6, 6, 0), JALR(0, 6, 0) }, 3, false },
        /* rewritten by another ALU op */
        { { AUIPC(6, 1), ADD(6, 6, 10), JALR(0, 6, 0) }, 3, false },
        /* a value from before the block */
        { { ADDI(10, 10, 1), JALR(0, 6, 0) }, 2, false },
        /* an out-of-line exit (branch) in between stops the scan */
        { { AUIPC(6, 1), rv_amo(AMO_ADD, 0, 7, 12, 3, 11), JALR(0, 6, 0) },
          3, false },
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const FuseCase *c = &cases[k];
        FeAsm a = fe_asm(m, FE_ORIGIN);
        for (unsigned i = 0; i < c->n; i++)
            fe_i(&a, c->insn[i]);
        translate_ir(FE_ORIGIN, true, false);
        ck_assert_msg(count_op(IR_OP_goto_tb) == (c->fused ? 1u : 0u),
                      "case %zu", k);
        ck_assert_msg(count_op(IR_OP_lookup_tb) == (c->fused ? 0u : 1u),
                      "case %zu", k);
        translate_ir(FE_ORIGIN, false, false);
        ck_assert_uint_eq(count_op(IR_OP_goto_tb), 0);
        ck_assert_uint_eq(count_op(IR_OP_lookup_tb), 1);
    }
}
END_TEST

/* ---- generated code: a machine with a jump cache and the return table ---- */

#define JC_BITS 4
#define NB_TBS 256

typedef struct RasTb {
    uint64_t pc;                /* key, TB_PC_INVALID-like ~0 when dropped */
    uint8_t frm;                /* key, 0xff when dropped */
    const void *code;
    JitTb jt;
} __attribute__((aligned(8))) RasTb;

typedef struct RasHart {
    RvCpu cpu;                  /* first: env is the RvCpu */
    RasTb *jc[1u << JC_BITS];
    unsigned hook_calls;
} RasHart;

static Jit *jit;
static IrCtx *ir;
static RasHart hart;
static RasTb tbs[NB_TBS];
static unsigned nb_tbs, first_live;
static bool ras_on;

static unsigned jc_index(uint64_t pc)
{
    return (unsigned)((pc >> 1) ^ (pc >> (1 + JC_BITS))) & ((1u << JC_BITS) - 1);
}

static RasTb *find(uint64_t pc, uint8_t frm)
{
    for (unsigned i = first_live; i < nb_tbs; i++)
        if (tbs[i].pc == pc && tbs[i].frm == frm)
            return &tbs[i];
    return NULL;
}

static const void *hook(void *env, uint64_t pc)
{
    RasHart *h = env;
    h->hook_calls++;
    RasTb *tb = find(pc, (uint8_t)h->cpu.frm);
    if (tb)
        h->jc[jc_index(pc)] = tb;
    return tb ? tb->code : NULL;
}

static void machine_new(bool ras)
{
    m = fe_new(false);
    ras_on = ras;
    JitConfig cfg = {
        .host_features = x86_host_features(),
        .guest_base = m->guest_base,
        .code_size = 1u << 20,
        .lookup = hook,
        .lookup_cache = {
            .enabled = true,
            .table_ofs = (int32_t)offsetof(RasHart, jc),
            .bits = JC_BITS,
            .pc_ofs = (int32_t)offsetof(RasTb, pc),
            .key_ofs = (int32_t)offsetof(RasTb, frm),
            .env_key_ofs = (int32_t)offsetof(RvCpu, frm),
            .code_ofs = (int32_t)offsetof(RasTb, code),
        },
        .ras = { .enabled = ras, .bits = RV_RAS_BITS,
                 .ring_ofs = (int32_t)offsetof(RvCpu, ras) },
    };
    char err[256];
    jit = jit_new(&cfg, err, sizeof err);
    ck_assert_msg(jit != NULL, "%s", err);
    ir = ir_ctx_new();
    rv_frontend_init(ir);
    memset(&hart, 0, sizeof hart);
    rv_cpu_init(&hart.cpu);
    nb_tbs = first_live = 0;
}

static void machine_free(void)
{
    for (unsigned i = 0; i < nb_tbs; i++)
        jit_tb_free(&tbs[i].jt);
    jit_free(jit);
    ir_ctx_free(ir);
    fe_free(m);
}

/* Drops every block as the runtime's flush does: keys poisoned, code
 * gone, jump cache and return table emptied (runtime/tbcache/jumpcache.c). */
static void machine_flush(void)
{
    rv_ras_clear(&hart.cpu);
    for (unsigned i = first_live; i < nb_tbs; i++) {
        tbs[i].pc = ~0ull;
        tbs[i].frm = 0xff;
    }
    first_live = nb_tbs;
    memset(hart.jc, 0, sizeof hart.jc);
    jit_flush(jit);
}

static RasTb *get_tb(uint64_t pc)
{
    uint8_t frm = (uint8_t)hart.cpu.frm;
    RasTb *tb = find(pc, frm);
    if (!tb) {
        ck_assert_uint_lt(nb_tbs, NB_TBS);
        tb = &tbs[nb_tbs];
        RvTranslateCfg cfg = {
            .guest_base = m->guest_base, .max_insns = 64,
            .fusion = true, .ras = ras_on,
        };
        ir_ctx_reset(ir);
        ck_assert(rv_translate(ir, &cfg, pc, (RvTbFlags){ .frm = frm },
                               (uintptr_t)tb, NULL));
        ck_assert_int_eq(jit_compile(jit, ir, &tb->jt), 0);
        tb->pc = pc;
        tb->frm = frm;
        tb->code = tb->jt.code;
        nb_tbs++;
    }
    hart.jc[jc_index(pc)] = tb;
    return tb;
}

/* Runs from pc until an exception exit; returns it. */
static unsigned run(uint64_t pc)
{
    hart.cpu.pc = pc;
    for (unsigned n = 0; n < 100000; n++) {
        RasTb *tb = get_tb(hart.cpu.pc);
        uintptr_t v = jit_enter(jit, &hart, tb->code);
        if (v == 0)
            continue;
        RasTb *from = (RasTb *)(v & ~(uintptr_t)RV_EXIT_SLOT_MASK);
        unsigned slot = v & RV_EXIT_SLOT_MASK;
        if (slot == RV_EXIT_EXCEPTION)
            return hart.cpu.exception;
        RasTb *to = get_tb(hart.cpu.pc);
        jit_tb_link(jit, &from->jt, slot, to->code);
    }
    ck_abort_msg("no exit");
    return 0;
}

#define P FE_ORIGIN
#define X(i) hart.cpu.x[i]

/* A loop calling F; F jumps to C through a register, C returns.  C's pc
 * has the jump-cache slot of the return address, so the lookup of C
 * evicts it: only the return table can find the return without the hook. */
static unsigned eviction_loop(bool ras, unsigned iters)
{
    machine_new(ras);
    uint64_t c = P + 256;
    while (jc_index(c) != jc_index(P + 8))
        c += 4;
    FeAsm a = fe_asm(m, P);
    fe_i(&a, ADDI(8, 0, (int)iters));       /* s0 = iters */
    fe_i(&a, JAL(1, 60));                    /* P+4: call F = P+64 */
    fe_i(&a, ADDI(8, 8, -1));                /* P+8 */
    fe_i(&a, BNE(8, 0, -8));
    fe_i(&a, ECALL);
    a = fe_asm(m, P + 64);
    fe_i(&a, ADDI(10, 10, 1));
    fe_i(&a, JALR(0, 6, 0));                 /* jr t1 = C */
    a = fe_asm(m, c);
    fe_i(&a, ADDI(11, 11, 1));
    fe_i(&a, JALR(0, 1, 0));                 /* ret */
    X(6) = c;
    ck_assert_uint_eq(run(P), RV_EXC_ECALL);
    ck_assert_uint_eq(X(10), iters);
    ck_assert_uint_eq(X(11), iters);
    ck_assert_uint_eq(hart.cpu.pc, P + 16);
    unsigned calls = hart.hook_calls;
    machine_free();
    return calls;
}

START_TEST(calls_and_returns)
{
    const unsigned n = 200;
    unsigned with = eviction_loop(true, n);
    unsigned without = eviction_loop(false, n);
    /* per iteration: the jump to C always needs the hook; the return only
     * without the table */
    ck_assert_msg(with <= n + 8, "with the table: %u hook calls", with);
    ck_assert_msg(without >= 2 * n - 8, "without: %u hook calls", without);
}
END_TEST

/* F returns past the instruction after the call: the table's prediction
 * (a valid TB) must not be followed. */
START_TEST(mismatch)
{
    machine_new(true);
    FeAsm a = fe_asm(m, P);
    fe_i(&a, JAL(1, 64));                    /* call F = P+64 */
    fe_i(&a, ADDI(10, 10, 100));             /* P+4: skipped */
    fe_i(&a, ECALL);                         /* P+8 */
    a = fe_asm(m, P + 64);
    fe_i(&a, ADDI(1, 1, 4));
    fe_i(&a, JALR(0, 1, 0));
    ck_assert_uint_eq(run(P + 4), RV_EXC_ECALL);   /* TB(P+4) exists */
    ck_assert_uint_eq(X(10), 100);
    for (int i = 0; i < 3; i++) {
        X(10) = 0;
        ck_assert_uint_eq(run(P), RV_EXC_ECALL);
        ck_assert_uint_eq(X(10), 0);
        ck_assert_uint_eq(hart.cpu.pc, P + 8);
    }
    machine_free();
}
END_TEST

/* Recursion (entries of many sp values), then returns with an empty or
 * unrelated table (as after a longjmp). */
START_TEST(overflow_underflow)
{
    machine_new(true);
    FeAsm a = fe_asm(m, P);
    fe_i(&a, JAL(1, 64));                    /* call R = P+64 */
    fe_i(&a, ECALL);
    a = fe_asm(m, P + 64);                   /* R: a0 = depth */
    fe_i(&a, BEQ(10, 0, 32));                /* -> P+96 ret */
    fe_i(&a, ADDI(2, 2, -16));
    fe_i(&a, SD(1, 2, 0));
    fe_i(&a, ADDI(10, 10, -1));
    fe_i(&a, JAL(1, -16));                   /* P+80: call R */
    fe_i(&a, LD(1, 2, 0));                   /* P+84 */
    fe_i(&a, ADDI(2, 2, 16));
    fe_i(&a, ADDI(11, 11, 1));
    fe_i(&a, JALR(0, 1, 0));                 /* P+96: ret */
    const unsigned depths[] = { 1, 5, RV_RAS_SIZE - 1, RV_RAS_SIZE,
                                RV_RAS_SIZE + 1, 3 * RV_RAS_SIZE + 7, 200 };
    for (int rep = 0; rep < 2; rep++)
        for (size_t i = 0; i < sizeof depths / sizeof depths[0]; i++) {
            X(2) = FE_DATA + RV_PAGE_SIZE;
            X(10) = depths[i];
            X(11) = 0;
            ck_assert_uint_eq(run(P), RV_EXC_ECALL);
            ck_assert_uint_eq(X(11), depths[i]);
            ck_assert_uint_eq(X(2), FE_DATA + RV_PAGE_SIZE);
            ck_assert_uint_eq(hart.cpu.pc, P + 4);
        }
    /* underflow: returns without calls, from a cleared and a full table */
    for (int full = 0; full < 2; full++) {
        if (!full)
            rv_ras_clear(&hart.cpu);
        for (int i = 0; i < 3 * (int)RV_RAS_SIZE; i++) {
            X(1) = P + 4;
            X(10) = 0;
            ck_assert_uint_eq(run(P + 96), RV_EXC_ECALL);
            ck_assert_uint_eq(hart.cpu.pc, P + 4);
        }
    }
    machine_free();
}
END_TEST

/* A return predicted by the table after the callee changed the rounding
 * mode: the call block's stub must not chain to the block translated for
 * the old one.  The block at the return address is rewritten between the
 * translations, so which one ran shows in a2. */
START_TEST(frm_changed)
{
    machine_new(true);
    FeAsm a = fe_asm(m, P);
    fe_i(&a, JAL(1, 64));                    /* call F = P+64 */
    fe_i(&a, ADDI(12, 0, 1));                /* R = P+4 */
    fe_i(&a, ECALL);
    a = fe_asm(m, P + 64);
    fe_i(&a, CSRRW(0, 0x002, 7));            /* frm = t2: ends the block */
    fe_i(&a, JALR(0, 1, 0));
    for (int i = 0; i < 2; i++) {
        X(7) = 0;
        ck_assert_uint_eq(run(P), RV_EXC_ECALL);
        ck_assert_uint_eq(X(12), 1);
    }
    a = fe_asm(m, P + 4);
    fe_i(&a, ADDI(12, 0, 2));                /* seen by new translations */
    for (int i = 0; i < 2; i++) {
        hart.cpu.frm = 0;
        X(7) = 3;
        ck_assert_uint_eq(run(P), RV_EXC_ECALL);
        ck_assert_msg(X(12) == 2, "frm 3: a2 = %llu", (unsigned long long)X(12));
        hart.cpu.frm = 0;
        X(7) = 0;
        ck_assert_uint_eq(run(P), RV_EXC_ECALL);
        ck_assert_uint_eq(X(12), 1);
    }
    machine_free();
}
END_TEST

/* A flush while a call is pending (the runtime empties the rings, as
 * machine_flush does), then the return into rewritten code. */
START_TEST(after_flush)
{
    machine_new(true);
    FeAsm a = fe_asm(m, P);
    fe_i(&a, JAL(1, 64));                    /* call G = P+64 */
    fe_i(&a, ADDI(10, 0, 1));                /* P+4 */
    fe_i(&a, ECALL);
    a = fe_asm(m, P + 64);                   /* G: ecall, returns later */
    fe_i(&a, ECALL);
    fe_i(&a, JALR(0, 1, 0));                 /* P+68 */
    for (int i = 0; i < 3; i++) {
        ck_assert_uint_eq(run(P), RV_EXC_ECALL);  /* pushed, in G */
        ck_assert_uint_eq(hart.cpu.pc, P + 64);
        X(10) = 0;
        ck_assert_uint_eq(run(P + 68), RV_EXC_ECALL);
        ck_assert_uint_eq(X(10), 1);
    }
    ck_assert_uint_eq(run(P), RV_EXC_ECALL);
    machine_flush();
    a = fe_asm(m, P + 4);
    fe_i(&a, ADDI(10, 0, 2));
    X(10) = 0;
    ck_assert_uint_eq(run(P + 68), RV_EXC_ECALL);
    ck_assert_uint_eq(X(10), 2);
    ck_assert_uint_eq(hart.cpu.pc, P + 8);
    machine_free();
}
END_TEST

/* A far call through auipc + jalr runs as a direct, chained jump. */
START_TEST(fusion_runs)
{
    machine_new(true);
    FeAsm a = fe_asm(m, P);
    fe_i(&a, AUIPC(1, 1));                   /* ra = P + 4096 */
    fe_i(&a, JALR(1, 1, 8));                 /* call P + 4104 */
    fe_i(&a, ADDI(11, 10, 0));               /* P+8 */
    fe_i(&a, ECALL);
    a = fe_asm(m, P + 4104);
    fe_i(&a, ADDI(10, 0, 42));
    fe_i(&a, JALR(0, 1, 0));
    for (int i = 0; i < 3; i++) {
        X(11) = 0;
        ck_assert_uint_eq(run(P), RV_EXC_ECALL);
        ck_assert_uint_eq(X(11), 42);
        ck_assert_uint_eq(X(1), P + 8);
    }
    /* the call's block ends in a chainable goto_tb, linked by the loop */
    RasTb *call = find(P, 0);
    ck_assert_ptr_nonnull(call);
    ck_assert_uint_ne(call->jt.jmp_insn[0], JIT_NO_JMP);
    machine_free();
}
END_TEST

int main(void)
{
    Suite *s = suite_create("fe_ras");
    TCase *tc = tcase_create("ir");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, hints);
    tcase_add_test(tc, fusion_ir);
    suite_add_tcase(s, tc);
    tc = tcase_create("run");
    tcase_add_test(tc, calls_and_returns);
    tcase_add_test(tc, mismatch);
    tcase_add_test(tc, overflow_underflow);
    tcase_add_test(tc, frm_changed);
    tcase_add_test(tc, after_flush);
    tcase_add_test(tc, fusion_runs);
    suite_add_tcase(s, tc);
    return ck_run(s);
}
