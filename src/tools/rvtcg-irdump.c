/*
 * rvtcg-irdump: translates the code of a riscv64 ELF executable with the
 * RISC-V frontend and prints each guest instruction followed by the IR it
 * produced.
 *
 *   rvtcg-irdump FILE [--addr=ADDR|SYMBOL] [--count=N] [--opt]
 *                [--opt-disable=RULES] [--one-insn-per-tb]
 *
 * Starts at the entry point (or ADDR / SYMBOL) and translates block after
 * block, each starting where the previous one ended, until N guest
 * instructions (default 32) have been shown or the code ends.  Blocks are
 * the ones the runtime would build (at most 512 instructions, or 1).  The
 * IR is the frontend's; --opt shows it after the optimizer (--opt-disable
 * turns rules off).  An instruction's IR is everything from its insn_start
 * to the next one; the block's exits follow its last instruction.  The
 * exit_tb values use the token 0.  Errors: one line on stderr, status 1.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dis_symbols.h"
#include "elf_file.h"
#include "ir_text.h"
#include "opt.h"
#include "rv_disas.h"
#include "rv_translate.h"

#define MAX_SPAN ((uint64_t)1 << 32)     /* of the loaded segments */

static const char *prog = "rvtcg-irdump";

static _Noreturn void die(const char *fmt, const char *a, const char *b)
{
    fprintf(stderr, "%s: ", prog);
    fprintf(stderr, fmt, a, b);
    fputc('\n', stderr);
    exit(1);
}

static _Noreturn void usage_error(const char *msg, const char *arg)
{
    fprintf(stderr, "%s: %s%s (usage: %s FILE [--addr=ADDR|SYMBOL] "
            "[--count=N] [--opt] [--opt-disable=RULES] [--one-insn-per-tb])\n",
            prog, msg, arg, prog);
    exit(1);
}

/* The file's PT_LOAD segments copied into one buffer: guest address A is
 * at host address image_base + A. */
static const ElfFile *elf;
static uintptr_t image_base;
static uint8_t *image_buf;

static void load_image(const char *path)
{
    uint64_t lo = UINT64_MAX, hi = 0;
    for (unsigned i = 0; i < elf->phnum; i++) {
        const Elf64_Phdr *ph = &elf->phdr[i];
        if (ph->p_type != PT_LOAD || !ph->p_memsz)
            continue;
        if (ph->p_filesz > ph->p_memsz || ph->p_offset > elf->size ||
            ph->p_filesz > elf->size - ph->p_offset ||
            ph->p_vaddr + ph->p_memsz < ph->p_vaddr)
            die("%s: bad segment %s", path, "");
        if (ph->p_vaddr < lo)
            lo = ph->p_vaddr;
        if (ph->p_vaddr + ph->p_memsz > hi)
            hi = ph->p_vaddr + ph->p_memsz;
    }
    if (lo == UINT64_MAX)
        die("%s: no loadable segments%s", path, "");
    if (hi - lo > MAX_SPAN)
        die("%s: segments span more than 4 GiB%s", path, "");
    uint8_t *buf = image_buf = calloc(1, (size_t)(hi - lo));
    if (!buf)
        die("%s: out of memory%s", path, "");
    image_base = (uintptr_t)buf - (uintptr_t)lo;
    for (unsigned i = 0; i < elf->phnum; i++) {
        const Elf64_Phdr *ph = &elf->phdr[i];
        if (ph->p_type == PT_LOAD && ph->p_memsz)
            memcpy(buf + (ph->p_vaddr - lo), elf->data + ph->p_offset,
                   ph->p_filesz);
    }
}

/* RvTranslateCfg.can_fetch: inside an executable segment. */
static bool can_fetch(void *opaque, uint64_t pc, unsigned len)
{
    (void)opaque;
    for (unsigned i = 0; i < elf->phnum; i++) {
        const Elf64_Phdr *ph = &elf->phdr[i];
        if (ph->p_type == PT_LOAD && (ph->p_flags & PF_X) &&
            pc >= ph->p_vaddr && pc + len <= ph->p_vaddr + ph->p_memsz &&
            pc + len > pc)
            return true;
    }
    return false;
}

static DisSymtab symtab;

static void symbolize(void *opaque, uint64_t addr, char *buf, size_t n)
{
    (void)opaque;
    size_t place;
    const DisSym *s = dis_sym_find(&symtab, addr, 0, false, &place);
    if (!s)
        return;
    if (addr == s->value)
        snprintf(buf, n, " <%s>", s->name);
    else if (addr > s->value)
        snprintf(buf, n, " <%s+0x%" PRIx64 ">", s->name, addr - s->value);
}

static uint64_t parse_addr(const char *arg)
{
    char *end;
    errno = 0;
    uint64_t v = strtoull(arg, &end, 0);
    if (!errno && end != arg && !*end && arg[0] != '-')
        return v;
    for (size_t i = 0; i < symtab.n; i++)
        if (symtab.v[i].valid && !strcmp(symtab.v[i].name, arg))
            return symtab.v[i].value;
    die("no symbol '%s'%s", arg, "");
}

static void print_insn(uint64_t pc)
{
    RvDisasOpts opts = { .elf_style = true, .symbolize = symbolize };
    RvDisasInsn d;
    if (!rv_disas(&d, pc, (const uint8_t *)(image_base + pc), 8, &opts)) {
        printf("0x%" PRIx64 ": (cannot disassemble)\n", pc);
        return;
    }
    char hex[20];
    snprintf(hex, sizeof hex, d.len == 2 ? "%04" PRIx64 : "%08" PRIx64,
             d.len == 2 ? d.raw & 0xffff : d.raw & 0xffffffff);
    printf("0x%" PRIx64 ": %-8s  %s %s\n", pc, hex, d.mnemonic, d.operands);
}

/* Prints the block's IR, each instruction's disassembly before its ops;
 * returns the number of instructions shown (at most LIMIT). */
static unsigned print_block(IrCtx *ir, unsigned limit)
{
    unsigned shown = 0;
    bool skipping = false;
    for (size_t i = 0; i < ir_op_count(ir); i++) {
        const IrOp *op = ir_op_at(ir, i);
        if (op->opc == IR_OP_insn_start) {
            if (shown == limit) {
                skipping = true;
                break;
            }
            print_insn(op->args[0].uimm);
            shown++;
        }
        if (op->opc == IR_OP_nop)
            continue;
        ir_dump_op(ir, op, stdout);
        fputc('\n', stdout);
    }
    if (skipping)
        printf("    ... (the block goes on; --count stops here)\n");
    return shown;
}

int main(int argc, char **argv)
{
    const char *path = NULL, *addr_arg = NULL;
    unsigned long count = 32;
    bool optimize = false, one_insn = false;
    OptConfig ocfg = opt_config_default();
    char err[512];

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        /* "--count N" and "--addr A" are accepted as well as "--count=N". */
        static char joined[256];
        if ((!strcmp(a, "--count") || !strcmp(a, "--addr") ||
             !strcmp(a, "--opt-disable")) && i + 1 < argc) {
            snprintf(joined, sizeof joined, "%s=%s", a, argv[++i]);
            a = joined;
        }
        if (!strncmp(a, "--addr=", 7)) {
            static char addr_buf[256];
            snprintf(addr_buf, sizeof addr_buf, "%s", a + 7);
            addr_arg = addr_buf;
        } else if (!strncmp(a, "--count=", 8)) {
            char *end;
            errno = 0;
            count = strtoul(a + 8, &end, 0);
            if (errno || end == a + 8 || *end || a[8] == '-' || count == 0)
                usage_error("bad number in ", a);
        } else if (!strcmp(a, "--opt")) {
            optimize = true;
        } else if (!strncmp(a, "--opt-disable=", 14)) {
            const char *bad;
            if (!opt_disable_rules(&ocfg, a + 14, &bad))
                die("unknown optimizer rule '%s' in %s", bad, a);
        } else if (!strcmp(a, "--one-insn-per-tb")) {
            one_insn = true;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            printf("usage: %s FILE [--addr=ADDR|SYMBOL] [--count=N] [--opt] "
                   "[--opt-disable=RULES] [--one-insn-per-tb]\n", prog);
            return 0;
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

    static ElfFile ef;
    if (!elf_file_open(&ef, path, EM_RISCV, err, sizeof err))
        die("%s: %s", path, err);
    elf = &ef;
    if (!ef.phdr)
        die("%s: no program headers%s", path, "");
    load_image(path);
    dis_symtab_load(&symtab, &ef);
    uint64_t pc = addr_arg ? parse_addr(addr_arg) : ef.ehdr->e_entry;

    IrCtx *ir = ir_ctx_new();
    rv_frontend_init(ir);
    RvTranslateCfg cfg = {
        .guest_base = image_base,
        .max_insns = one_insn ? 1 : 512,
        .can_fetch = can_fetch,
    };
    size_t place;
    const DisSym *sym = dis_sym_find(&symtab, pc, 0, false, &place);
    printf("# %s: from 0x%" PRIx64 "%s%s%s, %lu instructions, %s IR\n", path,
           pc, sym && sym->value == pc ? " <" : "",
           sym && sym->value == pc ? sym->name : "",
           sym && sym->value == pc ? ">" : "", count,
           optimize ? "optimized" : "unoptimized");
    unsigned long done = 0;
    while (done < count) {
        RvTbInfo info;
        ir_ctx_reset(ir);
        if (!rv_translate(ir, &cfg, pc, (RvTbFlags){ 0 }, 0, &info)) {
            printf("# 0x%" PRIx64 ": not in an executable segment\n", pc);
            break;
        }
        if (optimize)
            opt_run(ir, &ocfg);
        printf("\n# TB 0x%" PRIx64 ": %" PRIu32 " instructions, %" PRIu32
               " bytes\n", pc, info.nb_insns, info.size);
        unsigned limit = count - done < info.nb_insns ? (unsigned)(count - done)
                                                      : info.nb_insns;
        done += print_block(ir, limit);
        pc += info.size;
    }
    ir_ctx_free(ir);
    free(image_buf);
    dis_symtab_free(&symtab);
    elf_file_close(&ef);
    return 0;
}
