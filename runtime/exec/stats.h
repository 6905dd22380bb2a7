/*
 * Runtime statistics (--stats): counters listed in stats.def, bumped with
 * RT_STAT_INC and printed at exit by rt_stats_print.
 */
#ifndef STATS_H
#define STATS_H

#include <stdint.h>
#include <stdio.h>

enum {
#define RT_STAT(field, what) RT_STAT_##field,
#include "stats.def"
#undef RT_STAT
    RT_STAT_COUNT
};

extern uint64_t rt_stats[RT_STAT_COUNT];

#define RT_STAT_INC(field) (rt_stats[RT_STAT_##field]++)
#define RT_STAT_ADD(field, n) (rt_stats[RT_STAT_##field] += (n))

/* One line per counter: "rvtcg-stats: field value  # description". */
void rt_stats_print(FILE *f);

#endif
