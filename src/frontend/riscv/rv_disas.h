/*
 * RISC-V disassembler built on the generated disassembly tables.
 *
 * The patterns, their operands and their templates come from
 * the defs/riscv .decode specs through decodegen (disas-riscv16.c, disas-riscv32.c);
 * this module finds the instruction length, picks the table, and renders
 * each template operand kind ("x", "f", "pcrel", "rm", ...; listed in
 * docs/decode-format.md) the way GNU objdump -M no-aliases prints it.
 */
#ifndef RV_DISAS_H
#define RV_DISAS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Optional symbolizer for pc-relative targets: writes " <sym+0x10>" (with
 * the leading space) into buf, or nothing if no symbol covers addr. */
typedef void (*RvSymbolizer)(void *opaque, uint64_t addr, char *buf, size_t n);

typedef struct RvDisasOpts {
    /* false: targets print as "0x1234" (objdump on raw binaries);
     * true: as "1234" followed by the symbolizer's " <sym>" (ELF files). */
    bool elf_style;
    RvSymbolizer symbolize;
    void *opaque;
} RvDisasOpts;

typedef struct RvDisasInsn {
    uint64_t pc;
    unsigned len;          /* bytes the instruction occupies (2, 4, 6, ...) */
    uint64_t raw;          /* its bits (the first 8 bytes at most) */
    bool valid;            /* decoded by one of our patterns */
    const char *file;      /* pattern's spec file and line, when valid */
    int line;
    char mnemonic[32];     /* e.g. "addi", or ".4byte" when invalid */
    char operands[192];    /* e.g. "a0,a1,-5", or "0x8ff0000f" */
} RvDisasInsn;

/* Length in bytes of the instruction whose first halfword is h, as the
 * RISC-V length encoding (Unprivileged ISA 1.5, Figure 1.1) defines it;
 * reserved >=192-bit encodings count as 2 (objdump does the same). */
unsigned rv_insn_length(uint16_t h);

/* Disassembles the instruction at p (avail bytes available) at address pc.
 * Returns the number of bytes consumed (out->len), or 0 if avail is too
 * short for the instruction's length. */
unsigned rv_disas(RvDisasInsn *out, uint64_t pc, const uint8_t *p,
                  size_t avail, const RvDisasOpts *opts);

#endif
