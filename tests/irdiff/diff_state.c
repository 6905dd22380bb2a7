/*
 * The difftests' machine state: creating the globals over DiffEnv, random
 * initial states, and comparison with NaN-equality in the FP fields.
 */
#include "diff_state.h"

#include <fenv.h>
#include <stddef.h>
#include <string.h>

#include "edge_values.h"

void diff_globals_create(IrCtx *ctx, DiffGlobals *g)
{
    diff_globals_create_biased(ctx, g, 0);
}

void diff_globals_create_biased(IrCtx *ctx, DiffGlobals *g, int32_t bias)
{
    char name[16];
    for (int i = 0; i < DIFF_NB_G64; i++) {
        snprintf(name, sizeof name, "x%d", i);
        g->g64[i] = ir_global(ctx, IR_I64,
            diff_env_ofs(bias, offsetof(DiffEnv, g64) + 8 * (size_t)i), name);
    }
    for (int i = 0; i < DIFF_NB_G32; i++) {
        snprintf(name, sizeof name, "w%d", i);
        g->g32[i] = ir_global(ctx, IR_I32,
            diff_env_ofs(bias, offsetof(DiffEnv, g32) + 4 * (size_t)i), name);
    }
    for (int i = 0; i < DIFF_NB_F64; i++) {
        snprintf(name, sizeof name, "d%d", i);
        g->f64[i] = ir_global(ctx, IR_F64,
            diff_env_ofs(bias, offsetof(DiffEnv, f64) + 8 * (size_t)i), name);
    }
    for (int i = 0; i < DIFF_NB_F32; i++) {
        snprintf(name, sizeof name, "s%d", i);
        g->f32[i] = ir_global(ctx, IR_F32,
            diff_env_ofs(bias, offsetof(DiffEnv, f32) + 4 * (size_t)i), name);
    }
}

void diff_state_random(DiffState *st, Rng *r)
{
    DiffEnv *e = &st->env;
    st->env_bias = 0;
    for (int i = 0; i < DIFF_NB_G64; i++)
        e->g64[i] = edge_random_int(r, 64);
    for (int i = 0; i < DIFF_NB_G32; i++)
        e->g32[i] = (uint32_t)edge_random_int(r, 32);
    for (int i = 0; i < DIFF_NB_F64; i++)
        e->f64[i] = edge_random_f64(r);
    for (int i = 0; i < DIFF_NB_F32; i++)
        e->f32[i] = edge_random_f32(r);
    for (int i = 0; i < DIFF_SINT_SIZE; i += 8) {
        uint64_t v = edge_random_int(r, 64);
        memcpy(e->sint + i, &v, 8);
    }
    for (int i = 0; i < DIFF_NB_SF32; i++)
        e->sf32[i] = edge_random_f32(r);
    for (int i = 0; i < DIFF_NB_SF64; i++)
        e->sf64[i] = edge_random_f64(r);
    for (int i = 0; i < DIFF_GUEST_INT_SIZE; i += 8) {
        uint64_t v = edge_random_int(r, 64);
        memcpy(st->guest + DIFF_GUEST_INT + i, &v, 8);
    }
    for (int i = 0; i < DIFF_GUEST_FP_SIZE; i += 4) {
        uint32_t v = edge_random_f32(r);
        memcpy(st->guest + DIFF_GUEST_F32 + i, &v, 4);
    }
    for (int i = 0; i < DIFF_GUEST_FP_SIZE; i += 8) {
        uint64_t v = edge_random_f64(r);
        memcpy(st->guest + DIFF_GUEST_F64 + i, &v, 8);
    }
}

static bool nan64(uint64_t b)
{
    return (b & 0x7fffffffffffffffull) > 0x7ff0000000000000ull;
}

static bool nan32(uint32_t b)
{
    return (b & 0x7fffffffu) > 0x7f800000u;
}

typedef struct Cmp {
    FILE *out;
    const char *na, *nb;
    bool equal;
    unsigned shown;
} Cmp;

static void report(Cmp *c, const char *what, int index, uint64_t a, uint64_t b)
{
    c->equal = false;
    if (c->out && c->shown++ < 24)
        fprintf(c->out, "#   %s[%d]: %s %#llx, %s %#llx\n", what, index, c->na,
                (unsigned long long)a, c->nb, (unsigned long long)b);
}

static void cmp_u64(Cmp *c, const char *what, const void *a, const void *b,
                    int n, bool fp)
{
    for (int i = 0; i < n; i++) {
        uint64_t x, y;
        memcpy(&x, (const char *)a + 8 * i, 8);
        memcpy(&y, (const char *)b + 8 * i, 8);
        if (x != y && !(fp && nan64(x) && nan64(y)))
            report(c, what, i, x, y);
    }
}

static void cmp_u32(Cmp *c, const char *what, const void *a, const void *b,
                    int n, bool fp)
{
    for (int i = 0; i < n; i++) {
        uint32_t x, y;
        memcpy(&x, (const char *)a + 4 * i, 4);
        memcpy(&y, (const char *)b + 4 * i, 4);
        if (x != y && !(fp && nan32(x) && nan32(y)))
            report(c, what, i, x, y);
    }
}

bool diff_state_equal(const DiffState *a, const DiffState *b, FILE *out,
                      const char *name_a, const char *name_b)
{
    Cmp c = { out, name_a, name_b, true, 0 };
    const DiffEnv *x = &a->env, *y = &b->env;
    cmp_u64(&c, "x", x->g64, y->g64, DIFF_NB_G64, false);
    cmp_u32(&c, "w", x->g32, y->g32, DIFF_NB_G32, false);
    cmp_u64(&c, "d", x->f64, y->f64, DIFF_NB_F64, true);
    cmp_u32(&c, "s", x->f32, y->f32, DIFF_NB_F32, true);
    cmp_u64(&c, "env.sint/8", x->sint, y->sint, DIFF_SINT_SIZE / 8, false);
    cmp_u32(&c, "env.sf32", x->sf32, y->sf32, DIFF_NB_SF32, true);
    cmp_u64(&c, "env.sf64", x->sf64, y->sf64, DIFF_NB_SF64, true);
    cmp_u64(&c, "guest.int/8", a->guest + DIFF_GUEST_INT,
            b->guest + DIFF_GUEST_INT, DIFF_GUEST_INT_SIZE / 8, false);
    cmp_u32(&c, "guest.f32/4", a->guest + DIFF_GUEST_F32,
            b->guest + DIFF_GUEST_F32, DIFF_GUEST_FP_SIZE / 4, true);
    cmp_u64(&c, "guest.f64/8", a->guest + DIFF_GUEST_F64,
            b->guest + DIFF_GUEST_F64, DIFF_GUEST_FP_SIZE / 8, true);
    return c.equal;
}

const char *diff_flags_str(int flags, char buf[32])
{
    static const struct { int bit; const char *name; } names[] = {
        { FE_INVALID, "NV" }, { FE_DIVBYZERO, "DZ" }, { FE_OVERFLOW, "OF" },
        { FE_UNDERFLOW, "UF" }, { FE_INEXACT, "NX" },
    };
    buf[0] = 0;
    for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (flags & names[i].bit) {
            if (buf[0])
                strcat(buf, "|");
            strcat(buf, names[i].name);
        }
    }
    if (!buf[0])
        strcpy(buf, "-");
    return buf;
}
