/*
 * Writing a pattern's test program (see dt_layout.h for the records).
 *
 *   _start       case index from argv[1] (default 0), jump to its entry
 *   dt_case_N    note the input record; initialise the data buffer; for SC
 *                cases run the LR; k = input record; jump to dt_load_k
 *   dt_load_k    fcsr, f0..f31, then every x register but k from the
 *                input record; k = the case's entry; jump there
 *   dt_entry_N   for some cases: li/lla of the instruction's integer
 *                operands, to the values they already have (constants in
 *                the translation block), then the instruction
 *   dt_insn_N    the instruction under test (.word/.half of its encoding)
 *                followed by a jump to dt_dump_k; for control transfers,
 *                landing zones instead (below)
 *   dt_dump_k    store x1..x31 (k: the record's address), f0..f31, fcsr;
 *                write(1, record); jump to the next case's entry
 *
 * k is a register the instruction does not name, so its value cannot
 * change the result.  A landing zone is a sled of `c.addi m1, 1` around a
 * target, then `c.li m2, zone` and a jump to the dump: m1 counts the
 * halfwords from the landing point to the sled's end and m2 names the
 * zone, so the dump shows where the pc went.  The fall-through zone starts
 * right after the instruction; a taken target gets a zone from 8 bytes
 * before to 8 bytes after it, all other bytes around are zeros (an illegal
 * instruction).  Islands are laid out with .skip, byte-exact: everything in
 * them is raw .half/.word or an 8-byte auipc+jalr (norvc, norelax).
 */
#include "dt_asm.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

enum {
    SLED_BEFORE = 8,        /* bytes of sled before a taken target */
    SLED_AFTER = 8,         /* and after it */
    SLED_FALL = 16,         /* bytes of sled at the fall-through */
    ZONE_TAIL = 10,         /* c.li m2 (2) + auipc/jalr (8) */
    MAX_ZONES = 4,
};

typedef struct Zone {
    int64_t lo, hi;         /* sled [lo, hi) relative to the instruction */
} Zone;

static const char *xname(int r)
{
    static char buf[32][4];
    snprintf(buf[r], sizeof buf[r], "x%d", r);
    return buf[r];
}

static int scratch_not(int k)
{
    return k == 5 ? 6 : 5;
}

static uint16_t c_addi(int rd, int imm)
{
    return (uint16_t)(0x0001 | ((imm >> 5) & 1) << 12 | rd << 7 |
                      (imm & 0x1f) << 2);
}

static uint16_t c_li(int rd, int imm)
{
    return (uint16_t)(0x4001 | ((imm >> 5) & 1) << 12 | rd << 7 |
                      (imm & 0x1f) << 2);
}

static int zone_cmp(const void *a, const void *b)
{
    const Zone *x = a, *y = b;
    return x->lo < y->lo ? -1 : x->lo > y->lo;
}

/* Landing zones of a control-transfer case, sorted and merged. */
static int make_zones(const DtCase *c, Zone *z)
{
    int n = 0;
    int64_t len = c->len, t = c->target;
    z[n++] = (Zone){ len, len + SLED_FALL };
    if (t >= len) {
        int64_t lo = t - SLED_BEFORE < len ? len : t - SLED_BEFORE;
        z[n++] = (Zone){ lo, t + SLED_AFTER };
    } else {
        int64_t hi = t + SLED_AFTER > -ZONE_TAIL ? -ZONE_TAIL : t + SLED_AFTER;
        z[n++] = (Zone){ t - SLED_BEFORE, hi };
    }
    qsort(z, (size_t)n, sizeof *z, zone_cmp);
    int m = 0;
    for (int i = 0; i < n; i++) {
        if (m > 0 && z[i].lo < z[m - 1].hi + ZONE_TAIL) {
            if (z[i].hi > z[m - 1].hi)
                z[m - 1].hi = z[i].hi;
        } else {
            z[m++] = z[i];
        }
    }
    return m;
}

static void emit_zone(FILE *o, const DtCase *c, const Zone *z, int id)
{
    for (int64_t p = z->lo; p < z->hi; p += 2)
        fprintf(o, "    .half 0x%04x\n", c_addi(c->m1, 1));
    fprintf(o, "    .half 0x%04x\n", c_li(c->m2, id));
    fprintf(o, "    jump dt_dump_%d, %s\n", c->k, xname(c->k));
}

static void emit_xval(FILE *o, const DtCase *c, int i);

static void emit_insn(FILE *o, const DtCase *c)
{
    if (c->xconst) {
        fprintf(o, "dt_entry_%d:\n", c->index);
        for (int r = 1; r < 32; r++) {
            if (!(c->xconst >> r & 1))
                continue;
            fprintf(o, "    %s x%d, ", c->xsym[r] ? "lla" : "li", r);
            emit_xval(o, c, r);
            fprintf(o, "\n");
        }
    }
    if (!c->xconst)
        fprintf(o, "dt_entry_%d:\n", c->index);
    fprintf(o, "dt_insn_%d:\n", c->index);
    if (c->len == 2)
        fprintf(o, "    .half 0x%04x\n", c->insn & 0xffff);
    else
        fprintf(o, "    .word 0x%08x\n", c->insn);
}

static void emit_island(FILE *o, const DtCase *c)
{
    if (!c->control) {
        emit_insn(o, c);
        fprintf(o, "    jump dt_dump_%d, %s\n", c->k, xname(c->k));
        return;
    }
    Zone z[MAX_ZONES];
    int n = make_zones(c, z);
    int64_t pos = z[0].lo < 0 ? z[0].lo : 0;
    for (int i = 0; i < n; i++) {
        if (z[i].lo >= 0 && pos <= 0) {
            if (pos < 0)
                fprintf(o, "    .skip %" PRId64 ", 0\n", -pos);
            emit_insn(o, c);
            pos = c->len;
        }
        if (z[i].lo > pos)
            fprintf(o, "    .skip %" PRId64 ", 0\n", z[i].lo - pos);
        emit_zone(o, c, &z[i], i + 1);
        pos = z[i].hi + ZONE_TAIL;
    }
}

static void emit_entry(FILE *o, const DtShape *s, const DtCase *c)
{
    int k = c->k;
    fprintf(o, "    .balign 4, 0\ndt_case_%d:\n", c->index);
    fprintf(o, "    lla t0, dt_cur\n    lla t1, dt_in_%d\n    sd t1, 0(t0)\n",
            c->index);
    if (s->mem_base >= 0 && !s->hints.code_address)
        fprintf(o, "    call dt_meminit\n");
    if (c->lr_word) {
        fprintf(o, "    lla t0, dt_out+%d\n", DT_SLOT_BUF * 8 + c->lr_off);
        fprintf(o, "    .word 0x%08x\n", c->lr_word);
    }
    fprintf(o, "    lla %s, dt_in_%d\n", xname(k), c->index);
    fprintf(o, "    jump dt_load_%d, %s\n", k, xname(scratch_not(k)));
    emit_island(o, c);
}

static void emit_load(FILE *o, int k, bool fp)
{
    int s = scratch_not(k);
    fprintf(o, "dt_load_%d:\n", k);
    if (fp) {
        fprintf(o, "    ld %s, %d(%s)\n    fscsr %s\n", xname(s),
                DT_SLOT_FCSR * 8, xname(k), xname(s));
        for (int i = 0; i < 32; i++)
            fprintf(o, "    fld f%d, %d(%s)\n", i, (DT_SLOT_F + i) * 8,
                    xname(k));
    }
    for (int i = 1; i < 32; i++)
        if (i != k)
            fprintf(o, "    ld x%d, %d(%s)\n", i, (DT_SLOT_X + i) * 8,
                    xname(k));
    fprintf(o, "    ld %s, %d(%s)\n    jr %s\n", xname(k), (DT_SLOT_X + k) * 8,
            xname(k), xname(k));
}

static void emit_dump(FILE *o, int k, bool fp)
{
    int s = scratch_not(k);
    fprintf(o, "dt_dump_%d:\n    lla %s, dt_out\n", k, xname(k));
    for (int i = 1; i < 32; i++)
        fprintf(o, "    sd x%d, %d(%s)\n", i, (DT_SLOT_X + i) * 8, xname(k));
    if (fp) {
        for (int i = 0; i < 32; i++)
            fprintf(o, "    fsd f%d, %d(%s)\n", i, (DT_SLOT_F + i) * 8,
                    xname(k));
        fprintf(o, "    frcsr %s\n    sd %s, %d(%s)\n", xname(s), xname(s),
                DT_SLOT_FCSR * 8, xname(k));
    }
    fprintf(o, "    j dt_write\n");
}

static void emit_common(FILE *o, int n, bool meminit)
{
    fprintf(o,
        "    .text\n    .globl _start\n_start:\n"
        "    ld a0, 0(sp)\n    li s0, 0\n    li t1, 2\n    blt a0, t1, 2f\n"
        "    ld a1, 16(sp)\n"
        "1:  lbu t0, 0(a1)\n    beqz t0, 2f\n    addi t0, t0, -48\n"
        "    li t2, 10\n    mul s0, s0, t2\n    add s0, s0, t0\n"
        "    addi a1, a1, 1\n    j 1b\n"
        "2:  li t0, %d\n    bgeu s0, t0, dt_exit\n"
        "    lla t0, dt_case_table\n    slli s0, s0, 3\n    add t0, t0, s0\n"
        "    ld t0, 0(t0)\n    jr t0\n"
        "dt_exit:\n    li a0, 0\n    li a7, 93\n    ecall\n"
        "dt_write:\n    lla t2, dt_out\n    lla t0, dt_cur\n    ld t0, 0(t0)\n"
        "    ld t1, 0(t0)\n    sd t1, 0(t2)\n"
        "    li a0, 1\n    mv a1, t2\n    li a2, %d\n    li a7, 64\n    ecall\n"
        "    ld t0, %d(t0)\n    jr t0\n",
        n, DT_REC_BYTES, DT_IN_NEXT * 8);
    if (meminit) {
        fprintf(o, "dt_meminit:\n    lla t0, dt_cur\n    ld t1, 0(t0)\n"
                   "    lla t0, dt_out+%d\n", DT_SLOT_BUF * 8);
        for (int i = 0; i < DT_BUF_BYTES; i += 8)
            fprintf(o, "    ld t2, %d(t1)\n    sd t2, %d(t0)\n",
                    DT_IN_MEM * 8 + i, i);
        fprintf(o, "    ret\n");
    }
}

static void emit_xval(FILE *o, const DtCase *c, int i)
{
    switch (c->xsym[i]) {
    case DT_SYM_BUF:
        fprintf(o, "dt_out+%d+(%" PRId64 ")", DT_SLOT_BUF * 8,
                (int64_t)c->x[i]);
        break;
    case DT_SYM_INSN:
        fprintf(o, "dt_insn_%d+(%" PRId64 ")", c->index, (int64_t)c->x[i]);
        break;
    case DT_SYM_ENTRY:
        fprintf(o, "dt_entry_%d+(%" PRId64 ")", c->index, (int64_t)c->x[i]);
        break;
    default:
        fprintf(o, "0x%016" PRIx64, c->x[i]);
    }
}

static void emit_record(FILE *o, const DtShape *s, const DtCase *c, int n)
{
    fprintf(o, "    .balign 8\ndt_in_%d:\n    .dword %d\n", c->index, c->index);
    for (int i = 1; i < 32; i++) {
        fprintf(o, "    .dword ");
        emit_xval(o, c, i);
        fprintf(o, "\n");
    }
    for (int i = 0; i < 32; i += 4)
        fprintf(o, "    .dword 0x%016" PRIx64 ", 0x%016" PRIx64
                   ", 0x%016" PRIx64 ", 0x%016" PRIx64 "\n",
                c->f[i], c->f[i + 1], c->f[i + 2], c->f[i + 3]);
    fprintf(o, "    .dword 0x%" PRIx64 "\n", c->fcsr);
    if (c->index + 1 < n)
        fprintf(o, "    .dword dt_case_%d\n", c->index + 1);
    else
        fprintf(o, "    .dword dt_exit\n");
    if (s->mem_base >= 0 && !s->hints.code_address) {
        for (int i = 0; i < DT_BUF_BYTES; i += 8) {
            uint64_t v;
            memcpy(&v, &c->mem[i], 8);
            fprintf(o, "    .dword 0x%016" PRIx64 "\n", v);
        }
    }
}

void dt_asm_write(FILE *o, const DtShape *s, const DtCase *cases, int n,
                  const char *comment, bool fp)
{
    bool meminit = s->mem_base >= 0 && !s->hints.code_address;
    fprintf(o, "/* %s */\n    .option norelax\n    .option norvc\n", comment);
    emit_common(o, n, meminit);

    uint32_t ks = 0;
    for (int i = 0; i < n; i++)
        ks |= 1u << cases[i].k;
    for (int k = 1; k < 32; k++)
        if (ks >> k & 1) {
            emit_load(o, k, fp);
            emit_dump(o, k, fp);
        }
    for (int i = 0; i < n; i++)
        emit_entry(o, s, &cases[i]);

    fprintf(o, "    .data\n    .balign 8\ndt_case_table:\n");
    for (int i = 0; i < n; i++)
        fprintf(o, "    .dword dt_case_%d\n", i);
    fprintf(o, "dt_cur:\n    .dword 0\n    .balign 16\ndt_out:\n"
               "    .zero %d\n", DT_REC_BYTES);
    for (int i = 0; i < n; i++)
        emit_record(o, s, &cases[i], n);
}
