/*
 * Command-line parsing (options.h).  QEMU-style options take one dash (two
 * are accepted too) and their argument as the next word; our own long
 * options also take "--name=value".  Each option with an environment
 * variable (qemu-riscv64 -h lists QEMU_* ones; ours are RVTCG_*) is read
 * from the environment first, so the command line wins.  A flag's variable
 * turns the flag on whatever its value, as QEMU's do.  Every error is one
 * line on stderr, "rvtcg: ... (try 'rvtcg --help')", and exit status 1.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "log.h"
#include "options.h"

#ifndef RVTCG_VERSION
#define RVTCG_VERSION "unknown"
#endif

size_t rt_stack_size;

enum {
    O_HELP, O_VERSION, O_D, O_DLOG, O_DFILTER, O_ONE_INSN, O_NO_CHAIN,
    O_OPT_DISABLE, O_CODE_SIZE, O_WX, O_STATS, O_SYSROOT, O_STACK, O_CPU,
    O_SETENV, O_UNSETENV, O_ARGV0, O_STRACE, O_PERFMAP, O_QEMU_ONLY,
#define PERF_SWITCH(field, name, on, help) O_NO_##field, O_YES_##field,
#include "perf_switches.def"
#undef PERF_SWITCH
};

static const struct {
    const char *name;
    int id;
    bool arg;
    const char *env;       /* environment variable, or NULL */
} opts[] = {
    { "h", O_HELP, false, NULL },
    { "help", O_HELP, false, NULL },
    { "version", O_VERSION, false, "RVTCG_VERSION" },
    { "L", O_SYSROOT, true, "RVTCG_LD_PREFIX" },
    { "s", O_STACK, true, "RVTCG_STACK_SIZE" },
    { "cpu", O_CPU, true, "RVTCG_CPU" },
    { "E", O_SETENV, true, "RVTCG_SET_ENV" },
    { "U", O_UNSETENV, true, "RVTCG_UNSET_ENV" },
    { "0", O_ARGV0, true, "RVTCG_ARGV0" },
    { "d", O_D, true, "RVTCG_LOG" },
    { "dfilter", O_DFILTER, true, "RVTCG_DFILTER" },
    { "D", O_DLOG, true, "RVTCG_LOG_FILENAME" },
    { "strace", O_STRACE, false, "RVTCG_STRACE" },
    { "one-insn-per-tb", O_ONE_INSN, false, NULL },
    { "singlestep", O_ONE_INSN, false, "RVTCG_SINGLESTEP" },
    { "no-chain", O_NO_CHAIN, false, NULL },
#define PERF_SWITCH(field, name, on, help) \
    { "no-" name, O_NO_##field, false, NULL }, \
    { name, O_YES_##field, false, NULL },
#include "perf_switches.def"
#undef PERF_SWITCH
    { "opt-disable", O_OPT_DISABLE, true, NULL },
    { "code-size", O_CODE_SIZE, true, NULL },
    { "code-buffer-size", O_CODE_SIZE, true, NULL },
    { "wx", O_WX, false, NULL },
    { "stats", O_STATS, false, NULL },
    { "perfmap", O_PERFMAP, false, "RVTCG_PERFMAP" },
    /* qemu-riscv64 options rvtcg does not have */
    { "g", O_QEMU_ONLY, true, NULL },
    { "r", O_QEMU_ONLY, true, NULL },
    { "B", O_QEMU_ONLY, true, NULL },
    { "R", O_QEMU_ONLY, true, NULL },
    { "p", O_QEMU_ONLY, true, NULL },
    { "seed", O_QEMU_ONLY, true, NULL },
    { "trace", O_QEMU_ONLY, true, NULL },
    { "plugin", O_QEMU_ONLY, true, NULL },
};
#define N_OPTS (sizeof opts / sizeof opts[0])

/* The environment variable being read, for error messages (NULL while
 * reading the command line). */
static const char *from_env;

/* One line: "rvtcg: MESSAGE (try 'rvtcg --help')", exit status 1. */
static _Noreturn __attribute__((format(printf, 1, 2)))
void usage_error(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "rvtcg: ");
    if (from_env)
        fprintf(stderr, "%s: ", from_env);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, " (try 'rvtcg --help')\n");
    exit(1);
}

static void help(void)
{
    printf(
"usage: rvtcg [options] program [arguments...]\n"
"Runs a riscv64 Linux program on this x86-64 host, like qemu-riscv64.\n"
"\n"
"Options and their environment variables (the command line wins):\n"
"  -h, -help              print this help and exit\n"
"  -version               print the version and exit (RVTCG_VERSION)\n"
"  -L PATH                sysroot for absolute guest paths, e.g. the\n"
"                         dynamic loader's (RVTCG_LD_PREFIX)\n"
"  -s SIZE[K|M|G]         guest stack size (RVTCG_STACK_SIZE; default\n"
"                         8M or RLIMIT_STACK if larger)\n"
"  -cpu MODEL[,EXT=on|off...]\n"
"                         CPU model rv64, any or max (RVTCG_CPU;\n"
"                         '-cpu help' lists models and extensions)\n"
"  -E VAR=VALUE[,...]     set a variable of the guest's environment\n"
"                         (RVTCG_SET_ENV)\n"
"  -U VAR[,...]           unset a variable of the guest's environment\n"
"                         (RVTCG_UNSET_ENV)\n"
"  -0 ARGV0               the guest's argv[0] (RVTCG_ARGV0)\n"
"  -strace                log system calls (RVTCG_STRACE)\n"
"  -d ITEM[,...]          log items: in_asm op op_opt out_asm exec cpu\n"
"                         nochain int unimp strace all ('-d help'\n"
"                         explains them) (RVTCG_LOG)\n"
"  -D FILE                write the log to FILE instead of stderr\n"
"                         (RVTCG_LOG_FILENAME)\n"
"  -dfilter RANGE[,...]   log only TBs starting in these guest pc ranges\n"
"                         (A..B inclusive, A+LEN, A-LEN) (RVTCG_DFILTER)\n"
"  -one-insn-per-tb, -singlestep\n"
"                         one guest instruction per translation block\n"
"                         (RVTCG_SINGLESTEP)\n"
"  --no-chain             never chain translation blocks (-d nochain)\n"
"  --opt-disable=RULES    turn optimizer rules off (comma list or 'all')\n"
"  --code-size=N[K|M|G]   code cache size (default 32M, at most 1G)\n"
"  --wx                   W^X code cache: no page writable and executable\n"
"  --stats                print runtime counters to stderr at exit\n"
"  -perfmap               write /tmp/perf-PID.map naming the generated\n"
"                         code after guest symbols, for perf\n"
"                         (RVTCG_PERFMAP)\n"
"Optimizations, for bisecting and measuring (docs/performance.md):\n");
#define PERF_SWITCH(field, name, on, help) \
    printf("  --[no-]%-15s %s (default %s)\n", name, help, on ? "on" : "off");
#include "perf_switches.def"
#undef PERF_SWITCH
    printf("\n"
"-E and -U may be given several times; a later change of a variable\n"
"wins.  A riscv64 program the guest runs with execve runs under rvtcg\n"
"with the same options (but -E, -U and -0).\n");
}

/* N[K|M|G] (K = 1024), nonzero. */
static size_t parse_size(const char *s, const char *opt)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 0);
    unsigned shift = 0;
    if (*end == 'K' || *end == 'k')
        shift = 10, end++;
    else if (*end == 'M' || *end == 'm')
        shift = 20, end++;
    else if (*end == 'G' || *end == 'g')
        shift = 30, end++;
    if (errno || end == s || *end || s[0] == '-' || v == 0 ||
        v > (~0ull >> shift))
        usage_error("bad size '%s' for %s", s, opt);
    return (size_t)(v << shift);
}

/* -E/-U: a comma-separated list (getsubopt(3) style, as qemu's). */
static void env_edits(RtOptions *o, const char *list, bool unset)
{
    char *copy = strdup(list);
    if (!copy)
        usage_error("out of memory");
    char *save = NULL;
    int n = 0;
    for (char *s = strtok_r(copy, ",", &save); s;
         s = strtok_r(NULL, ",", &save), n++) {
        if (unset ? strchr(s, '=') != NULL : strchr(s, '=') == NULL)
            usage_error("bad %s '%s' (expected %s)", unset ? "-U" : "-E", s,
                        unset ? "VAR" : "VAR=VALUE");
        RtEnvEdit *e = realloc(o->env, (o->n_env + 1) * sizeof *e);
        if (!e)
            usage_error("out of memory");
        o->env = e;
        o->env[o->n_env++] = (RtEnvEdit){ .s = s, .unset = unset };
    }
    if (n == 0)
        usage_error("empty %s list", unset ? "-U" : "-E");
}

/* "-name" words for exec_words, each option's name with a dash. */
static char dashed[N_OPTS][20];
/* -strace: added to the -d items at the end (a later -d replaces those) */
static bool strace;

static void apply(RtOptions *o, size_t k, const char *arg)
{
    char err[256];
    const char *bad;
    switch (opts[k].id) {
    case O_HELP:
        help();
        exit(0);
    case O_VERSION:
        printf("rvtcg version %s\n", RVTCG_VERSION);
        exit(0);
    case O_D: {
        if (!strcmp(arg, "help")) {
            rt_log_help(stdout);
            exit(0);
        }
        unsigned mask = 0;      /* the last -d wins, as qemu's */
        if (!rt_log_parse(arg, &mask, &bad))
            usage_error("unknown log item '%s'", bad);
        o->log_mask = mask;
        break;
    }
    case O_DLOG:
        o->log_file = arg;
        break;
    case O_DFILTER:
        if (!rt_log_set_dfilter(arg, err, sizeof err))
            usage_error("%s", err);
        o->dfilter = arg;
        break;
    case O_ONE_INSN:
        o->one_insn_per_tb = true;
        break;
#define PERF_SWITCH(field, name, on, help) \
    case O_NO_##field: \
    case O_YES_##field: \
        o->perf.field = opts[k].id == O_YES_##field; \
        break;
#include "perf_switches.def"
#undef PERF_SWITCH
    case O_NO_CHAIN:
        o->no_chain = true;
        break;
    case O_OPT_DISABLE:
        if (!opt_disable_rules(&o->opt, arg, &bad))
            usage_error("unknown optimizer rule '%s'", bad);
        break;
    case O_CODE_SIZE:
        o->code_size = parse_size(arg, "--code-size");
        break;
    case O_WX:
        o->wx = true;
        break;
    case O_STATS:
        o->stats = true;
        break;
    case O_PERFMAP:
        o->perfmap = true;
        break;
    case O_SYSROOT:
        o->sysroot = arg;
        break;
    case O_STACK:
        o->stack_size = parse_size(arg, "-s");
        break;
    case O_CPU:
        if (!strcmp(arg, "help")) {
            rt_cpu_help(stdout);
            exit(0);
        }
        if (!rt_cpu_parse(arg, &o->cpu, err, sizeof err))
            usage_error("%s", err);
        break;
    case O_SETENV:
    case O_UNSETENV:
        env_edits(o, arg, opts[k].id == O_UNSETENV);
        return;                 /* not passed on to execve */
    case O_ARGV0:
        o->argv0 = arg;
        return;
    case O_STRACE:
        strace = true;
        break;
    case O_QEMU_ONLY:
        usage_error("qemu-riscv64 option '-%s' is not supported",
                    opts[k].name);
    }
    /* in effect: remembered for execve (paths made absolute: the guest
     * may change its directory first) */
    o->exec_words[o->n_exec_words++] = dashed[k];
    if (arg && arg[0] != '/' &&
        (opts[k].id == O_SYSROOT || opts[k].id == O_DLOG)) {
        char cwd[4096], *abs;
        if (getcwd(cwd, sizeof cwd) && asprintf(&abs, "%s/%s", cwd, arg) > 0)
            arg = abs;
    }
    if (arg)
        o->exec_words[o->n_exec_words++] = (char *)arg;
}

void rt_options_parse(RtOptions *o, int argc, char **argv)
{
    memset(o, 0, sizeof *o);
    o->opt = opt_config_default();
    o->cpu = rt_cpu_default();
#define PERF_SWITCH(field, name, on, help) o->perf.field = on;
#include "perf_switches.def"
#undef PERF_SWITCH
    o->exec_words = calloc(2 * (argc + N_OPTS) + 1, sizeof(char *));
    if (!o->exec_words)
        usage_error("out of memory");
    for (size_t k = 0; k < N_OPTS; k++)
        snprintf(dashed[k], sizeof dashed[k], "-%s", opts[k].name);

    for (size_t k = 0; k < N_OPTS; k++) {
        const char *v = opts[k].env ? getenv(opts[k].env) : NULL;
        if (!v)
            continue;
        from_env = opts[k].env;
        apply(o, k, opts[k].arg ? v : NULL);
        from_env = NULL;
    }

    int i = 1;
    while (i < argc && argv[i][0] == '-' && argv[i][1]) {
        const char *a = argv[i++];
        if (!strcmp(a, "--"))
            break;
        const char *name = a + 1 + (a[1] == '-');
        const char *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        size_t k;
        for (k = 0; k < N_OPTS; k++)
            if (strlen(opts[k].name) == len &&
                !strncmp(opts[k].name, name, len))
                break;
        if (k == N_OPTS)
            usage_error("unknown option '%s'", a);
        const char *arg = NULL;
        if (opts[k].arg) {
            if (eq)
                arg = eq + 1;
            else if (i < argc)
                arg = argv[i++];
            else
                usage_error("option '%s' needs an argument", a);
        } else if (eq) {
            usage_error("option '%s' takes no argument", a);
        }
        apply(o, k, arg);
    }
    if (i >= argc)
        usage_error("no program given");
    o->prog_index = i;
    if (strace)
        o->log_mask |= RT_LOG_STRACE;
}

char **rt_options_guest_env(const RtOptions *o, char **envp)
{
    size_t n = 0;
    while (envp && envp[n])
        n++;
    char **env = calloc(n + o->n_env + 1, sizeof *env);
    if (!env)
        return NULL;
    for (size_t j = 0; j < n; j++)
        env[j] = envp[j];
    for (int k = 0; k < o->n_env; k++) {
        const char *s = o->env[k].s;
        size_t len = strcspn(s, "=");
        size_t j;
        for (j = 0; j < n; j++)
            if (!strncmp(env[j], s, len) &&
                (env[j][len] == '=' || env[j][len] == 0))
                break;
        if (o->env[k].unset) {
            if (j < n) {
                memmove(env + j, env + j + 1, (n - j) * sizeof *env);
                n--;
            }
        } else {
            env[j] = (char *)s;
            if (j == n)
                env[++n] = NULL;
        }
    }
    return env;
}
