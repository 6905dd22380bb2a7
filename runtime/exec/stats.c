/* The runtime counters of stats.def and their printout (--stats). */
#include <inttypes.h>

#include "stats.h"

uint64_t rt_stats[RT_STAT_COUNT];

static const struct {
    const char *field, *what;
} stat_names[RT_STAT_COUNT] = {
#define RT_STAT(field, what) { #field, what },
#include "stats.def"
#undef RT_STAT
};

void rt_stats_print(FILE *f)
{
    for (unsigned i = 0; i < RT_STAT_COUNT; i++)
        fprintf(f, "rvtcg-stats: %-16s %12" PRIu64 "  # %s\n",
                stat_names[i].field, rt_stats[i], stat_names[i].what);
}
