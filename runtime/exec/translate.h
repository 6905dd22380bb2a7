/*
 * Translating one TB for the execution loop: frontend -> optimizer ->
 * backend, with the -d logs of each stage, retries and code cache flushes
 * (translate.c).
 */
#ifndef TRANSLATE_H
#define TRANSLATE_H

#include <stdbool.h>
#include <stddef.h>

#include "opt.h"
#include "tb.h"

typedef struct RtTranslateConfig {
    unsigned max_insns;     /* per TB (1 for -one-insn-per-tb) */
    OptConfig opt;
    size_t code_size;       /* for the "cache too small" message */
    uint64_t ext;           /* RvTranslateCfg.ext: the -cpu extensions */
    bool fusion;            /* RvTranslateCfg.fusion (--no-fusion) */
    bool ras;               /* RvTranslateCfg.ras (--no-ras) */
} RtTranslateConfig;

void rt_translate_init(const RtTranslateConfig *cfg);

/*
 * Translates and commits the TB at PC for FLAGS.  NULL when the first
 * instruction cannot be fetched (the guest's SIGSEGV).  May flush the
 * whole cache (tb_flush_count() changes) to make room; never fails
 * otherwise (a cache too small for one instruction is a fatal error).
 */
TbDesc *rt_translate(uint64_t pc, RvTbFlags flags);

#endif
