/*
 * The x86-64 code generator: compiles the IR of one translation block into
 * host code in a code cache, and the protocol that code follows.
 *
 * Protocol (docs/backend.md): jit_enter() calls the prologue, which saves
 * the SysV callee-saved registers, reserves the spill frame, loads the env
 * register (rbp) with the CPU-state pointer (and the guest-base register
 * when guest_base cannot be a displacement), and jumps to the TB's code.
 * exit_tb VAL returns VAL from jit_enter(); goto_tb SLOT is an aligned,
 * atomically patchable `jmp rel32` that falls through to the next op until
 * jit_tb_link() points it at another TB's code; goto_ptr jumps to a host
 * address (lookup_tb's result: a TB's code or the "return 0" stub).
 */
#ifndef JIT_H
#define JIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ir.h"

/*
 * An optional inline probe for lookup_tb, tried before the hook: a
 * direct-mapped table of entry pointers inside env (the runtime's per-
 * thread jump cache), index ((pc >> 1) ^ (pc >> (1 + bits))) & (2^bits - 1).
 * An entry matches when its u64 at pc_ofs equals the guest pc and its byte
 * at key_ofs equals env's byte at env_key_ofs; then its pointer at code_ofs
 * is the target, without leaving generated code.  A NULL entry or a
 * mismatch calls the hook as before.
 */
typedef struct JitLookupCache {
    bool enabled;
    int32_t table_ofs;        /* env offset of the pointer array */
    unsigned bits;            /* log2 of its entries */
    int32_t pc_ofs;           /* entry: guest pc (u64) */
    int32_t key_ofs;          /* entry: key byte */
    int32_t env_key_ofs;      /* env: the byte it must equal */
    int32_t code_ofs;         /* entry: host code pointer */
} JitLookupCache;

/*
 * The return-address stack (docs/frontend.md, lower_ras.c); zero: off.  A
 * table of 2^bits entries of 16 bytes in env at ring_ofs, indexed by the
 * guest sp (entry (sp >> 4) mod 2^bits): the guest return pc (u64) and
 * the host address of the calling block's return stub (a label in that
 * block's code).  The owner of env must empty it (odd pcs: no return
 * target is odd) before first use and whenever code may be dropped (a
 * flush).
 */
typedef struct JitRas {
    bool enabled;
    unsigned bits;            /* log2 of the entries, 1..12 */
    int32_t ring_ofs;
} JitRas;

/*
 * Pinned globals (docs/backend.md, "Pinned globals"): up to JIT_MAX_PINS
 * IR globals whose home is a callee-saved host register (rbx, r12-r15,
 * not r15 when it holds guest_base) instead of env + env_ofs.  The
 * prologue loads them from env, the epilogue stores them back, so code
 * outside generated code sees env as usual; in between (chained blocks)
 * the registers hold the values.  The IR globals must carry the same
 * register as IrTempInfo.fixed_reg (checked by jit_compile).
 */
#define JIT_MAX_PINS 4

typedef struct JitPin {
    int8_t reg;               /* host register (IR_X86_*) */
    int32_t env_ofs;          /* the global's i64 slot in env */
} JitPin;

typedef struct JitConfig {
    uint32_t host_features;   /* IR_X86F_* the code may use (a subset of
                                 x86_host_features(); tests clear bits to
                                 exercise the fallbacks) */
    uintptr_t guest_base;     /* added to every guest address (0: bare [addr]) */
    size_t code_size;         /* code cache bytes */
    bool wx;                  /* W^X: two mappings (RW, RX) of one memfd */
    /* lookup_tb's hook: the host code for guest pc, or NULL on a miss. */
    const void *(*lookup)(void *env, uint64_t pc);
    JitLookupCache lookup_cache;   /* zero: no inline probe */
    /* a conditional exit's chained jump goes straight to the target TB
     * (false: via its goto_tb slot) */
    bool direct_jcc;
    /* blocks start at a multiple of 64 bytes (false: 16): on the
     * development host a hot block's position within a 64-byte line moved
     * indirect-jump-heavy loops by up to 2x (docs/performance.md) */
    bool align_blocks;
    JitRas ras;
    unsigned nb_pins;
    JitPin pins[JIT_MAX_PINS];
} JitConfig;

#define JIT_NO_JMP UINT32_MAX

/* Host offset -> guest pc, one per insn_start, in code order. */
typedef struct JitPcMap {
    uint32_t host_off;
    uint64_t guest_pc;
} JitPcMap;

typedef struct JitTb {
    const uint8_t *code;      /* executable address of the block */
    uint32_t size;            /* bytes of host code */
    uint32_t jmp_insn[2];     /* goto_tb slot: offset of its jmp, or JIT_NO_JMP */
    uint32_t jmp_reset[2];    /* offset an unpatched slot jumps to */
    /* JitConfig.direct_jcc: offset of the (4-byte aligned) rel32 of the
     * conditional jump whose label starts goto_tb SLOT; linked along with
     * the slot, straight to the target; 0: none */
    uint32_t jcc_rel[2];
    uint32_t nb_insns;
    JitPcMap *pc_map;         /* nb_insns entries, owned by the JitTb (free) */
} JitTb;

typedef struct Jit Jit;

/* Host CPU features (cpuid): IR_X86F_*. */
uint32_t x86_host_features(void);

/* How many globals may be pinned with this guest_base (r15 holds a
 * guest_base that is not a disp32; one callee-saved register stays the
 * allocator's). */
unsigned jit_max_pins(uintptr_t guest_base);

/* Maps the code cache and emits the prologue/epilogue; NULL + err on error. */
Jit *jit_new(const JitConfig *cfg, char *err, size_t errlen);
void jit_free(Jit *jit);

/*
 * Compiles CTX (optimized or not) into the code cache.  Returns 0 with *tb
 * filled; -1 if the cache is full (jit_flush, then retry); -2 if the block
 * needs more spill slots than the frame has (translate fewer instructions).
 */
int jit_compile(Jit *jit, IrCtx *ctx, JitTb *tb);

/* Runs host code at CODE (a JitTb's code) with ENV; returns exit_tb's value. */
uintptr_t jit_enter(Jit *jit, void *env, const void *code);

/* Points goto_tb SLOT of TB at TARGET (host code), or back at its reset
 * address; a single atomic 4-byte store, safe while other threads run.
 * A conditional jump to the slot (jcc_rel) is pointed at TARGET too, or
 * back at the slot's jmp: a second such store; every state in between
 * reaches the same place. */
void jit_tb_link(Jit *jit, const JitTb *tb, unsigned slot, const void *target);
void jit_tb_unlink(Jit *jit, const JitTb *tb, unsigned slot);

/* Drops every compiled block (the prologue/epilogue stay). */
void jit_flush(Jit *jit);

void jit_tb_free(JitTb *tb);

#endif
