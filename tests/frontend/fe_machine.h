/*
 * A miniature execution environment for the frontend tests: guest memory
 * in a host buffer (guest addresses FE_ORIGIN.. , guest_base = buffer -
 * FE_ORIGIN), an RvCpu, a Jit, a small TB cache with goto_tb chaining and
 * a lookup_tb hook, and a loop that runs blocks until an exception exit
 * (the tests end their programs with ecall).  It follows the exit protocol
 * of rv_cpu.h as the runtime does, so the tests exercise the translator's
 * exits, tokens and slots for real.
 */
#ifndef FE_MACHINE_H
#define FE_MACHINE_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ir.h"
#include "jit.h"
#include "rv_cpu.h"
#include "rv_translate.h"

#define FE_ORIGIN   0x10000u          /* guest address of mem[0] */
#define FE_PAGES    6u
#define FE_MEM_SIZE (FE_PAGES * RV_PAGE_SIZE)
#define FE_DATA     (FE_ORIGIN + 4 * RV_PAGE_SIZE)   /* a data page */
#define FE_MAX_TBS  64u

/* A result of fe_run beyond the RvException values. */
#define FE_TIMEOUT  100u

typedef struct FeTb {
    uint64_t pc;
    uint8_t frm;
    JitTb jtb;
    RvTbInfo info;
} __attribute__((aligned(8))) FeTb;

typedef struct FeMachine FeMachine;

/* One guest hart: the RvCpu first (the env pointer is the FeHart). */
typedef struct FeHart {
    RvCpu cpu;
    FeMachine *m;
} FeHart;

struct FeMachine {
    uint8_t *mem;             /* FE_MEM_SIZE bytes, page aligned */
    uintptr_t guest_base;
    uint64_t fetch_end;       /* guest addresses >= this are not fetchable */
    FeHart hart;              /* the default hart */
    Jit *jit;
    IrCtx *ir;
    bool opt;                 /* run the optimizer on each block */
    bool chain;               /* patch goto_tb slots */
    unsigned max_insns;       /* per TB */
    uint64_t ext;             /* RvTranslateCfg.ext (0: the default set) */
    pthread_mutex_t lock;     /* translation and the TB table */
    FeTb tbs[FE_MAX_TBS];
    unsigned nb_tbs;
    unsigned nb_translated;   /* blocks translated so far */
    unsigned nb_links;        /* goto_tb patches so far */
};

FeMachine *fe_new(bool opt);
void fe_free(FeMachine *m);

/* Drops every translation (after changing code, max_insns, fetch_end). */
void fe_flush(FeMachine *m);

static inline void *fe_host(FeMachine *m, uint64_t guest)
{
    return (void *)(m->guest_base + (uintptr_t)guest);
}

/* Writes instructions sequentially into guest memory. */
typedef struct FeAsm {
    FeMachine *m;
    uint64_t pc;
} FeAsm;

static inline FeAsm fe_asm(FeMachine *m, uint64_t pc)
{
    return (FeAsm){ m, pc };
}
void fe_i(FeAsm *a, uint32_t insn);   /* a 32-bit instruction */
void fe_c(FeAsm *a, uint32_t insn);   /* a 16-bit instruction */

/* The translated block at pc (translating it if needed): NULL if the
 * translator refused (first instruction not fetchable). */
FeTb *fe_get_tb(FeMachine *m, FeHart *h, uint64_t pc);

/* Runs blocks from h->cpu.pc until an exception exit (returns the
 * RvException, cpu.pc = the instruction's pc) or max_tbs blocks entered
 * from the loop (FE_TIMEOUT). */
unsigned fe_run_hart(FeMachine *m, FeHart *h, unsigned max_tbs);

static inline unsigned fe_run(FeMachine *m, uint64_t pc)
{
    m->hart.cpu.pc = pc;
    return fe_run_hart(m, &m->hart, 10000);
}

static inline uint64_t *fe_x(FeMachine *m)
{
    return m->hart.cpu.x;
}

/* Translates the block at pc into m->ir (no optimization, no compile);
 * checks the IR with ir_verify (abort with a dump on failure). */
bool fe_translate_ir(FeMachine *m, uint64_t pc, RvTbFlags flags,
                     uintptr_t token, RvTbInfo *info);

#endif
