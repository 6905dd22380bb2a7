/*
 * The JIT side of a difftest run (see jit_run.h).  A runner owns one Jit
 * whose code cache holds, besides the program under test, the block that
 * lookup_tb "hits" (GEN_HIT_PC: a block that only exits with
 * GEN_HIT_EXIT), recompiled after every flush.  Crashes in generated code
 * come back through siglongjmp from a handler on an alternate stack.
 */
#include "jit_run.h"

#include <fenv.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>
#include <unistd.h>

#include "diff_helpers.h"
#include "gen_prog.h"
#include "ir-build.h"
#include "ir_clone.h"
#include "jit.h"
#include "opt_glue.h"

struct JitRunner {
    Jit *jit;
    JitTb hit;
    bool have_hit;
    unsigned flushes;       /* code compiled before a flush is gone */
};

static JitRunner *current;
static bool looked_up;
static uint64_t lookup_pc;

static sigjmp_buf crash_env;
static volatile sig_atomic_t armed;
static volatile uintptr_t crash_pc;
static volatile int crash_fpflags;
static const char *watch_label = "?";

static const void *lookup_hook(void *env, uint64_t pc)
{
    (void)env;
    looked_up = true;
    lookup_pc = pc;
    return pc == GEN_HIT_PC && current->have_hit ? current->hit.code : NULL;
}

static void crash_handler(int sig, siginfo_t *si, void *uc_)
{
    ucontext_t *uc = uc_;
    (void)si;
    if (!armed) {
        signal(sig, SIG_DFL);
        raise(sig);
        return;
    }
    armed = 0;
    crash_pc = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
    /* the interrupted code's FP flags: the handler runs with a fresh FP
       state, and leaving by siglongjmp does not bring the old one back
       (MXCSR and the x87 status word keep the flags in the FE_* bits) */
    crash_fpflags = uc->uc_mcontext.fpregs
        ? (int)((uc->uc_mcontext.fpregs->mxcsr | uc->uc_mcontext.fpregs->swd) &
                FE_ALL_EXCEPT)
        : 0;
    siglongjmp(crash_env, sig);
}

static void hang_handler(int sig)
{
    (void)sig;
    static const char msg[] = "\nirdiff: generated code did not return: ";
    ssize_t r = write(2, msg, sizeof msg - 1);
    r = write(2, watch_label, strlen(watch_label));
    r = write(2, "\n", 1);
    (void)r;
    _exit(2);
}

void jit_runner_set_label(const char *label)
{
    watch_label = label;
}

static void install_handlers(void)
{
    static bool done;
    static char altstack[1 << 16];
    if (done)
        return;
    done = true;
    stack_t ss = { .ss_sp = altstack, .ss_size = sizeof altstack };
    sigaltstack(&ss, NULL);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = crash_handler;
    /* NODEFER: the handler leaves by siglongjmp without restoring the
       signal mask, so the signal must not stay blocked */
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP };
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        sigaction(sigs[i], &sa, NULL);
    signal(SIGALRM, hang_handler);
}

static bool compile_hit(JitRunner *jr)
{
    IrCtx *ctx = ir_ctx_new();
    ir_exit_tb(ctx, GEN_HIT_EXIT);
    jr->have_hit = jit_compile(jr->jit, ctx, &jr->hit) == 0;
    ir_ctx_free(ctx);
    return jr->have_hit;
}

JitRunner *jit_runner_new(uint32_t features)
{
    return jit_runner_new_sized(features, 16u << 20);
}

JitRunner *jit_runner_new_sized(uint32_t features, size_t code_size)
{
    char err[200];
    JitRunner *jr = calloc(1, sizeof *jr);
    JitConfig cfg = {
        .host_features = features & x86_host_features(),
        .guest_base = (uintptr_t)diff_run_state.guest,
        .code_size = code_size,
        .wx = false,
        .lookup = lookup_hook,
    };
    install_handlers();
    jr->jit = jit_new(&cfg, err, sizeof err);
    if (!jr->jit) {
        fprintf(stderr, "irdiff: jit_new: %s\n", err);
        exit(1);
    }
    compile_hit(jr);
    return jr;
}

unsigned jit_runner_flushes(const JitRunner *jr)
{
    return jr->flushes;
}

void jit_runner_free(JitRunner *jr)
{
    if (jr->have_hit)
        jit_tb_free(&jr->hit);
    jit_free(jr->jit);
    free(jr);
}

/* Compiles a copy of CTX (the backend may annotate or change it). */
static int compile_copy(JitRunner *jr, const IrCtx *ctx, JitTb *tb)
{
    IrCtx *c = ir_clone(ctx, NULL);
    int r = jit_compile(jr->jit, c, tb);
    ir_ctx_free(c);
    return r;
}

static int compile(JitRunner *jr, const IrCtx *ctx, JitTb *tb)
{
    int r = compile_copy(jr, ctx, tb);
    if (r == -1) {                      /* cache full: flush, retry once */
        if (jr->have_hit)
            jit_tb_free(&jr->hit);
        jr->have_hit = false;
        jit_flush(jr->jit);
        jr->flushes++;
        compile_hit(jr);
        r = compile_copy(jr, ctx, tb);
    }
    return r;
}

struct JitProg {
    JitRunner *jr;
    JitTb tb;
    IrCtx *ir;              /* what was compiled (optimized if asked) */
    unsigned flushes;       /* jr->flushes when tb was compiled */
};

JitProg *jit_prog_new(JitRunner *jr, const IrCtx *ctx, bool optimize,
                      char *err, size_t errlen)
{
    JitProg *jp = calloc(1, sizeof *jp);
    if (!jp)
        abort();
    jp->jr = jr;
    jp->ir = ir_clone(ctx, NULL);
    if (optimize)
        diff_optimize(jp->ir);
    int r = compile(jr, jp->ir, &jp->tb);
    jp->flushes = jr->flushes;
    if (r != 0) {
        snprintf(err, errlen, "jit_compile returned %d", r);
        ir_ctx_free(jp->ir);
        free(jp);
        return NULL;
    }
    alarm(60);          /* the hang watchdog, for all runs of the program */
    return jp;
}

void jit_prog_free(JitProg *jp)
{
    if (jp) {
        alarm(0);
        jit_tb_free(&jp->tb);
        ir_ctx_free(jp->ir);
        free(jp);
    }
}

void jit_prog_run(JitProg *jp, const DiffState *init, int round,
                  DiffOutcome *out)
{
    JitRunner *jr = jp->jr;
    int saved = fegetround();
    memset(out, 0, sizeof *out);
    if (jp->flushes != jr->flushes) {   /* another program flushed the cache */
        jit_tb_free(&jp->tb);
        int r = compile(jr, jp->ir, &jp->tb);
        jp->flushes = jr->flushes;
        if (r != 0) {
            memset(&jp->tb, 0, sizeof jp->tb);
            snprintf(out->err, sizeof out->err, "jit_compile returned %d", r);
            return;
        }
    }
    if (!jp->tb.code) {
        snprintf(out->err, sizeof out->err, "no code (recompilation failed)");
        return;
    }
    diff_run_state = *init;
    diff_cur_env = &diff_run_state.env;
    current = jr;
    looked_up = false;
    fesetround(round);
    feclearexcept(FE_ALL_EXCEPT);
    int sig = sigsetjmp(crash_env, 0);
    if (sig == 0) {
        armed = 1;
        out->exit = jit_enter(jr->jit, (char *)&diff_run_state.env + init->env_bias,
                              jp->tb.code);
        armed = 0;
        out->flags = fetestexcept(FE_ALL_EXCEPT);
        out->ok = true;
    } else {
        uintptr_t pc = crash_pc, base = (uintptr_t)jp->tb.code;
        bool in_block = pc >= base && pc < base + jp->tb.size;
        /* a guest access that faults (SIGSEGV, SIGBUS; a misaligned
           IR_MO_ALIGN access traps with ud2: SIGILL): compared with the
           interpreter's fault (the state must be precise) */
        out->ok = out->faulted =
            in_block && (sig == SIGSEGV || sig == SIGBUS || sig == SIGILL);
        out->flags = crash_fpflags;
        if (in_block)
            snprintf(out->err, sizeof out->err,
                     "generated code crashed: signal %d at code+%#lx", sig,
                     (unsigned long)(pc - base));
        else
            snprintf(out->err, sizeof out->err,
                     "crashed: signal %d at host pc %#lx (outside the block)",
                     sig, (unsigned long)pc);
    }
    fesetround(saved);
    out->looked_up = looked_up;
    out->lookup_pc = lookup_pc;
    out->state = diff_run_state;
}

void jit_run(JitRunner *jr, const IrCtx *ctx, bool optimize,
             const DiffState *init, int round, DiffOutcome *out)
{
    char err[160];
    JitProg *jp = jit_prog_new(jr, ctx, optimize, err, sizeof err);
    if (!jp) {
        memset(out, 0, sizeof *out);
        snprintf(out->err, sizeof out->err, "%s", err);
        out->too_big = !strcmp(err, "jit_compile returned -2");
        return;
    }
    jit_prog_run(jp, init, round, out);
    jit_prog_free(jp);
}
