/*
 * A small mutation fuzzer for ir_parse(), run as a unit test (also under
 * ASan+UBSan): the corpus program and snippets are mutated byte- and
 * line-wise with a fixed-seed generator.  The parser must never crash; a
 * text it accepts must dump, re-parse and dump to the same text, and the
 * verifier must not crash on it either.  IR_FUZZ_ROUNDS (and IR_FUZZ_SEED)
 * make a longer run by hand.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "ir_corpus.h"
#include "ir_text.h"
#include "ir_verify.h"
#include "check_run.h"
#include "test_rng.h"

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint32_t rnd(uint32_t n)
{
    return (uint32_t)(test_xorshift64(&rng_state) % n);
}

static const char *const seeds[] = {
    ir_corpus_text,
    "global i64 x1 env+8\n    add.i64 t0, x1, $1\nL0:\n"
    "    brcond.i64 t0, $-0x1001, ltu, L0\n    exit_tb 0x0\n",
    "    call.i64 {t0}, {$5:i64, $0x3f800000:i32}, helper_a\n"
    "    ld_guest.i32 b0, t0, sl|be|align\n    mb ld_ld|st_st\n",
};

static const char alphabet[] =
    "$@,{}:=.|#-+ \n\t0123456789abcdefxtbLi6432_Z";

/* One random edit of BUF (length *LEN, capacity CAP). */
static void mutate(char *buf, size_t *len, size_t cap)
{
    size_t n = *len;
    size_t at = n ? rnd((uint32_t)n) : 0;
    switch (rnd(6)) {
    case 0: /* delete a few bytes */
        if (n) {
            size_t k = 1 + rnd(8);
            if (at + k > n)
                k = n - at;
            memmove(buf + at, buf + at + k, n - at - k);
            *len = n - k;
        }
        break;
    case 1: /* insert a byte */
        if (n + 1 < cap) {
            memmove(buf + at + 1, buf + at, n - at);
            buf[at] = alphabet[rnd(sizeof alphabet - 1)];
            *len = n + 1;
        }
        break;
    case 2: /* replace a byte, sometimes with any byte */
        if (n)
            buf[at] = rnd(8) ? alphabet[rnd(sizeof alphabet - 1)]
                             : (char)(1 + rnd(255));
        break;
    case 3: { /* copy a chunk elsewhere */
        size_t k = 1 + rnd(40);
        if (n && at + k <= n && n + k < cap) {
            size_t to = rnd((uint32_t)n);
            char tmp[64];
            memcpy(tmp, buf + at, k);
            memmove(buf + to + k, buf + to, n - to);
            memcpy(buf + to, tmp, k);
            *len = n + k;
        }
        break;
    }
    case 4: /* a digit string becomes a large number */
        if (n + 20 < cap) {
            const char *big = rnd(2) ? "18446744073709551616" : "0xffffffff";
            size_t k = strlen(big);
            memmove(buf + at + k, buf + at, n - at);
            memcpy(buf + at, big, k);
            *len = n + k;
        }
        break;
    default: /* truncate */
        *len = at;
        break;
    }
    buf[*len] = 0;
}

START_TEST(parser_survives_mutations)
{
    enum { CAP = 16384 };
    /* IR_FUZZ_ROUNDS=N runs a longer campaign by hand */
    const char *env = getenv("IR_FUZZ_ROUNDS");
    unsigned ROUNDS = env ? (unsigned)strtoul(env, NULL, 0) : 20000;
    if (env && getenv("IR_FUZZ_SEED"))
        rng_state = strtoull(getenv("IR_FUZZ_SEED"), NULL, 0) | 1;
    char *buf = malloc(CAP);
    char err[256];
    unsigned accepted = 0, rejected = 0;
    for (unsigned r = 0; r < ROUNDS; r++) {
        const char *seed = seeds[rnd(sizeof seeds / sizeof seeds[0])];
        size_t len = strlen(seed);
        memcpy(buf, seed, len + 1);
        unsigned edits = 1 + rnd(4);
        for (unsigned e = 0; e < edits; e++)
            mutate(buf, &len, CAP);
        IrCtx *ctx = ir_ctx_new();
        if (ir_parse(ctx, buf, "fuzz", err, sizeof err)) {
            accepted++;
            char *a = ir_dump_str(ctx);
            (void)ir_verify(ctx, err, sizeof err);
            IrCtx *again = ir_ctx_new();
            ck_assert_msg(ir_parse(again, a, "dump", err, sizeof err),
                          "dump not parsed: %s\n%s", err, a);
            char *b = ir_dump_str(again);
            ck_assert_str_eq(a, b);
            free(a);
            free(b);
            ir_ctx_free(again);
        } else {
            rejected++;
            ck_assert_msg(!strncmp(err, "fuzz:", 5), "%s", err);
        }
        ir_ctx_free(ctx);
    }
    free(buf);
    /* both outcomes are exercised */
    ck_assert_uint_gt(accepted, ROUNDS / 100);
    ck_assert_uint_gt(rejected, ROUNDS / 100);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("ir_fuzz");
    TCase *tc = tcase_create("fuzz");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, parser_survives_mutations);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    ir_corpus_register_helpers();
    return ck_run(suite());
}
