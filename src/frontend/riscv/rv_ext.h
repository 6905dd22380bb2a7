/*
 * The RISC-V extensions of defs/riscv/extensions.def as a table: names,
 * AT_HWCAP and riscv_hwprobe bits, and for the extensions with a decoder of
 * their own (RV_EXT) the generated disassembler and pattern table.  The
 * decoders themselves are in the translator (translate.c), which consults
 * an extension's decoder only while it is enabled (RvTranslateCfg.ext).
 */
#ifndef RV_EXT_H
#define RV_EXT_H

#include <stdbool.h>
#include <stdint.h>

#include "decode-riscv32.h"

typedef struct RvExtInfo {
    const char *name;          /* "m", "zba" */
    const char *description;
    int hwcap;                 /* AT_HWCAP bit, or -1 */
    int hwprobe;               /* RISCV_HWPROBE_KEY_IMA_EXT_0 bit, or -1 */
    bool base;                 /* in the base decoder: always on */
    bool default_on;
    /* RV_EXT only (NULL for base extensions): */
    bool (*disas)(uint32_t insn, DecodeDisasInsn *out);
    const DecodeDisasPattern *patterns;
    const int *npatterns;
} RvExtInfo;

/* extensions.def, in order: the RV_EXT_BASE lines, then the RV_EXT ones. */
extern const RvExtInfo rv_ext_table[];
extern const unsigned rv_ext_count;

/* Index of extension NAME in rv_ext_table, or -1. */
int rv_ext_find(const char *name);

/* RvTranslateCfg.ext: bit i = rv_ext_table[i] is enabled.  The default
 * set: every base extension and the RV_EXT ones marked default_on. */
uint64_t rv_ext_default_mask(void);

/* Disassembles a 32-bit word with the base tables, then every RV_EXT
 * extension's (enabled or not); false if none knows it. */
bool rv_ext_disas32(uint32_t insn, DecodeDisasInsn *out);

#endif
