/*
 * rvtcg: runs a static riscv64 Linux program on an x86-64 host, like
 * qemu-riscv64 (docs/runtime.md).
 *
 *   options -> log file -> ELF checks and loading -> code cache (JIT) ->
 *   TB cache -> initial stack -> fault handlers -> execution loop
 *
 * Errors before the guest runs are one line, "rvtcg: PATH: reason" for
 * the program, and exit status 1.
 *
 * The guest's argv is ours after the program (argv[0] replaced by -0),
 * its environment ours with the -E/-U edits; rvtcg's own RVTCG_*
 * variables stay in it, as qemu-riscv64 leaves QEMU_* ones.
 */
#include <fcntl.h>
#include <stddef.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "cpu_loop.h"
#include "elf_load.h"
#include "elf_syms.h"
#include "guest_mem.h"
#include "log.h"
#include "options.h"
#include "perfmap.h"
#include "pins.h"
#include "rt_signal.h"
#include "stats.h"
#include "sys_exec.h"
#include "sys_procfs.h"
#include "sysroot.h"
#include "translate.h"

extern char **environ;

#define DEFAULT_MAX_INSNS 512       /* per TB, as QEMU's TCG_MAX_INSNS */
#define DEFAULT_STACK_SIZE (8ull << 20)   /* qemu's TARGET_DEFAULT_STACK_SIZE */

static _Noreturn void die(const char *what, const char *why)
{
    fprintf(stderr, "rvtcg: %s: %s\n", what, why);
    exit(1);
}

/* The guest stack size: -s, else 8 MiB or a larger finite RLIMIT_STACK
 * (qemu-riscv64's rule, linux-user/main.c). */
static size_t stack_size(const RtOptions *o)
{
    if (o->stack_size)
        return o->stack_size;
    struct rlimit rl;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
        rl.rlim_cur > DEFAULT_STACK_SIZE)
        return rl.rlim_cur;
    return DEFAULT_STACK_SIZE;
}

int main(int argc, char **argv)
{
    RtOptions o;
    char err[512];
    rt_logfile = stderr;
    rt_options_parse(&o, argc, argv);
    rt_log_mask = o.log_mask;
    if (o.stats)
        rt_stats_enable();
    if (o.log_file && !rt_log_open(o.log_file, err, sizeof err))
        die("-D", err);
    if (o.log_file)     /* a guest execve reopens it; others mustn't see it */
        fcntl(fileno(rt_logfile), F_SETFD, FD_CLOEXEC);
    rt_sysroot_set(o.sysroot);
    rt_cpu_set(&o.cpu);             /* AT_HWCAP, riscv_hwprobe */
    rt_stack_size = stack_size(&o);
    sys_exec_set_options(o.exec_words, o.n_exec_words);

    const char *path = argv[o.prog_index];
    char abspath[PATH_MAX];
    bool have_abspath = realpath(path, abspath) != NULL;
    if (have_abspath)
        sys_procfs_set_exe(abspath);
    static ElfFile ef;              /* stays mapped: symbols for the logs */
    ElfImage img;
    if (!elf_file_open(&ef, path, EM_RISCV, err, sizeof err) ||
        !elf_load_named(&ef, have_abspath ? abspath : path, &img, err,
                        sizeof err))
        die(path, err);
    if (rt_log_mask || o.perfmap)   /* symbols: the logs, perf map names */
        elf_syms_load(&ef, img.load_bias);
    if (o.perfmap && !rt_perfmap_open(err, sizeof err))
        die("-perfmap", err);
    rt_log_set_symbolizer(elf_syms_lookup);

    bool chain = !o.no_chain &&
                 !(rt_log_mask & (RT_LOG_NOCHAIN | RT_LOG_EXEC | RT_LOG_CPU));
    JitConfig jc = {
        .host_features = x86_host_features(),
        .guest_base = guest_base,
        .code_size = o.code_size,
        .wx = o.wx,
        .lookup = rt_lookup_hook,
        /* indirect jumps probe the thread's jump cache inline (jit.h) */
        .lookup_cache = {
            .enabled = chain && o.perf.inline_lookup,
            .table_ofs = (int32_t)(offsetof(RtThread, jc) +
                                   offsetof(TbJumpCache, e)),
            .bits = TB_JC_BITS,
            .pc_ofs = (int32_t)offsetof(TbDesc, pc),
            .key_ofs = (int32_t)(offsetof(TbDesc, flags) +
                                 offsetof(RvTbFlags, frm)),
            .env_key_ofs = (int32_t)offsetof(RvCpu, frm),
            .code_ofs = (int32_t)(offsetof(TbDesc, jt) +
                                  offsetof(JitTb, code)),
        },
        .direct_jcc = chain && o.perf.direct_jcc,
        .align_blocks = o.perf.align_blocks,
        .ras = { .enabled = chain && o.perf.ras, .bits = RV_RAS_BITS,
                 .ring_ofs = (int32_t)offsetof(RvCpu, ras) },
    };
    rt_pins_setup(&jc, o.perf.pin);
    Jit *jit = jit_new(&jc, err, sizeof err);
    if (!jit) {
        fprintf(stderr, "rvtcg: %s\n", err);
        return 1;
    }
    tb_cache_init(jit);
    RtTranslateConfig tc = {
        .max_insns = o.one_insn_per_tb ? 1 : DEFAULT_MAX_INSNS,
        .opt = o.opt,
        .code_size = o.code_size,
        .ext = o.cpu.ext,
        .fusion = o.perf.fusion,
        .ras = chain && o.perf.ras,
    };
    rt_translate_init(&tc);

    static RtThread thread;
    rv_cpu_init(&thread.cpu);
    char **guest_argv = argv + o.prog_index;
    if (o.argv0)
        guest_argv[0] = (char *)o.argv0;
    char **guest_env = rt_options_guest_env(&o, environ);
    if (!guest_env)
        die(path, "out of memory");
    ElfStackArgs sa = {
        .argc = argc - o.prog_index,
        .argv = guest_argv,
        .envp = guest_env,
        .execfn = path,
    };
    uint64_t sp;
    if (!elf_init_stack(&img, &sa, &sp, err, sizeof err))
        die(path, err);
    thread.cpu.x[2] = sp;
    thread.cpu.pc = img.entry;
    tb_jc_register(&thread.jc);
    rt_thread_register(&thread);

    rt_signal_init();
    RtLoopConfig lc = { .chain = chain, .stats = o.stats };
    rt_loop_config_set(&lc);
    rt_cpu_loop(&thread);
}
