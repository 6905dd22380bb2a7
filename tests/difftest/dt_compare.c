/*
 * Record comparison and mismatch reports (see dt_compare.h).
 */
#include "dt_compare.h"
#include "dt_layout.h"
#include "rv_disas.h"
#include "rv_names.h"

#include <inttypes.h>
#include <string.h>
#include <sys/wait.h>

static uint64_t slot(const uint8_t *rec, int i)
{
    uint64_t v;
    memcpy(&v, rec + 8 * i, 8);
    return v;
}

static void xval_text(const DtCase *c, int r, char *buf, size_t n)
{
    int64_t v = (int64_t)c->x[r];
    if (c->xsym[r] == DT_SYM_BUF)
        snprintf(buf, n, "buf%+" PRId64, v);
    else if (c->xsym[r] == DT_SYM_INSN)
        snprintf(buf, n, "insn%+" PRId64, v);
    else if (c->xsym[r] == DT_SYM_ENTRY)
        snprintf(buf, n, "entry%+" PRId64, v);
    else
        snprintf(buf, n, "0x%016" PRIx64, c->x[r]);
}

static void fcsr_text(uint64_t v, char *buf, size_t n)
{
    static const char *const rm[8] = { "rne", "rtz", "rdn", "rup", "rmm",
                                       "rm5", "rm6", "rm7" };
    static const char *const fl[5] = { "NX", "UF", "OF", "DZ", "NV" };
    int len = snprintf(buf, n, "0x%02" PRIx64 " (frm=%s flags=", v,
                       rm[(v >> 5) & 7]);
    bool any = false;
    for (int b = 4; b >= 0; b--)
        if (v >> b & 1) {
            len += snprintf(buf + len, n - (size_t)len, "%s%s",
                            any ? "|" : "", fl[b]);
            any = true;
        }
    snprintf(buf + len, n - (size_t)len, "%s)", any ? "" : "-");
}

void dt_describe_case(FILE *log, const DtShape *s, const DtCase *c)
{
    uint8_t bytes[4] = { (uint8_t)c->insn, (uint8_t)(c->insn >> 8),
                         (uint8_t)(c->insn >> 16), (uint8_t)(c->insn >> 24) };
    RvDisasInsn d;
    rv_disas(&d, 0, bytes, (size_t)c->len, NULL);
    fprintf(log, "#   case %d: %s %s   (%s 0x%0*x, %s)%s%s\n", c->index,
            d.mnemonic, d.operands, c->len == 2 ? ".half" : ".word",
            c->len * 2, c->insn, s->pat->id, c->note[0] ? "  " : "",
            c->note);

    uint32_t xs = 0, fs = 0;
    for (int i = 0; i < s->nfields; i++) {
        int v = c->dec.val[i];
        int src = s->lay.f[i].alias >= 0 ? s->lay.f[i].alias : i;
        if ((s->names_xreg[i] || s->role[src] == DT_ROLE_XREG) && v > 0 &&
            v < 32)
            xs |= 1u << v;
        if (s->role[src] == DT_ROLE_FREG && v >= 0 && v < 32)
            fs |= 1u << v;
    }
    if (s->hints.syscall)
        xs |= 0xffu << 10;
    fprintf(log, "#     inputs:");
    for (int r = 1; r < 32; r++)
        if (xs >> r & 1) {
            char v[48];
            xval_text(c, r, v, sizeof v);
            fprintf(log, " x%d/%s=%s", r, rv_xreg_name((unsigned)r), v);
        }
    for (int r = 0; r < 32; r++)
        if (fs >> r & 1)
            fprintf(log, " f%d/%s=0x%016" PRIx64, r,
                    rv_freg_name((unsigned)r), c->f[r]);
    char fc[64];
    fcsr_text(c->fcsr, fc, sizeof fc);
    fprintf(log, " fcsr=%s\n", fc);
    if (c->xconst)
        fprintf(log, "#     the x operands are also set by li/lla in the "
                "instruction's block (constants for the translator)\n");
    if (c->control)
        fprintf(log, "#     jump target insn%+" PRId64 " (landing zones: "
                "x%d counts sled halfwords, x%d names the zone)\n",
                c->target, c->m1, c->m2);
    if (s->mem_base >= 0 && !s->hints.code_address) {
        fprintf(log, "#     buf:");
        for (int i = 0; i < DT_BUF_BYTES; i += 8) {
            uint64_t v;
            memcpy(&v, &c->mem[i], 8);
            fprintf(log, " %016" PRIx64, v);
        }
        fprintf(log, "\n");
    }
}

static void slot_name(int i, char *buf, size_t n)
{
    if (i == DT_SLOT_ID)
        snprintf(buf, n, "case index");
    else if (i < DT_SLOT_F)
        snprintf(buf, n, "x%d/%s", i, rv_xreg_name((unsigned)i));
    else if (i < DT_SLOT_FCSR)
        snprintf(buf, n, "f%d/%s", i - DT_SLOT_F,
                 rv_freg_name((unsigned)(i - DT_SLOT_F)));
    else if (i == DT_SLOT_FCSR)
        snprintf(buf, n, "fcsr");
    else
        snprintf(buf, n, "buf+%d", (i - DT_SLOT_BUF) * 8);
}

/* Compares one record pair; reports and returns false on a difference. */
static bool compare_record(DtCompare *cx, const DtCase *c, const uint8_t *a,
                           const uint8_t *b)
{
    bool same = true;
    for (int i = 0; i < DT_REC_SLOTS && same; i++) {
        if (i >= 1 && i < 32 && (c->xmask >> i & 1))
            continue;
        same = slot(a, i) == slot(b, i);
    }
    if (same)
        return true;
    cx->mismatches++;
    if (cx->reports++ >= cx->max_reports)
        return false;
    fprintf(cx->log, "# MISMATCH %s %s\n", cx->s->pat->id, cx->s->pat->label);
    dt_describe_case(cx->log, cx->s, c);
    for (int i = 0; i < DT_REC_SLOTS; i++) {
        uint64_t va = slot(a, i), vb = slot(b, i);
        if (va == vb || (i >= 1 && i < 32 && (c->xmask >> i & 1)))
            continue;
        char name[32];
        slot_name(i, name, sizeof name);
        if (i == DT_SLOT_FCSR) {
            char ta[64], tb[64];
            fcsr_text(va, ta, sizeof ta);
            fcsr_text(vb, tb, sizeof tb);
            fprintf(cx->log, "#     %-10s %s %s   %s %s\n", name,
                    cx->ref_name, ta, cx->dut_name, tb);
        } else {
            char in[64] = "";
            if (i >= 1 && i < DT_SLOT_F) {
                char v[40];
                xval_text(c, i, v, sizeof v);
                snprintf(in, sizeof in, "   (input %s)", v);
            } else if (i >= DT_SLOT_F && i < DT_SLOT_FCSR) {
                snprintf(in, sizeof in, "   (input 0x%016" PRIx64 ")",
                         c->f[i - DT_SLOT_F]);
            }
            fprintf(cx->log, "#     %-10s %s 0x%016" PRIx64 "   %s 0x%016"
                    PRIx64 "%s\n", name, cx->ref_name, va, cx->dut_name, vb,
                    in);
        }
    }
    if (cx->repro)
        fprintf(cx->log, "#     reproduce: %s --case %d\n", cx->repro,
                c->index);
    return false;
}

/*
 * Equal stderr, except that rvtcg reports each system call it does not
 * implement ("rvtcg: unsupported syscall N (NAME)", once per number) where
 * qemu-riscv64 stays silent: a missing feature says so (DEVELOPERS.md).
 * Those lines are dropped from the emulator's stderr before comparing.
 */
static bool same_stderr(const DtRunResult *ref, const DtRunResult *dut)
{
    static const char note[] = "rvtcg: unsupported syscall ";
    const char *p = dut->err, *end = dut->err + dut->errlen;
    size_t k = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
        if (len < sizeof note - 1 || memcmp(p, note, sizeof note - 1) != 0) {
            if (k + len > ref->errlen || memcmp(ref->err + k, p, len) != 0)
                return false;
            k += len;
        }
        p += len;
    }
    return k == ref->errlen;
}

/* One line per stderr line, each a TAP comment; at most 10 lines. */
static void print_stderr(FILE *log, const char *who, const DtRunResult *r)
{
    if (!r->errlen)
        return;
    const char *p = r->err, *end = r->err + r->errlen;
    for (int n = 0; p < end && n < 10; n++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
        fprintf(log, "#       %s stderr| %.*s\n", who, (int)(len > 200 ? 200
                : len), p);
        p += len + (nl ? 1 : 0);
    }
}

static void report_end(DtCompare *cx, const DtCase *c, const char *what,
                       const DtRunResult *ref, size_t nref,
                       const DtRunResult *dut, size_t ndut)
{
    cx->mismatches++;
    cx->divergences++;
    if (cx->reports++ >= cx->max_reports)
        return;
    char sr[64], sd[64];
    dt_status_text(ref, sr, sizeof sr);
    dt_status_text(dut, sd, sizeof sd);
    fprintf(cx->log, "# MISMATCH %s %s: %s\n", cx->s->pat->id,
            cx->s->pat->label, what);
    if (c)
        dt_describe_case(cx->log, cx->s, c);
    fprintf(cx->log, "#     %s: %zu records, %s\n", cx->ref_name, nref, sr);
    print_stderr(cx->log, cx->ref_name, ref);
    fprintf(cx->log, "#     %s: %zu records, %s\n", cx->dut_name, ndut, sd);
    print_stderr(cx->log, cx->dut_name, dut);
    if (cx->repro && c)
        fprintf(cx->log, "#     reproduce: %s --case %d\n", cx->repro,
                c->index);
}

int dt_compare_runs(DtCompare *cx, int start, const DtRunResult *ref,
                    const DtRunResult *dut)
{
    size_t nr = ref->outlen / DT_REC_BYTES, nd = dut->outlen / DT_REC_BYTES;
    size_t common = nr < nd ? nr : nd;
    for (size_t i = 0; i < common; i++) {
        const uint8_t *a = ref->out + i * DT_REC_BYTES;
        int idx = (int)slot(a, DT_SLOT_ID);
        if (idx != start + (int)i || idx >= cx->n) {
            report_end(cx, NULL, "the reference's records are out of order "
                       "(a bug of the difftest)", ref, nr, dut, nd);
            return cx->n;
        }
        cx->compared++;
        compare_record(cx, &cx->cases[idx], a, dut->out + i * DT_REC_BYTES);
    }
    int next = start + (int)common;
    bool ref_done = next == cx->n && nr == nd && !ref->timed_out &&
                    WIFEXITED(ref->status);
    const DtCase *c = next < cx->n ? &cx->cases[next] : NULL;

    if (ref->outlen % DT_REC_BYTES || dut->outlen % DT_REC_BYTES) {
        report_end(cx, c, "a partial record", ref, nr, dut, nd);
        return next + 1;
    }
    if (nr != nd) {
        report_end(cx, c, nr > nd ? "the emulator under test stopped early"
                                  : "the emulator under test went on after "
                                    "the reference stopped",
                   ref, nr, dut, nd);
        return next + 1;
    }
    if (!dt_same_status(ref, dut)) {
        report_end(cx, c, "different exit status", ref, nr, dut, nd);
        return next + 1;
    }
    if (!same_stderr(ref, dut)) {
        report_end(cx, c, "different stderr", ref, nr, dut, nd);
        return next + 1;
    }
    if (ref_done) {
        if (WEXITSTATUS(ref->status) != 0)
            report_end(cx, NULL, "the reference did not exit 0", ref, nr,
                       dut, nd);
        return cx->n;
    }
    /* both ended at case `next` the same way */
    if (ref->timed_out) {
        report_end(cx, c, "both runs hung", ref, nr, dut, nd);
        return cx->n;
    }
    cx->terminated++;
    cx->compared++;
    return next + 1;
}

void dt_show_run(FILE *log, const DtShape *s, const DtCase *cases, int n,
                 const DtRunResult *run)
{
    for (size_t r = 0; r + 1 <= run->outlen / DT_REC_BYTES; r++) {
        const uint8_t *rec = run->out + r * DT_REC_BYTES;
        int idx = (int)slot(rec, DT_SLOT_ID);
        if (idx < 0 || idx >= n)
            return;
        const DtCase *c = &cases[idx];
        dt_describe_case(log, s, c);
        fprintf(log, "#     changed:");
        for (int i = 1; i < DT_REC_SLOTS; i++) {
            uint64_t v = slot(rec, i), before;
            if (i < DT_SLOT_F) {
                if (c->xsym[i] != DT_SYM_NONE || i == c->k)
                    continue;
                before = c->x[i];
            } else if (i < DT_SLOT_FCSR) {
                before = c->f[i - DT_SLOT_F];
            } else if (i == DT_SLOT_FCSR) {
                before = c->fcsr;
            } else {
                memcpy(&before, &c->mem[(i - DT_SLOT_BUF) * 8], 8);
                if (s->mem_base < 0 || s->hints.code_address)
                    continue;
            }
            if (v == before)
                continue;
            char name[32];
            slot_name(i, name, sizeof name);
            if (c->control && i == c->m1)
                fprintf(log, " %s%+" PRId64 " (sled)", name,
                        (int64_t)(v - before));
            else if (c->control && i == c->m2)
                fprintf(log, " %s=%" PRId64 " (zone)", name, (int64_t)v);
            else
                fprintf(log, " %s=0x%" PRIx64, name, v);
        }
        fprintf(log, "\n");
    }
    char st[64];
    dt_status_text(run, st, sizeof st);
    fprintf(log, "#   run ended: %s\n", st);
}
