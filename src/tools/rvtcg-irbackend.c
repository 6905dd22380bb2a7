/*
 * rvtcg-irbackend: compiles a textual IR file (docs/ir.md, "Textual form")
 * with the x86-64 backend and prints each IR op followed by the host
 * instructions it became, disassembled with Zydis.
 *
 *   rvtcg-irbackend FILE.ir [--no-opt] [--opt-disable=RULES]
 *                   [--features=LIST] [--guest-base=N]
 *
 * The optimizer (src/opt) runs first unless --no-opt.  --features takes
 * `host` (the default), `none`, a comma list of feature names (sse41 popcnt
 * lzcnt bmi1 bmi2 fma avx pclmul) that replaces the host's, or `-name` items that
 * remove features from the host's; features the host lacks are never used.
 * Code the register allocator emits between ops (reloads, moves, spills,
 * write-backs) is shown under the next op that has code of its own.
 * Addresses are offsets in the block.  Helpers named by `call` ops are
 * stand-ins (the code is shown, never run).  Errors: one line on stderr,
 * exit status 1.
 */
#include <Zydis/Zydis.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir_text.h"
#include "ir_verify.h"
#include "jit.h"
#include "jit_emit.h"
#include "opt.h"

static const char *prog = "rvtcg-irbackend";

static void die(const char *fmt, const char *a, const char *b)
{
    fprintf(stderr, "%s: ", prog);
    fprintf(stderr, fmt, a, b);
    fputc('\n', stderr);
    exit(1);
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        die("%s: %s", path, strerror(errno));
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    size_t n;
    while (buf && (n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (cap - len == 1) {
            cap *= 2;
            buf = realloc(buf, cap);
        }
    }
    if (!buf || ferror(f))
        die("%s: %s", path, "read error");
    fclose(f);
    buf[len] = 0;
    if (strlen(buf) != len)
        die("%s: %s", path, "contains a NUL byte");
    return buf;
}

static const struct {
    const char *name;
    uint32_t bit;
} feature_names[] = {
    { "sse41", IR_X86F_SSE41 }, { "popcnt", IR_X86F_POPCNT },
    { "lzcnt", IR_X86F_LZCNT }, { "bmi1", IR_X86F_BMI1 },
    { "bmi2", IR_X86F_BMI2 },   { "fma", IR_X86F_FMA },
    { "avx", IR_X86F_AVX },     { "pclmul", IR_X86F_PCLMUL },
};
#define NB_FEATURES (sizeof feature_names / sizeof feature_names[0])

static uint32_t parse_features(const char *list)
{
    uint32_t host = x86_host_features();
    if (!strcmp(list, "host"))
        return host;
    if (!strcmp(list, "none"))
        return 0;
    char *copy = strdup(list);
    uint32_t add = 0, remove = 0;
    bool any_add = false;
    for (char *tok = strtok(copy, ","); tok; tok = strtok(NULL, ",")) {
        bool neg = tok[0] == '-';
        const char *name = tok + neg;
        size_t i;
        for (i = 0; i < NB_FEATURES; i++)
            if (!strcmp(name, feature_names[i].name))
                break;
        if (i == NB_FEATURES)
            die("unknown feature '%s' in --features=%s", name, list);
        if (neg) {
            remove |= feature_names[i].bit;
        } else {
            add |= feature_names[i].bit;
            any_add = true;
        }
    }
    free(copy);
    return ((any_add ? add : host) & ~remove) & host;
}

static bool is_ident_char(char c, bool first)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           (!first && c >= '0' && c <= '9');
}

static void stand_in_helper(void)
{
}

/* Registers a stand-in for every helper a `call` line names (its last
 * comma-separated item). */
static void register_helpers(const char *text)
{
    for (const char *line = text; *line;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        const char *hash = memchr(line, '#', len);
        if (hash)
            len = (size_t)(hash - line);
        const char *p = line;
        while (p < line + len && (*p == ' ' || *p == '\t'))
            p++;
        if (line + len - p > 4 && !strncmp(p, "call", 4) &&
            (p[4] == '.' || p[4] == ' ' || p[4] == '\t')) {
            const char *q = line + len;
            while (q > p && (q[-1] == ' ' || q[-1] == '\t' || q[-1] == '\r'))
                q--;
            const char *s = q;
            while (s > p && is_ident_char(s[-1], false))
                s--;
            if (s < q && is_ident_char(*s, true)) {
                char *name = strndup(s, (size_t)(q - s));
                if (!ir_helper_find(name)) {
                    IrHelper *h = calloc(1, sizeof *h);
                    h->name = name;
                    h->func = stand_in_helper;
                    ir_helper_register(h);
                } else {
                    free(name);
                }
            }
        }
        line = end ? end + 1 : line + len;
    }
}

static void disassemble(const uint8_t *code, uint32_t from, uint32_t to)
{
    while (from < to) {
        ZydisDisassembledInstruction insn;
        ZyanStatus st = ZydisDisassembleIntel(ZYDIS_MACHINE_MODE_LONG_64, from,
                                              code + from, to - from, &insn);
        unsigned len = ZYAN_SUCCESS(st) ? insn.info.length : 1;
        char bytes[3 * 15 + 1] = "";
        for (unsigned i = 0; i < len && i < 15; i++)
            snprintf(bytes + 3 * i, 4, "%02x ", code[from + i]);
        printf("  %04" PRIx32 "  %-31s %s\n", from, bytes,
               ZYAN_SUCCESS(st) ? insn.text : "(bad)");
        from += len;
    }
}

static void usage_error(const char *msg, const char *arg)
{
    fprintf(stderr, "%s: %s%s (usage: %s FILE.ir [--no-opt] "
            "[--opt-disable=RULES] [--features=LIST] [--guest-base=N])\n",
            prog, msg, arg, prog);
    exit(1);
}

int main(int argc, char **argv)
{
    const char *path = NULL;
    bool optimize = true;
    OptConfig ocfg = opt_config_default();
    JitConfig jcfg = { .host_features = x86_host_features() };
    char err[512];

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--no-opt")) {
            optimize = false;
        } else if (!strncmp(a, "--features=", 11)) {
            jcfg.host_features = parse_features(a + 11);
        } else if (!strncmp(a, "--opt-disable=", 14)) {
            const char *bad;
            if (!opt_disable_rules(&ocfg, a + 14, &bad))
                die("unknown optimizer rule '%s' in %s", bad, a);
        } else if (!strncmp(a, "--guest-base=", 13)) {
            char *end;
            errno = 0;
            jcfg.guest_base = (uintptr_t)strtoull(a + 13, &end, 0);
            if (errno || end == a + 13 || *end)
                usage_error("bad number in ", a);
        } else if (a[0] == '-' && a[1]) {
            usage_error("unknown option ", a);
        } else if (path) {
            usage_error("more than one input file: ", a);
        } else {
            path = a;
        }
    }
    if (!path)
        usage_error("no input file", "");

    char *text = read_file(path);
    register_helpers(text);
    IrCtx *ctx = ir_ctx_new();
    if (!ir_parse(ctx, text, path, err, sizeof err))
        die("%s%s", err, "");
    if (!ir_verify(ctx, err, sizeof err))
        die("%s: invalid IR: %s", path, err);
    if (optimize)
        opt_run(ctx, &ocfg);

    Jit *jit = jit_new(&jcfg, err, sizeof err);
    if (!jit)
        die("%s%s", err, "");
    JitTb tb;
    JitCompileInfo info;
    int rc = jit_compile_info(jit, ctx, &tb, &info);
    if (rc == -1)
        die("%s: the block does not fit the code cache%s", path, "");
    if (rc == -2)
        die("%s: the block needs more spill slots than the frame has%s", path, "");

    printf("# %s: %s IR, host features:", path,
           optimize ? "optimized" : "unoptimized");
    for (size_t i = 0; i < NB_FEATURES; i++)
        if (jcfg.host_features & feature_names[i].bit)
            printf(" %s", feature_names[i].name);
    printf("\n# %" PRIu32 " bytes of code, %" PRIu32 " bytes of literals; "
           "offsets from the block start (negative: the fixed code)\n",
           info.code_bytes, tb.size - info.code_bytes);

    size_t s = 0;
    uint32_t done = 0;
    for (size_t i = 0; i < ir_op_count(ctx); i++) {
        const IrOp *op = ir_op_at(ctx, i);
        if (op->opc == IR_OP_nop)
            continue;
        ir_dump_op(ctx, op, stdout);        /* indented like ir_dump */
        fputc('\n', stdout);
        if (s < info.nb_spans && info.spans[s].op_index == i) {
            disassemble(tb.code, done, info.spans[s].end);
            done = info.spans[s].end;
            s++;
        }
    }
    if (done < info.code_bytes) {
        printf("    # after the last op\n");
        disassemble(tb.code, done, info.code_bytes);
    }
    if (tb.size > info.code_bytes) {
        printf("    # literals\n");
        for (uint32_t o = (info.code_bytes + 7) & ~7u; o + 8 <= tb.size; o += 8) {
            uint64_t v;
            memcpy(&v, tb.code + o, 8);
            printf("  %04" PRIx32 "  .quad 0x%016" PRIx64 "\n", o, v);
        }
    }

    free(info.spans);
    jit_tb_free(&tb);
    jit_free(jit);
    ir_ctx_free(ctx);
    free(text);
    return 0;
}
