/*
 * The guest's architectural state: what a RISC-V hart has that user-mode
 * programs can see (RISC-V Unprivileged ISA 20191213: x0..x31, pc, f0..f31,
 * fcsr = frm | fflags, the LR/SC reservation), plus the few fields the
 * generated code and the execution loop exchange.
 *
 * Generated code addresses this struct from the env register: guest
 * registers are IR globals at offsetof(RvCpu, x[i]) / f[i]; exits leave the
 * next guest pc in `pc`.  The runtime embeds an RvCpu at the start of its
 * per-thread state, so the env pointer is both.
 */
#ifndef RV_CPU_H
#define RV_CPU_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/*
 * Why a block exited with RV_EXIT_EXCEPTION (see rv_exit_* below): the
 * instruction at cpu->pc did something the execution loop must handle.
 */
typedef enum RvException {
    RV_EXC_NONE,
    RV_EXC_ECALL,        /* system call: a7 = number, a0..a5 = arguments */
    RV_EXC_EBREAK,       /* breakpoint: SIGTRAP for the guest */
    RV_EXC_ILLEGAL,      /* illegal/unsupported encoding: SIGILL at pc */
    RV_EXC_FENCE_I,      /* instruction-fetch fence: flush translations */
    RV_EXC_MISALIGNED,   /* misaligned AMO/LR/SC address (cpu->badaddr) */
} RvException;

typedef struct RvCpu {
    uint64_t x[32];        /* x[0] is always 0 */
    uint64_t f[32];        /* FP registers; singles NaN-boxed (12.2) */
    uint64_t pc;           /* at exits: the next pc, or the faulting insn's */
    uint64_t res_addr;     /* LR/SC reservation address, or RV_NO_RESERVATION */
    uint64_t res_val;      /* the value LR loaded (SC compares it: 8.2) */
    uint32_t frm;          /* dynamic rounding mode (11.2), 0..7 */
    uint32_t fflags;       /* accrued flags not held in the host MXCSR */
    uint32_t exception;    /* RvException of an RV_EXIT_EXCEPTION exit */
    uint32_t insn;         /* its encoding (for SIGILL reports, -d logs) */
    uint64_t badaddr;      /* address of a misaligned access */
    uint64_t instret;      /* instructions retired before the current TB */
    struct RvCpu *self;    /* this struct's own address (rv_cpu_init): the
                              generated code loads it to pass the CPU state to
                              C helpers such as rv_fcsr_read/rv_fcsr_write */
    volatile uint32_t exit_request; /* non-zero: every TB leaves at its start
                              (exit_tb 0, pc = the TB's pc) so the runtime
                              regains control: pending signals, flushes */
    /* The return-address stack (docs/frontend.md; JitRas in jit.h, lower_
     * ras.c): RV_RAS_SIZE entries indexed by the sp of the call.  A return
     * to exactly an entry's pc jumps to its host code, so the table must
     * be emptied (rv_ras_clear) before the code it points to goes away: at
     * every code-cache flush (runtime/tbcache). */
    struct RvRasEntry {
        uint64_t pc;       /* guest return address; odd: empty */
        const void *code;  /* the calling block's return stub */
    } ras[1u << 8];
} RvCpu;

#define RV_RAS_BITS 8
#define RV_RAS_SIZE (1u << RV_RAS_BITS)
_Static_assert(sizeof(struct RvRasEntry) == 16, "lower_ras.c: 16-byte entries");
_Static_assert(sizeof(((RvCpu *)0)->ras) / 16 == RV_RAS_SIZE, "RV_RAS_BITS");

#define RV_NO_RESERVATION UINT64_MAX

/* Empties the return-address stack: every entry's pc odd (a return target
 * never is: JALR clears bit 0), its code NULL. */
static inline void rv_ras_clear(RvCpu *cpu)
{
    for (unsigned i = 0; i < RV_RAS_SIZE; i++) {
        cpu->ras[i].pc = 1;
        cpu->ras[i].code = NULL;
    }
}

/* A fresh hart state: everything zero, no reservation, self set.  Whoever
 * creates (or copies) an RvCpu must call this, or at least set `self`. */
static inline void rv_cpu_init(RvCpu *cpu)
{
    memset(cpu, 0, sizeof(*cpu));
    cpu->res_addr = RV_NO_RESERVATION;
    cpu->self = cpu;
    rv_ras_clear(cpu);
}

/*
 * exit_tb values (the IR's exit_tb constant; jit_enter returns them):
 *   0                     no chaining: continue at cpu->pc;
 *   token | 0, token | 1  left through goto_tb slot 0/1 (unpatched): the
 *                         loop may patch that slot to the TB at cpu->pc;
 *   token | 2             exception: cpu->exception says what, cpu->pc is
 *                         the instruction's pc.
 * `token` is the runtime's TB descriptor address, 4-byte aligned, given to
 * rv_translate() before translation.
 */
#define RV_EXIT_SLOT_MASK   3u
#define RV_EXIT_EXCEPTION   2u

#endif
