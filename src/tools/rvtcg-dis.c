/*
 * rvtcg-dis: disassemble a riscv64 ELF file, or a raw binary, with the
 * tables generated from the defs/riscv .decode specs.
 *
 * Output follows GNU objdump -d -M no-aliases: address, raw bytes,
 * mnemonic and operands, symbol labels, and pc-relative targets written as
 * "ADDR <symbol+0xOFF>".  `--raw` treats the input as bare instructions at
 * address 0 (or --start), like objdump -D -b binary -m riscv:rv64.
 *
 * Exit status: 0 on success, 1 on an unreadable or malformed input, 2 on a
 * usage error.
 */
#include "dis_symbols.h"
#include "elf_file.h"
#include "rv_disas.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Symbol context for pc-relative operands. */
typedef struct SymCtx {
    const DisSymtab *syms;
    unsigned shndx;
    const char *secname;
    uint64_t secaddr;
} SymCtx;

/* " <sym>", " <sym+0x10>" or " <sym-0x10>"; the section name if no symbol. */
static void format_sym(char *buf, size_t n, const DisSym *s, uint64_t addr,
                       const char *secname, uint64_t secaddr)
{
    const char *name = s ? s->name : secname;
    uint64_t base = s ? s->value : secaddr;
    if (addr == base)
        snprintf(buf, n, " <%s>", name);
    else if (addr > base)
        snprintf(buf, n, " <%s+0x%" PRIx64 ">", name, addr - base);
    else
        snprintf(buf, n, " <%s-0x%" PRIx64 ">", name, base - addr);
}

static void symbolize(void *opaque, uint64_t addr, char *buf, size_t n)
{
    const SymCtx *c = opaque;
    size_t place;
    if (!c->syms->n) {
        buf[0] = 0;
        return;
    }
    format_sym(buf, n, dis_sym_find(c->syms, addr, c->shndx, false, &place),
               addr, c->secname, c->secaddr);
}

static void print_insn(const RvDisasInsn *in)
{
    char hex[48];
    /* Raw bytes as one little-endian number, padded like objdump. */
    if (in->len <= 8)
        snprintf(hex, sizeof hex, "%0*" PRIx64, (int)in->len * 2, in->raw);
    else
        snprintf(hex, sizeof hex, "%s", "");
    int pad = 1 + 2 * (8 - (int)in->len) + (8 - (int)in->len) / (int)in->len;
    if (pad < 1)
        pad = 1;
    if (in->operands[0])
        printf("%8" PRIx64 ":\t%s%*s\t%s\t%s\n", in->pc, hex, pad, "",
               in->mnemonic, in->operands);
    else
        printf("%8" PRIx64 ":\t%s%*s\t%s\n", in->pc, hex, pad, "",
               in->mnemonic);
}

/* objdump does not print runs of zero bytes: 8 or more, or fewer than 3
 * at the end of a symbol's range (alignment padding), become "\t...". */
enum { SKIP_ZEROES = 8, SKIP_ZEROES_AT_END = 3 };

/* Disassembles [off, stop) of a section of `size` bytes at p, loaded at
 * base; skip0 enables objdump's zero skipping. */
static void disas_range(const uint8_t *p, size_t size, size_t off,
                        size_t stop, uint64_t base, const RvDisasOpts *opts,
                        bool skip0)
{
    while (off < stop) {
        if (skip0) {
            size_t z = off;
            while (z < stop && p[z] == 0)
                z++;
            if (z - off >= SKIP_ZEROES ||
                (z == stop && z - off < SKIP_ZEROES_AT_END)) {
                /* Before more code, skip whole 4-byte groups only. */
                if (z != stop)
                    z = off + ((z - off) & ~(size_t)3);
                printf("\t...\n");
                off = z;
                continue;
            }
        }
        RvDisasInsn in;
        uint64_t pc = base + off;
        /* The section buffer goes on past stop, as objdump's does. */
        unsigned len = rv_disas(&in, pc, p + off, size - off,
                                opts);
        if (len == 0) {
            size_t left = size - off;
            uint64_t raw = 0;
            for (size_t i = 0; i < left && i < 8; i++)
                raw |= (uint64_t)p[off + i] << (8 * i);
            printf("%8" PRIx64 ":\t%0*" PRIx64 "\t.%zubyte\t0x%" PRIx64 "\n",
                   pc, (int)left * 2, raw, left, raw);
            break;
        }
        print_insn(&in);
        off += len;
    }
}

static int dis_raw(const char *path, uint64_t start)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "rvtcg-dis: %s: %s\n", path, strerror(errno));
        return 1;
    }
    size_t cap = 1 << 16, n = 0, k;
    uint8_t *buf = malloc(cap);
    while (buf && (k = fread(buf + n, 1, cap - n, f)) > 0) {
        n += k;
        if (n == cap) {
            uint8_t *nb = realloc(buf, cap *= 2);
            if (!nb)
                free(buf);
            buf = nb;
        }
    }
    bool bad = ferror(f);
    fclose(f);
    if (!buf || bad) {
        fprintf(stderr, "rvtcg-dis: %s: %s\n", path,
                buf ? "read error" : "out of memory");
        free(buf);
        return 1;
    }
    RvDisasOpts opts = { .elf_style = false };
    disas_range(buf, n, 0, n, start, &opts, false);
    free(buf);
    return 0;
}

/* One executable section, in chunks from one symbol to the next, each
 * opened by a label line, as objdump -d does. */
static void dis_section(const ElfFile *ef, unsigned shndx,
                        const DisSymtab *syms)
{
    const Elf64_Shdr *sh = &ef->shdr[shndx];
    const uint8_t *p = elf_section_data(ef, sh);
    uint64_t vma = sh->sh_addr;
    size_t size = sh->sh_size;
    const char *secname = elf_section_name(ef, sh);
    SymCtx ctx = { syms, shndx, secname, vma };
    RvDisasOpts opts = { .elf_style = true, .symbolize = symbolize,
                         .opaque = &ctx };

    printf("\nDisassembly of section %s:\n", secname);
    size_t place = 0;
    const DisSym *sym = dis_sym_find(syms, vma, shndx, true, &place);
    size_t off = 0;
    while (off < size) {
        uint64_t addr = vma + off;
        char label[300];
        format_sym(label, sizeof label, sym, addr, secname, vma);
        printf("\n%016" PRIx64 "%s:\n", addr, label);

        const DisSym *next;
        size_t nplace = place;
        if (sym && sym->value > addr)
            next = sym;
        else
            next = dis_sym_next(syms, place, shndx, sym ? sym->value : addr,
                                &nplace);
        uint64_t stop_addr = next ? next->value : vma + size;
        size_t stop = stop_addr > addr && stop_addr - vma <= size
                          ? (size_t)(stop_addr - vma)
                          : size;
        disas_range(p, size, off, stop, vma, &opts, true);
        off = stop;
        sym = next;
        place = nplace;
    }
}

static int dis_elf(const char *path)
{
    ElfFile ef;
    char err[128];
    if (!elf_file_open(&ef, path, EM_RISCV, err, sizeof err)) {
        fprintf(stderr, "rvtcg-dis: %s: %s\n", path, err);
        return 1;
    }
    if (!ef.shdr) {
        fprintf(stderr, "rvtcg-dis: %s: no section headers\n", path);
        elf_file_close(&ef);
        return 1;
    }
    DisSymtab syms;
    dis_symtab_load(&syms, &ef);
    printf("\n%s:     file format elf64-littleriscv\n\n", path);
    for (unsigned i = 0; i < ef.shnum; i++) {
        const Elf64_Shdr *sh = &ef.shdr[i];
        if (sh->sh_type == SHT_PROGBITS && (sh->sh_flags & SHF_EXECINSTR) &&
            sh->sh_size != 0)
            dis_section(&ef, i, &syms);
    }
    dis_symtab_free(&syms);
    elf_file_close(&ef);
    return 0;
}
static void usage(FILE *f)
{
    fprintf(f,
            "usage: rvtcg-dis [--raw [--start ADDR]] FILE\n"
            "Disassembles the executable sections of a riscv64 ELF file\n"
            "(objdump -d -M no-aliases style), or with --raw a file of bare\n"
            "RISC-V instructions.\n");
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "raw", no_argument, NULL, 'r' },
        { "start", required_argument, NULL, 's' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    bool raw = false;
    uint64_t start = 0;
    int c;
    while ((c = getopt_long(argc, argv, "M:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'r':
            raw = true;
            break;
        case 's': {
            char *end;
            errno = 0;
            start = strtoull(optarg, &end, 0);
            if (errno || *end) {
                fprintf(stderr, "rvtcg-dis: bad --start value '%s'\n", optarg);
                return 2;
            }
            break;
        }
        case 'M':   /* accepted for objdump compatibility: always no-aliases */
            if (strcmp(optarg, "no-aliases") != 0) {
                fprintf(stderr, "rvtcg-dis: unsupported -M option '%s'\n",
                        optarg);
                return 2;
            }
            break;
        case 'h':
            usage(stdout);
            return 0;
        default:
            usage(stderr);
            return 2;
        }
    }
    if (optind != argc - 1) {
        usage(stderr);
        return 2;
    }
    return raw ? dis_raw(argv[optind], start) : dis_elf(argv[optind]);
}
