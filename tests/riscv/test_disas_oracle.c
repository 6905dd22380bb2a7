/*
 * Oracle test: the disassembler generated from the defs/riscv .decode specs against
 * GNU objdump (riscv64-linux-gnu-objdump -d -z -M no-aliases), the
 * independent reference.
 *
 * objdump decodes what the ELF's .riscv.attributes arch string names (raw
 * binary input means rv64gc only, and binutils 2.40 has no option to
 * change that), so the bytes are wrapped in an object file: `as
 * -march=ARCH` of ".incbin", symbols stripped (else objdump dumps the
 * section as data).  ARCH is rv64gc plus every extension of rv_ext_table
 * (src/frontend/riscv/rv_ext.h) the assembler accepts.  An extension it
 * rejects (one newer than binutils: Zicond for 2.40) is one objdump cannot
 * decode: where rvtcg decodes a word with that extension's table and
 * objdump prints ".4byte", the difference is deliberate and reported per
 * extension.  Nothing here names an extension.
 *
 * Three byte streams are disassembled by both and compared instruction by
 * instruction (address, so the instruction lengths agree; mnemonic; operands,
 * without objdump's "# ..." annotations):
 *   1. all 65,536 halfwords (the 16384 that open a longer instruction are
 *      padded with zero halfwords to their length);
 *   2. N random 32-bit instruction words (seeded; N from --random);
 *   3. for every pattern of the base tables and of every extension's, 64
 *      words with the
 *      pattern's fixed bits and random other bits, so that every pattern is
 *      exercised however narrow it is.
 * A mismatch fails unless the instruction falls in a class listed in the
 * "Deliberate differences" table of docs/decode-format.md (read by this
 * test, so documentation and test cannot drift apart).  Output is TAP.
 */
#include "rv_disas.h"
#include "decode-riscv16.h"
#include "decode-riscv32.h"
#include "rv_ext.h"

#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- deliberate differences, from docs/decode-format.md ---------------- */

typedef struct Diff {
    unsigned width;        /* 16 or 32 */
    uint32_t mask, match;
    char objdump[32];      /* the mnemonic objdump prints, or "*" */
    char rvtcg[32];        /* the mnemonic we print, or "*" */
    char what[400];
    unsigned long hits;
} Diff;

static Diff diffs[64];
static int ndiffs;

/* Copies the next "|"-separated cell of *p, trimmed, into out. */
static bool next_cell(char **p, char *out, size_t n)
{
    char *s = *p;
    while (*s == ' ')
        s++;
    char *bar = strchr(s, '|');
    if (!bar)
        return false;
    char *e = bar;
    while (e > s && e[-1] == ' ')
        e--;
    snprintf(out, n, "%.*s", (int)(e - s), s);
    *p = bar + 1;
    return true;
}

/* Rows: | width | mask | match | objdump mnemonic | rvtcg mnemonic | why | */
static void load_diffs(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        printf("Bail out! cannot read %s: %s\n", path, strerror(errno));
        exit(1);
    }
    char line[1024];
    bool in_table = false;
    while (fgets(line, sizeof line, f)) {
        if (strstr(line, "<!-- objdump-differences -->")) {
            in_table = !in_table;
            continue;
        }
        if (!in_table || line[0] != '|')
            continue;
        char *p = line + 1, cell[6][400];
        int k = 0;
        while (k < 6 && next_cell(&p, cell[k], sizeof cell[k]))
            k++;
        char *end;
        unsigned long w = strtoul(cell[0], &end, 10);
        if (k < 6 || *end || (w != 16 && w != 32))
            continue;   /* the header and separator rows */
        if (ndiffs == (int)(sizeof diffs / sizeof diffs[0]))
            break;
        Diff *d = &diffs[ndiffs++];
        d->width = (unsigned)w;
        d->mask = (uint32_t)strtoul(cell[1], NULL, 16);
        d->match = (uint32_t)strtoul(cell[2], NULL, 16);
        snprintf(d->objdump, sizeof d->objdump, "%.31s", cell[3]);
        snprintf(d->rvtcg, sizeof d->rvtcg, "%.31s", cell[4]);
        snprintf(d->what, sizeof d->what, "%s", cell[5]);
    }
    fclose(f);
    if (ndiffs == 0) {
        printf("Bail out! no deliberate-difference table in %s\n", path);
        exit(1);
    }
}

static bool mnemonic_matches(const char *want, const char *got)
{
    return !strcmp(want, "*") || !strcmp(want, got);
}

static Diff *find_diff(unsigned len, uint64_t raw, const char *objdump_mn,
                       const char *our_mn)
{
    for (int i = 0; i < ndiffs; i++) {
        Diff *d = &diffs[i];
        if (d->width / 8 == len && ((uint32_t)raw & d->mask) == d->match &&
            mnemonic_matches(d->objdump, objdump_mn) &&
            mnemonic_matches(d->rvtcg, our_mn))
            return d;
    }
    return NULL;
}

/* ---- objdump ------------------------------------------------------------ */

typedef struct ObjLine {
    uint64_t addr;
    char *mnemonic;
    char *operands;
} ObjLine;

typedef struct ObjDump {
    ObjLine *v;
    size_t n, cap;
} ObjDump;

static char *xstrdup(const char *s)
{
    char *p = strdup(s);
    if (!p) {
        printf("Bail out! out of memory\n");
        exit(1);
    }
    return p;
}

static void trim(char *s)
{
    size_t k = strlen(s);
    while (k && (s[k - 1] == ' ' || s[k - 1] == '\n' || s[k - 1] == '\t'))
        s[--k] = 0;
}

/* The tools and the arch string objdump decodes with. */
static const char *objdump = "riscv64-linux-gnu-objdump";
static const char *assembler = "riscv64-linux-gnu-as";
static const char *objcopy = "riscv64-linux-gnu-objcopy";
static char arch[512] = "rv64gc";
static bool *ext_in_arch;      /* per rv_ext_table entry: in arch */
static unsigned long *ext_unknown_hits;  /* per entry: deliberate .4byte */
static char tmpdir[] = "/tmp/rvtcg-oracle-XXXXXX";

static void remove_tmpdir(void)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", tmpdir);
}

static void run_or_bail(const char *cmd)
{
    int st = system(cmd);
    if (st != 0) {
        printf("Bail out! '%s' failed (status %d)\n", cmd, st);
        exit(1);
    }
}

/* Does the assembler accept -march=rv64gc_NAME? */
static bool assembler_knows(const char *name)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "'%s' -march=rv64gc_%s -o '%s/probe.o' "
             "/dev/null 2>/dev/null", assembler, name, tmpdir);
    int st = system(cmd);
    return st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

/* arch = rv64gc + the RV_EXT extensions the assembler knows. */
static void choose_arch(void)
{
    ext_in_arch = calloc(rv_ext_count, sizeof *ext_in_arch);
    ext_unknown_hits = calloc(rv_ext_count, sizeof *ext_unknown_hits);
    for (unsigned i = 0; i < rv_ext_count; i++) {
        const RvExtInfo *e = &rv_ext_table[i];
        if (!e->patterns)
            continue;
        if (assembler_knows(e->name)) {
            ext_in_arch[i] = true;
            size_t k = strlen(arch);
            snprintf(arch + k, sizeof arch - k, "_%s", e->name);
        } else {
            printf("# extension %s: unknown to %s, so to objdump: its words "
                   "are expected as .4byte\n", e->name, assembler);
        }
    }
    printf("# objdump decodes -march=%s\n", arch);
}

/* Runs objdump on the bytes and parses "ADDR:\tBYTES\tMNEMONIC[\tOPS]". */
static void run_objdump(const uint8_t *bytes, size_t n, ObjDump *out)
{
    char path[600], cmd[2048];
    snprintf(path, sizeof path, "%s/words.bin", tmpdir);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(bytes, 1, n, f) != n || fclose(f) != 0) {
        printf("Bail out! cannot write %s\n", path);
        exit(1);
    }
    snprintf(path, sizeof path, "%s/words.s", tmpdir);
    f = fopen(path, "w");
    if (!f || fprintf(f, "\t.text\n\t.incbin \"%s/words.bin\"\n",
                      tmpdir) < 0 || fclose(f) != 0) {
        printf("Bail out! cannot write %s\n", path);
        exit(1);
    }
    snprintf(cmd, sizeof cmd, "'%s' -march=%s -o '%s/words.o' '%s'",
             assembler, arch, tmpdir, path);
    run_or_bail(cmd);
    snprintf(cmd, sizeof cmd, "'%s' --strip-all '%s/words.o'", objcopy,
             tmpdir);
    run_or_bail(cmd);
    snprintf(cmd, sizeof cmd, "'%s' -d -z -M no-aliases '%s/words.o'",
             objdump, tmpdir);
    FILE *p = popen(cmd, "r");
    if (!p) {
        printf("Bail out! cannot run %s\n", objdump);
        exit(1);
    }
    char line[1024];
    memset(out, 0, sizeof *out);
    while (fgets(line, sizeof line, p)) {
        char *colon = strchr(line, ':');
        if (!colon || colon[1] != '\t')
            continue;
        char *end;
        uint64_t addr = strtoull(line, &end, 16);
        if (end != colon)
            continue;
        char *f1 = colon + 2;               /* raw bytes */
        char *t1 = strchr(f1, '\t');
        if (!t1)
            continue;                       /* continuation of long bytes */
        char *mn = t1 + 1;
        char *t2 = strchr(mn, '\t');
        char *ops = "";
        if (t2) {
            *t2 = 0;
            ops = t2 + 1;
        }
        trim(mn);
        char *hash = strstr(ops, " # ");
        if (hash)
            *hash = 0;
        trim(ops);
        if (out->n == out->cap) {
            out->cap = out->cap ? out->cap * 2 : 4096;
            out->v = realloc(out->v, out->cap * sizeof *out->v);
            if (!out->v) {
                printf("Bail out! out of memory\n");
                exit(1);
            }
        }
        out->v[out->n++] = (ObjLine){ addr, xstrdup(mn), xstrdup(ops) };
    }
    int st = pclose(p);
    if (st != 0) {
        printf("Bail out! %s failed (status %d)\n", objdump, st);
        exit(1);
    }
}

static void free_objdump(ObjDump *o)
{
    for (size_t i = 0; i < o->n; i++) {
        free(o->v[i].mnemonic);
        free(o->v[i].operands);
    }
    free(o->v);
}

/* ---- comparison ----------------------------------------------------------- */

static int test_no;
static int failures;

/* Per-pattern hit counts, to prove every pattern was exercised. */
static unsigned long *hits16, *hits32;
static unsigned long **hits_ext;    /* per rv_ext_table entry, per pattern */

/* The rv_ext_table entry whose table decodes the 32-bit word RAW (not the
 * base one), or -1; its pattern in *D. */
static int ext_of(uint32_t raw, DecodeDisasInsn *d)
{
    if (disas_riscv32(raw, d))
        return -1;
    for (unsigned i = 0; i < rv_ext_count; i++)
        if (rv_ext_table[i].disas && rv_ext_table[i].disas(raw, d))
            return (int)i;
    return -1;
}

static void count_pattern(unsigned len, uint64_t raw)
{
    DecodeDisasInsn d;
    if (len == 2 && disas_riscv16((uint32_t)raw, &d)) {
        hits16[d.pat - disas_riscv16_patterns]++;
    } else if (len == 4 && disas_riscv32((uint32_t)raw, &d)) {
        hits32[d.pat - disas_riscv32_patterns]++;
    } else if (len == 4) {
        int e = ext_of((uint32_t)raw, &d);
        if (e >= 0)
            hits_ext[e][d.pat - rv_ext_table[e].patterns]++;
    }
}

/* A mismatch objdump cannot help: RAW is decoded by an extension the
 * assembler (so objdump) does not know, and objdump printed .4byte. */
static bool unknown_ext_word(unsigned len, uint64_t raw, const char *objmn)
{
    DecodeDisasInsn d;
    if (len != 4 || strcmp(objmn, ".4byte") != 0)
        return false;
    int e = ext_of((uint32_t)raw, &d);
    if (e < 0 || ext_in_arch[e])
        return false;
    ext_unknown_hits[e]++;
    return true;
}

/* Compares our disassembly of bytes[0..n) with objdump's; one TAP line. */
static void compare(const char *name, const uint8_t *bytes, size_t n)
{
    ObjDump od;
    run_objdump(bytes, n, &od);

    unsigned long insns = 0, agree = 0, deliberate = 0, bad = 0;
    size_t off = 0, oi = 0;
    RvDisasOpts opts = { .elf_style = false };
    for (int i = 0; i < ndiffs; i++)
        diffs[i].hits = 0;
    for (unsigned i = 0; i < rv_ext_count; i++)
        ext_unknown_hits[i] = 0;

    while (off < n) {
        RvDisasInsn in;
        unsigned len = rv_disas(&in, off, bytes + off, n - off, &opts);
        if (len == 0)
            break;
        insns++;
        count_pattern(len, in.raw);
        const ObjLine *ol = oi < od.n ? &od.v[oi] : NULL;
        if (!ol || ol->addr != off) {
            printf("# %s: at 0x%zx objdump has %s instruction boundary\n",
                   name, off, ol ? "a different" : "no");
            bad++;
            break;
        }
        oi++;
        if (!strcmp(ol->mnemonic, in.mnemonic) &&
            !strcmp(ol->operands, in.operands)) {
            agree++;
        } else {
            Diff *d = find_diff(len, in.raw, ol->mnemonic, in.mnemonic);
            if (d) {
                d->hits++;
                deliberate++;
            } else if (unknown_ext_word(len, in.raw, ol->mnemonic)) {
                deliberate++;
            } else {
                if (bad < 30)
                    printf("# %s: 0x%0*" PRIx64 ": objdump '%s %s', "
                           "rvtcg '%s %s' (%s:%d)\n",
                           name, (int)len * 2, in.raw, ol->mnemonic,
                           ol->operands, in.mnemonic, in.operands,
                           in.file ? in.file : "-", in.line);
                bad++;
            }
        }
        off += len;
    }
    if (oi != od.n && !bad) {
        printf("# %s: objdump printed %zu instructions, rvtcg %zu\n", name,
               od.n, oi);
        bad++;
    }
    for (int i = 0; i < ndiffs; i++)
        if (diffs[i].hits)
            printf("# %s: %lu deliberate: %s\n", name, diffs[i].hits,
                   diffs[i].what);
    for (unsigned i = 0; i < rv_ext_count; i++)
        if (ext_unknown_hits[i])
            printf("# %s: %lu deliberate: %s words, an extension objdump "
                   "does not know (.4byte)\n", name, ext_unknown_hits[i],
                   rv_ext_table[i].name);
    printf("%s %d - %s: %lu instructions, %lu agree, %lu deliberate "
           "differences, %lu mismatches\n",
           bad ? "not ok" : "ok", ++test_no, name, insns, agree, deliberate,
           bad);
    if (bad)
        failures++;
    free_objdump(&od);
}

/* ---- streams -------------------------------------------------------------- */

static uint64_t rng_state;

static uint32_t rng32(void)
{
    /* xorshift64* (Vigna) */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 0x2545F4914F6CDD1DULL) >> 32);
}

typedef struct Bytes {
    uint8_t *p;
    size_t n, cap;
} Bytes;

static void put16(Bytes *b, uint16_t h)
{
    if (b->n + 2 > b->cap) {
        b->cap = b->cap ? b->cap * 2 : 1 << 16;
        b->p = realloc(b->p, b->cap);
        if (!b->p) {
            printf("Bail out! out of memory\n");
            exit(1);
        }
    }
    b->p[b->n++] = (uint8_t)h;
    b->p[b->n++] = (uint8_t)(h >> 8);
}

static void put32(Bytes *b, uint32_t w)
{
    put16(b, (uint16_t)w);
    put16(b, (uint16_t)(w >> 16));
}

/* A random word with a 32-bit length encoding (bits 1:0 = 11, 4:2 != 111). */
static uint32_t random_insn32(uint32_t fixedmask, uint32_t fixedbits)
{
    for (;;) {
        uint32_t w = (rng32() & ~fixedmask) | fixedbits;
        if ((w & 3) == 3 && (w & 0x1c) != 0x1c)
            return w;
    }
}

static void report_coverage(void)
{
    int missing = 0;
    for (int i = 0; i < disas_riscv16_npatterns; i++)
        if (!hits16[i]) {
            printf("# pattern never decoded: %s (%s:%d)\n",
                   disas_riscv16_patterns[i].name,
                   disas_riscv16_patterns[i].file,
                   disas_riscv16_patterns[i].line);
            missing++;
        }
    for (int i = 0; i < disas_riscv32_npatterns; i++)
        if (!hits32[i]) {
            printf("# pattern never decoded: %s (%s:%d)\n",
                   disas_riscv32_patterns[i].name,
                   disas_riscv32_patterns[i].file,
                   disas_riscv32_patterns[i].line);
            missing++;
        }
    int next = 0;
    for (unsigned e = 0; e < rv_ext_count; e++) {
        const RvExtInfo *x = &rv_ext_table[e];
        if (!x->patterns)
            continue;
        next += *x->npatterns;
        for (int i = 0; i < *x->npatterns; i++)
            if (!hits_ext[e][i]) {
                printf("# pattern never decoded: %s (%s:%d)\n",
                       x->patterns[i].name, x->patterns[i].file,
                       x->patterns[i].line);
                missing++;
            }
    }
    printf("%s %d - every pattern decoded at least once (%d 16-bit, %d "
           "32-bit base, %d extension patterns, %d missing)\n",
           missing ? "not ok" : "ok", ++test_no, disas_riscv16_npatterns,
           disas_riscv32_npatterns, next, missing);
    if (missing)
        failures++;
}

int main(int argc, char **argv)
{
    const char *doc = "docs/decode-format.md";
    unsigned long nrandom = 1000000;
    uint64_t seed = 0x5eed5eedULL;

    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--objdump") && i + 1 < argc)
            objdump = argv[++i];
        else if (!strcmp(argv[i], "--as") && i + 1 < argc)
            assembler = argv[++i];
        else if (!strcmp(argv[i], "--objcopy") && i + 1 < argc)
            objcopy = argv[++i];
        else if (!strcmp(argv[i], "--doc") && i + 1 < argc)
            doc = argv[++i];
        else if (!strcmp(argv[i], "--random") && i + 1 < argc)
            nrandom = strtoul(argv[++i], NULL, 0);
        else if (!strcmp(argv[i], "--seed") && i + 1 < argc)
            seed = strtoull(argv[++i], NULL, 0);
        else {
            fprintf(stderr, "usage: %s [--objdump P] [--as P] [--objcopy P] [--doc F] [--random N] "
                    "[--seed S]\n", argv[0]);
            return 2;
        }
    }
    rng_state = seed ? seed : 1;
    load_diffs(doc);
    hits16 = calloc((size_t)disas_riscv16_npatterns + 1, sizeof *hits16);
    hits32 = calloc((size_t)disas_riscv32_npatterns + 1, sizeof *hits32);
    hits_ext = calloc(rv_ext_count, sizeof *hits_ext);
    for (unsigned e = 0; e < rv_ext_count; e++)
        if (rv_ext_table[e].patterns)
            hits_ext[e] = calloc((size_t)*rv_ext_table[e].npatterns + 1,
                                 sizeof **hits_ext);
    if (!mkdtemp(tmpdir)) {
        printf("Bail out! mkdtemp: %s\n", strerror(errno));
        return 1;
    }
    atexit(remove_tmpdir);

    printf("1..4\n# seed 0x%" PRIx64 ", %d deliberate-difference classes\n",
           seed, ndiffs);
    choose_arch();

    /* 1. Every halfword. */
    Bytes b = {0};
    for (uint32_t h = 0; h < 0x10000; h++) {
        put16(&b, (uint16_t)h);
        for (unsigned k = 2; k < rv_insn_length((uint16_t)h); k += 2)
            put16(&b, 0);
    }
    compare("all 65536 halfwords", b.p, b.n);

    /* 2. Random 32-bit words. */
    b.n = 0;
    for (unsigned long i = 0; i < nrandom; i++)
        put32(&b, random_insn32(0, 0));
    char name[64];
    snprintf(name, sizeof name, "%lu random 32-bit words", nrandom);
    compare(name, b.p, b.n);

    /* 3. Words aimed at each pattern. */
    b.n = 0;
    for (int i = 0; i < disas_riscv32_npatterns; i++)
        for (int k = 0; k < 64; k++)
            put32(&b, random_insn32(disas_riscv32_patterns[i].fixedmask,
                                    disas_riscv32_patterns[i].fixedbits));
    for (unsigned e = 0; e < rv_ext_count; e++) {
        const RvExtInfo *x = &rv_ext_table[e];
        for (int i = 0; x->patterns && i < *x->npatterns; i++)
            for (int k = 0; k < 64; k++)
                put32(&b, random_insn32(x->patterns[i].fixedmask,
                                        x->patterns[i].fixedbits));
    }
    for (int i = 0; i < disas_riscv16_npatterns; i++)
        for (int k = 0; k < 64; k++) {
            uint32_t m = disas_riscv16_patterns[i].fixedmask;
            put16(&b, (uint16_t)((rng32() & ~m) |
                                 disas_riscv16_patterns[i].fixedbits));
        }
    compare("64 words aimed at each pattern", b.p, b.n);

    report_coverage();
    free(b.p);
    free(hits16);
    free(hits32);
    return failures ? 1 : 0;
}
