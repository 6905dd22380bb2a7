/*
 * Internal interfaces between the files of runtime/mem: iteration over
 * the region bookkeeping (regions.c) for the free-range search (space.c)
 * and /proc/self/maps (maps.c); host remapping (hostvma.c).
 */
#ifndef MEM_INTERNAL_H
#define MEM_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "guest_mem.h"

/* Calls FN on each region from the highest down until it returns false
 * (under the shared lock: FN must not change the bookkeeping). */
void mem_regions_walk_down(bool (*fn)(uint64_t start, uint64_t end,
                                      void *opaque),
                           void *opaque);

/* A copy of region I (in address order); false past the end. */
bool mem_region_get(size_t i, uint64_t *start, uint64_t *end, int *prot,
                    MemInfo *info);

/* pthread_atfork handlers for the bookkeeping's lock (regions.c). */
void mem_regions_fork_prepare(void);
void mem_regions_fork_parent(void);
void mem_regions_fork_child(void);

/* Host mremap(2) of the mapping behind guest [old, old + keep) to DEST,
 * grown to NEW_LEN (>= keep), replacing what is there; copes with a
 * range of several host VMAs (hostvma.c).  0 or -errno. */
int mem_host_move(uint64_t old, uint64_t keep, uint64_t dest,
                  uint64_t new_len);

/* Grows the mapping behind guest [old, old + old_len) in place to
 * NEW_LEN (the range behind it must be free guest space).  0 or -errno. */
int mem_host_grow(uint64_t old, uint64_t old_len, uint64_t new_len);

#endif
