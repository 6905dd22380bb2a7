/*
 * The translation-time logs: -d in_asm (guest instructions of each new TB,
 * disassembled by rv_disas), op / op_opt (the TB's IR before and after the
 * optimizer, ir_dump text without the globals) and out_asm (its host
 * code, disassembled by Zydis, with "-- guest addr" marks from the TB's pc
 * map, as QEMU does).
 */
#include <Zydis/Zydis.h>
#include <inttypes.h>
#include <string.h>

#include "guest_mem.h"
#include "log.h"
#include "rv_disas.h"

static void symbolize(void *opaque, uint64_t addr, char *buf, size_t n)
{
    (void)opaque;
    uint64_t off;
    const char *s = rt_log_symbol(addr, &off);
    if (!s)
        return;
    if (off)
        snprintf(buf, n, " <%s+0x%" PRIx64 ">", s, off);
    else
        snprintf(buf, n, " <%s>", s);
}

void rt_log_in_asm(uint64_t pc, uint32_t size)
{
    FILE *f = rt_logfile;
    uint64_t off;
    const char *sym = rt_log_symbol(pc, &off);
    fprintf(f, "----------------\nIN: %s\n", sym ? sym : "");
    RvDisasOpts opts = { .elf_style = true, .symbolize = symbolize };
    for (uint64_t p = pc; p < pc + size;) {
        RvDisasInsn d;
        if (!rv_disas(&d, p, g2h(p), (size_t)(pc + size - p), &opts))
            break;
        char hex[24];
        if (d.len == 2)
            snprintf(hex, sizeof hex, "%04" PRIx64, d.raw & 0xffff);
        else
            snprintf(hex, sizeof hex, "%08" PRIx64, d.raw & 0xffffffff);
        fprintf(f, "0x%016" PRIx64 ":  %-8s  %-8s %s\n", p, hex, d.mnemonic,
                d.operands);
        p += d.len;
    }
    fputc('\n', f);
}

/* The IR text without its "global" declarations (the same guest-register
 * list for every TB). */
void rt_log_ir(const char *title, const char *text)
{
    FILE *f = rt_logfile;
    fprintf(f, "%s\n", title);
    for (const char *line = text; *line;) {
        const char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line + 1) : strlen(line);
        if (strncmp(line, "global ", 7) != 0)
            fwrite(line, 1, len, f);
        line += len;
    }
    fputc('\n', f);
}

void rt_log_out_asm(const JitTb *tb, uint32_t code_bytes)
{
    FILE *f = rt_logfile;
    fprintf(f, "OUT: [size=%" PRIu32 "]\n", tb->size);
    uint32_t next_mark = 0;
    for (uint32_t off = 0; off < code_bytes;) {
        while (next_mark < tb->nb_insns &&
               tb->pc_map[next_mark].host_off <= off) {
            fprintf(f, "  -- guest addr 0x%016" PRIx64 "\n",
                    tb->pc_map[next_mark].guest_pc);
            next_mark++;
        }
        ZydisDisassembledInstruction insn;
        uint64_t addr = (uintptr_t)tb->code + off;
        ZyanStatus st = ZydisDisassembleIntel(ZYDIS_MACHINE_MODE_LONG_64, addr,
                                              tb->code + off, code_bytes - off,
                                              &insn);
        unsigned len = ZYAN_SUCCESS(st) ? insn.info.length : 1;
        fprintf(f, "0x%016" PRIx64 ":  %s\n", addr,
                ZYAN_SUCCESS(st) ? insn.text : "(bad)");
        off += len;
    }
    for (uint32_t o = (code_bytes + 7) & ~7u; o + 8 <= tb->size; o += 8) {
        uint64_t v;
        memcpy(&v, tb->code + o, 8);
        fprintf(f, "0x%016" PRIx64 ":  .quad 0x%016" PRIx64 "\n",
                (uint64_t)(uintptr_t)tb->code + o, v);
    }
    fputc('\n', f);
}
