/*
 * -perfmap (RVTCG_PERFMAP): a perf(1) map of the generated code,
 * /tmp/perf-PID.map, one line per committed TB:
 *
 *   START SIZE guest:SYMBOL+0xOFF      (or guest:0xPC without a symbol)
 *
 * START and SIZE in hex, as perf expects for JIT code it cannot see.
 */
#ifndef PERFMAP_H
#define PERFMAP_H

#include <stdbool.h>
#include <stdint.h>

/* Creates (truncates) the map of this process; false + ERR on failure. */
bool rt_perfmap_open(char *err, size_t errlen);

/* True once rt_perfmap_open succeeded. */
extern bool rt_perfmap_on;

/* One line for host code [CODE, CODE + SIZE) translated from guest PC.
 * Called under tb_lock (the commits are serialized). */
void rt_perfmap_add(const void *code, uint32_t size, uint64_t pc);

#endif
