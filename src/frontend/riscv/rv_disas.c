/*
 * RISC-V disassembler: instruction length, table lookup and the rendering
 * of template operand kinds, matching GNU objdump -M no-aliases (binutils
 * 2.40).  Deliberate differences from objdump are listed in
 * docs/decode-format.md.
 */
#include "rv_disas.h"
#include "rv_ext.h"
#include "rv_names.h"
#include "decode-riscv16.h"
#include "decode-riscv32.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

unsigned rv_insn_length(uint16_t h)
{
    if ((h & 0x03) != 0x03)
        return 2;
    if ((h & 0x1f) != 0x1f)
        return 4;
    if ((h & 0x3f) == 0x1f)
        return 6;
    if ((h & 0x7f) == 0x3f)
        return 8;
    /* 80..176-bit: nnn in bits 14:12 gives 80 + 16 * nnn bits. */
    if ((h & 0x7f) == 0x7f && (h & 0x7000) != 0x7000)
        return 10 + ((h >> 11) & 0xe);
    return 2;
}

typedef struct Out {
    char *buf;
    size_t n, len;
} Out;

__attribute__((format(printf, 2, 3)))
static void out_printf(Out *o, const char *fmt, ...)
{
    va_list ap;
    if (o->len >= o->n)
        return;
    va_start(ap, fmt);
    int k = vsnprintf(o->buf + o->len, o->n - o->len, fmt, ap);
    va_end(ap);
    if (k > 0)
        o->len += (size_t)k < o->n - o->len ? (size_t)k : o->n - o->len - 1;
}

static const char *const rm_names[8] = {
    "rne", "rtz", "rdn", "rup", "rmm", "unknown", "unknown", ""
};

/* Renders one template operand of kind `kind` with values v[0..nv). */
static void render_operand(Out *o, const char *kind, const int *v, int nv,
                           uint64_t pc, const RvDisasOpts *opts)
{
    if (!*kind) {
        out_printf(o, "%d", v[0]);
    } else if (!strcmp(kind, "x")) {
        out_printf(o, "%s", rv_xreg_name((unsigned)v[0]));
    } else if (!strcmp(kind, "f")) {
        out_printf(o, "%s", rv_freg_name((unsigned)v[0]));
    } else if (!strcmp(kind, "hex")) {
        out_printf(o, "0x%x", (unsigned)v[0]);
    } else if (!strcmp(kind, "hi20")) {
        out_printf(o, "0x%x", ((unsigned)v[0] >> 12) & 0xfffff);
    } else if (!strcmp(kind, "pcrel")) {
        uint64_t target = pc + (uint64_t)(int64_t)v[0];
        if (opts && opts->elf_style) {
            char sym[160] = "";
            out_printf(o, "%" PRIx64, target);
            if (opts->symbolize)
                opts->symbolize(opts->opaque, target, sym, sizeof sym);
            out_printf(o, "%s", sym);
        } else {
            out_printf(o, "0x%" PRIx64, target);
        }
    } else if (!strcmp(kind, "rm")) {
        /* Table 11.1; dynamic (7) is the default and is not printed. */
        if (v[0] != 7)
            out_printf(o, ",%s", rm_names[v[0] & 7]);
    } else if (!strcmp(kind, "aqrl")) {
        /* 8.2: bit aq, then bit rl. */
        static const char *const suffix[4] = { "", ".rl", ".aq", ".aqrl" };
        out_printf(o, "%s", suffix[(v[0] ? 2 : 0) | (nv > 1 && v[1] ? 1 : 0)]);
    } else if (!strcmp(kind, "fence")) {
        /* 2.7: predecessor/successor sets, bits I O R W. */
        if (!v[0]) {
            out_printf(o, "unknown");
        } else {
            static const char letters[] = "iorw";
            for (int b = 0; b < 4; b++)
                if (v[0] & (8 >> b))
                    out_printf(o, "%c", letters[b]);
        }
    } else if (!strcmp(kind, "csr")) {
        char name[32];
        if (rv_csr_name((unsigned)v[0], name, sizeof name))
            out_printf(o, "%s", name);
        else
            out_printf(o, "0x%x", (unsigned)v[0]);
    } else {
        out_printf(o, "<%s?>", kind);
    }
}

/* Renders a decoded instruction's template into mnemonic and operands. */
static void render(RvDisasInsn *out, const DecodeDisasInsn *d,
                   const RvDisasOpts *opts)
{
    const DecodeDisasPattern *pat = d->pat;
    char text[256];
    Out o = { text, sizeof text, 0 };
    text[0] = 0;

    if (pat->npieces == 0) {
        out_printf(&o, "%s", pat->mnemonic);
    }
    for (int i = 0; i < pat->npieces; i++) {
        const DecodeDisasPiece *pc = &pat->pieces[i];
        if (pc->text) {
            out_printf(&o, "%s", pc->text);
        } else {
            int v[4] = {0};
            for (int k = 0; k < pc->nargs && k < 4; k++)
                v[k] = d->val[pc->arg[k]];
            render_operand(&o, pc->kind, v, pc->nargs, out->pc, opts);
        }
    }
    /* The template is "mnemonic operands": split at the first blank. */
    char *sp = strchr(text, ' ');
    if (sp)
        *sp++ = 0;
    snprintf(out->mnemonic, sizeof out->mnemonic, "%s", text);
    snprintf(out->operands, sizeof out->operands, "%s", sp ? sp : "");
}

unsigned rv_disas(RvDisasInsn *out, uint64_t pc, const uint8_t *p,
                  size_t avail, const RvDisasOpts *opts)
{
    memset(out, 0, sizeof *out);
    out->pc = pc;
    if (avail < 2)
        return 0;
    unsigned len = rv_insn_length((uint16_t)(p[0] | p[1] << 8));
    if (avail < len)
        return 0;
    out->len = len;
    for (unsigned i = 0; i < len && i < 8; i++)
        out->raw |= (uint64_t)p[i] << (8 * i);

    DecodeDisasInsn d;
    bool ok = false;
    if (len == 2)
        ok = disas_riscv16((uint32_t)out->raw, &d);
    else if (len == 4)
        ok = rv_ext_disas32((uint32_t)out->raw, &d);
    if (ok && strcmp(d.pat->name, "illegal") == 0 && d.pat->npieces == 0)
        ok = false;   /* a reserved encoding: shown as data */

    if (ok) {
        out->valid = strcmp(d.pat->name, "illegal") != 0;
        out->file = d.pat->file;
        out->line = d.pat->line;
        render(out, &d, opts);
    } else {
        /* objdump shows what it cannot decode as data: .2byte, .4byte and
         * .8byte with one number, other lengths as a list of bytes. */
        if (len == 2 || len == 4 || len == 8) {
            snprintf(out->mnemonic, sizeof out->mnemonic, ".%ubyte", len);
            snprintf(out->operands, sizeof out->operands, "0x%" PRIx64,
                     out->raw);
        } else {
            Out o = { out->operands, sizeof out->operands, 0 };
            snprintf(out->mnemonic, sizeof out->mnemonic, ".byte");
            for (unsigned i = 0; i < len; i++)
                out_printf(&o, "%s0x%02x", i ? ", " : "", p[i]);
        }
    }
    return len;
}
