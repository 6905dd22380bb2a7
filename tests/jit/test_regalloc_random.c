/*
 * Random IR programs through the register allocator, each proven correct
 * by the simulating checker (ra_check.h) along several paths.  Programs
 * come from ra_gen (every table op, calls, branches, loops, more live
 * values than registers), with random host features so every constraint
 * alternative is used, and on hosts with fewer registers.  The seeds are fixed: a failure names its seed
 * and prints the program.  RA_RANDOM_SEEDS=N runs N programs per test
 * instead of the default (for longer local runs).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>

#include "ra_check.h"
#include "ra_gen.h"
#include "check_run.h"

#define NB_TESTS 10

static unsigned seeds_per_test(void)
{
    const char *s = getenv("RA_RANDOM_SEEDS");
    return s && atoi(s) > 0 ? (unsigned)atoi(s) : 1000;
}

/* Every register some constraint fixes: a host must allocate these. */
static uint32_t fixed_regs(void)
{
    uint32_t r = 0;
    for (unsigned i = 0; i < IR_CONS_X86_64_COUNT; i++) {
        const IrConsSet *cs = &ir_cons_x86_64[i];
        for (unsigned a = 0; a < (unsigned)cs->nb_out + cs->nb_in +
                                 cs->nb_scratch; a++)
            if (cs->args[a].fixed)
                r |= cs->args[a].regs;
    }
    return r;
}

/* Every third host is small: the fixed registers, rbx (an input of an op
 * that clobbers every caller-saved register needs one that survives) and
 * a few more, with the spill frame somewhere else. */
static void vary_host(RaHost *h, uint64_t seed)
{
    uint64_t x = seed * 0x9E3779B97F4A7C15ull;
    if (seed % 3 != 2)
        return;
    h->allocatable = (fixed_regs() | (1u << IR_X86_RBX) |
                      ((uint32_t)(x >> 20) & 0xf0f0f0f0u)) & ~h->reserved;
    h->frame_offset = (int32_t)((x >> 8) % 3) * 256 - 512;
}

/* Every fourth program pins some of its integer globals to callee-saved
 * registers (docs/regalloc.md, "Pinned globals"), leaving the allocator
 * at least one callee-saved register of its own. */
static void pin_some(IrCtx *ctx, const RaHost *h, uint64_t seed)
{
    static const int cands[] = { IR_X86_RBX, IR_X86_R12, IR_X86_R13,
                                 IR_X86_R14 };
    if (seed % 4 != 1)
        return;
    uint32_t free = 0;
    for (size_t i = 0; i < sizeof cands / sizeof cands[0]; i++)
        if ((h->allocatable & ~h->reserved) >> cands[i] & 1)
            free |= 1u << cands[i];
    unsigned budget = (unsigned)__builtin_popcount(free);
    budget = budget ? budget - 1 : 0;
    uint64_t x = seed * 0xD1B54A32D192ED03ull;
    for (uint32_t g = 1; g <= ctx->nb_globals && budget; g++, x >>= 2) {
        IrType t = (IrType)ctx->temps[g].type;
        if ((t != IR_I64 && t != IR_I32) || (x & 3) == 0)
            continue;
        int r = __builtin_ctz(free);
        free &= free - 1;
        budget--;
        ir_global_set_fixed_reg(ctx, (IrTemp){ .id = g }, r);
    }
}

/* Allocates and checks program SEED; the frame is large enough. */
static void run_seed(uint64_t seed, unsigned *spills)
{
    IrCtx *ctx = ir_ctx_new();
    RaGenCfg cfg = ra_gen_random_cfg(seed);
    ra_gen_program(ctx, seed, &cfg);
    RaMock m;
    ra_mock_init(&m, ctx, ra_gen_features(seed));
    vary_host(&m.host, seed);
    pin_some(ctx, &m.host, seed);
    int rc = ra_codegen(ctx, &m.host);
    char err[512];
    bool ok = rc == 0 && ra_check(&m, 6, seed, err, sizeof(err));
    if (!ok) {
        fprintf(stderr, "seed %llu (features 0x%x): %s\n",
                (unsigned long long)seed, m.host.features,
                rc ? "ra_codegen failed" : err);
        ra_gen_dump(ctx, stderr);
    }
    for (size_t i = 0; i < m.nb_ev; i++)
        *spills += m.ev[i].kind == RA_EV_STORE &&
                   m.ev[i].reg2 == m.host.frame_reg;
    ra_mock_free(&m);
    ir_ctx_free(ctx);
    ck_assert_msg(ok, "seed %llu: %s", (unsigned long long)seed,
                  rc ? "ra_codegen failed" : err);
}

START_TEST(test_random_programs)
{
    unsigned n = seeds_per_test(), spills = 0;
    for (unsigned i = 0; i < n; i++)
        run_seed((uint64_t)_i * 1000003u + i, &spills);
    /* the programs are meant to overflow the register file */
    ck_assert_uint_gt(spills, 0);
}
END_TEST

static Suite *random_suite(void)
{
    Suite *s = suite_create("regalloc_random");
    TCase *tc = tcase_create("random");
    tcase_set_timeout(tc, 600);
    tcase_add_loop_test(tc, test_random_programs, 0, NB_TESTS);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(random_suite());
}
