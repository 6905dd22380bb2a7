/*
 * Command-line parsing (options.h).  QEMU-style options take one dash (two
 * are accepted too) and their argument as the next word; our own long
 * options also take "--name=value".  Every error is one line on stderr,
 * "rvtcg: ... (try 'rvtcg --help')", and exit status 1.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "options.h"

#ifndef RVTCG_VERSION
#define RVTCG_VERSION "unknown"
#endif

enum {
    O_HELP, O_VERSION, O_D, O_DLOG, O_DFILTER, O_ONE_INSN, O_NO_CHAIN,
    O_OPT_DISABLE, O_CODE_SIZE, O_WX, O_STATS,
};

static const struct {
    const char *name;
    int id;
    bool arg;
} opts[] = {
    { "h", O_HELP, false },           { "help", O_HELP, false },
    { "version", O_VERSION, false },  { "d", O_D, true },
    { "D", O_DLOG, true },            { "dfilter", O_DFILTER, true },
    { "one-insn-per-tb", O_ONE_INSN, false },
    { "singlestep", O_ONE_INSN, false },
    { "no-chain", O_NO_CHAIN, false }, { "opt-disable", O_OPT_DISABLE, true },
    { "code-size", O_CODE_SIZE, true }, { "wx", O_WX, false },
    { "stats", O_STATS, false },
};

/* One line: "rvtcg: MESSAGE (try 'rvtcg --help')", exit status 1. */
static _Noreturn void usage_error(const char *fmt, const char *a)
{
    fprintf(stderr, "rvtcg: ");
    fprintf(stderr, fmt, a);
    fprintf(stderr, " (try 'rvtcg --help')\n");
    exit(1);
}

static void help(void)
{
    printf(
"usage: rvtcg [options] program [arguments...]\n"
"Runs a static riscv64 Linux program on this x86-64 host.\n"
"\n"
"Options:\n"
"  -h, --help             print this help and exit\n"
"  -version               print the version and exit\n"
"  -d ITEM[,...]          log items: in_asm op op_opt out_asm exec cpu\n"
"                         nochain int all ('-d help' explains them)\n"
"  -D FILE                write the log to FILE instead of stderr\n"
"  -dfilter RANGE[,...]   log only TBs starting in these guest pc ranges\n"
"                         (A..B inclusive, A+LEN, A-LEN)\n"
"  -one-insn-per-tb       one guest instruction per translation block\n"
"  --no-chain             never chain translation blocks (-d nochain)\n"
"  --opt-disable=RULES    turn optimizer rules off (comma list or 'all')\n"
"  --code-size=N[K|M|G]   code cache size (default 32M, at most 1G)\n"
"  --wx                   W^X code cache: no page writable and executable\n"
"  --stats                print runtime counters to stderr at exit\n");
}

static size_t parse_size(const char *s)
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
        usage_error("bad size '%s' for --code-size", s);
    return (size_t)(v << shift);
}

static void apply(RtOptions *o, int id, const char *arg)
{
    char err[256];
    const char *bad;
    switch (id) {
    case O_HELP:
        help();
        exit(0);
    case O_VERSION:
        printf("rvtcg version %s\n", RVTCG_VERSION);
        exit(0);
    case O_D:
        if (!strcmp(arg, "help")) {
            rt_log_help(stdout);
            exit(0);
        }
        if (!rt_log_parse(arg, &o->log_mask, &bad))
            usage_error("unknown log item '%s'", bad);
        break;
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
    case O_NO_CHAIN:
        o->no_chain = true;
        break;
    case O_OPT_DISABLE:
        if (!opt_disable_rules(&o->opt, arg, &bad))
            usage_error("unknown optimizer rule '%s'", bad);
        break;
    case O_CODE_SIZE:
        o->code_size = parse_size(arg);
        break;
    case O_WX:
        o->wx = true;
        break;
    case O_STATS:
        o->stats = true;
        break;
    }
}

void rt_options_parse(RtOptions *o, int argc, char **argv)
{
    memset(o, 0, sizeof *o);
    o->opt = opt_config_default();
    int i = 1;
    while (i < argc && argv[i][0] == '-' && argv[i][1]) {
        const char *a = argv[i++];
        if (!strcmp(a, "--"))
            break;
        const char *name = a + 1 + (a[1] == '-');
        const char *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        size_t k;
        for (k = 0; k < sizeof opts / sizeof opts[0]; k++)
            if (strlen(opts[k].name) == len &&
                !strncmp(opts[k].name, name, len))
                break;
        if (k == sizeof opts / sizeof opts[0])
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
        apply(o, opts[k].id, arg);
    }
    if (i >= argc)
        usage_error("no program given%s", "");
    o->prog_index = i;
}
