/*
 * Runtime statistics (--stats): counters listed in stats.def, bumped with
 * RT_STAT_INC / RT_STAT_ADD and printed at exit by rt_stats_print.
 *
 * Counting is off unless --stats asked for it (rt_stats_on): the hot
 * paths (lookups from generated code, loop entries) then pay one
 * predictable branch on a global.  When on, each bump is a relaxed atomic
 * add, so threads may count at the same time; the totals are read once,
 * at exit.
 */
#ifndef STATS_H
#define STATS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

enum {
#define RT_STAT(field, what) RT_STAT_##field,
#include "stats.def"
#undef RT_STAT
    RT_STAT_COUNT
};

extern uint64_t rt_stats[RT_STAT_COUNT];
extern bool rt_stats_on;

#define RT_STAT_ADD(field, n)                                               \
    (__builtin_expect(rt_stats_on, 0)                                       \
         ? (void)__atomic_fetch_add(&rt_stats[RT_STAT_##field],             \
                                    (uint64_t)(n), __ATOMIC_RELAXED)        \
         : (void)0)
#define RT_STAT_INC(field) RT_STAT_ADD(field, 1)

/* Turns counting on (main, for --stats). */
void rt_stats_enable(void);

/* CLOCK_MONOTONIC in nanoseconds (for timing what the counters measure). */
uint64_t rt_stats_now_ns(void);

/* One line per counter: "rvtcg-stats: field value  # description", then
 * the derived values in the same form (fractional ones with two decimals):
 * host bytes per guest instruction, wall time, translation's share of it,
 * CPU time, peak RSS. */
void rt_stats_print(FILE *f);

#endif
