/*
 * The runtime counters of stats.def and their printout (--stats), with
 * the values derived from them at exit: host code bytes per guest
 * instruction, wall and CPU time, the share of wall time spent
 * translating, and the peak RSS (getrusage).
 */
#include <inttypes.h>
#include <sys/resource.h>
#include <time.h>

#include "stats.h"

uint64_t rt_stats[RT_STAT_COUNT];
bool rt_stats_on;

/* wall time starts when the process does (a guest execve starts anew) */
static uint64_t start_ns;

static const struct {
    const char *field, *what;
} stat_names[RT_STAT_COUNT] = {
#define RT_STAT(field, what) { #field, what },
#include "stats.def"
#undef RT_STAT
};

uint64_t rt_stats_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

__attribute__((constructor)) static void stats_start(void)
{
    start_ns = rt_stats_now_ns();
}

void rt_stats_enable(void)
{
    rt_stats_on = true;
}

static uint64_t get(unsigned i)
{
    return __atomic_load_n(&rt_stats[i], __ATOMIC_RELAXED);
}

static void derived(FILE *f, const char *field, double v, const char *what)
{
    fprintf(f, "rvtcg-stats: %-16s %15.2f  # %s\n", field, v, what);
}

static double ms_of(const struct timeval *tv)
{
    return tv->tv_sec * 1e3 + tv->tv_usec / 1e3;
}

void rt_stats_print(FILE *f)
{
    for (unsigned i = 0; i < RT_STAT_COUNT; i++)
        fprintf(f, "rvtcg-stats: %-16s %12" PRIu64 "  # %s\n",
                stat_names[i].field, get(i), stat_names[i].what);

    uint64_t insns = get(RT_STAT_guest_insns);
    uint64_t wall = rt_stats_now_ns() - start_ns;
    derived(f, "bytes_per_insn",
            insns ? (double)get(RT_STAT_host_bytes) / insns : 0,
            "host code bytes per guest instruction translated");
    derived(f, "ns_per_insn",
            insns ? (double)get(RT_STAT_translate_ns) / insns : 0,
            "translation time per guest instruction");
    derived(f, "wall_ms", wall / 1e6, "wall time since rvtcg started");
    derived(f, "translate_pct",
            wall ? 100.0 * get(RT_STAT_translate_ns) / wall : 0,
            "share of wall time spent translating (%)");
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) == 0) {
        derived(f, "user_ms", ms_of(&ru.ru_utime), "user CPU time");
        derived(f, "sys_ms", ms_of(&ru.ru_stime), "system CPU time");
        fprintf(f, "rvtcg-stats: %-16s %12ld  # %s\n", "peak_rss_kib",
                ru.ru_maxrss, "peak resident set size (KiB)");
    }
}
