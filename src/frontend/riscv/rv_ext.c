/*
 * The extension table (rv_ext.h), built from defs/riscv/extensions.def.
 */
#include "rv_ext.h"

#include <string.h>

/* the generated disassemblers of the RV_EXT extensions (disas-NAME.c) */
#define RV_EXT_BASE(name, hwcap, hwprobe, desc)
#define RV_EXT(name, hwcap, hwprobe, on, desc)                              \
    bool disas_##name(uint32_t insn, DecodeDisasInsn *out);                  \
    extern const DecodeDisasPattern disas_##name##_patterns[];              \
    extern const int disas_##name##_npatterns;
#include "extensions.def"
#undef RV_EXT
#undef RV_EXT_BASE

const RvExtInfo rv_ext_table[] = {
#define RV_EXT_BASE(name, hwcap, hwprobe, desc)                             \
    { #name, desc, hwcap, hwprobe, true, true, NULL, NULL, NULL },
#define RV_EXT(name, hwcap, hwprobe, on, desc)
#include "extensions.def"
#undef RV_EXT
#undef RV_EXT_BASE
#define RV_EXT_BASE(name, hwcap, hwprobe, desc)
#define RV_EXT(name, hwcap, hwprobe, on, desc)                              \
    { #name, desc, hwcap, hwprobe, false, on, disas_##name,                 \
      disas_##name##_patterns, &disas_##name##_npatterns },
#include "extensions.def"
#undef RV_EXT
#undef RV_EXT_BASE
};

const unsigned rv_ext_count = sizeof rv_ext_table / sizeof rv_ext_table[0];

_Static_assert(sizeof rv_ext_table / sizeof rv_ext_table[0] <= 64,
               "RvTranslateCfg.ext has 64 bits");

int rv_ext_find(const char *name)
{
    for (unsigned i = 0; i < rv_ext_count; i++)
        if (strcmp(rv_ext_table[i].name, name) == 0)
            return (int)i;
    return -1;
}

uint64_t rv_ext_default_mask(void)
{
    uint64_t m = 0;
    for (unsigned i = 0; i < rv_ext_count; i++)
        if (rv_ext_table[i].default_on)
            m |= (uint64_t)1 << i;
    return m;
}

bool rv_ext_disas32(uint32_t insn, DecodeDisasInsn *out)
{
    if (disas_riscv32(insn, out))
        return true;
    for (unsigned i = 0; i < rv_ext_count; i++)
        if (rv_ext_table[i].disas && rv_ext_table[i].disas(insn, out))
            return true;
    return false;
}
