/*
 * Shared bits of the frontend tests: the Check boilerplate, edge values,
 * and a per-test machine (opt on/off: the loop index of a loop test).
 */
#ifndef FE_TEST_H
#define FE_TEST_H

#include <check.h>

#include "check_run.h"
#include <stdint.h>
#include <stdlib.h>

#include "fe_asm.h"
#include "fe_machine.h"

/* Integer edge values: zero, ones, signs, 32-bit boundaries, shift counts. */
static const uint64_t fe_edges[] = {
    0, 1, 2, 3, 5, 31, 32, 33, 63, 64, 65, 0x7f, 0x80, 0xff, 0x7fff, 0x8000,
    0xffff, 0x7fffffff, 0x80000000, 0x80000001, 0xffffffff, 0x100000000,
    0x123456789abcdef0, 0xfedcba9876543210, 0x7fffffffffffffff,
    0x8000000000000000, 0x8000000000000001, 0xfffffffffffffffe,
    0xffffffffffffffff, 0xffffffff80000000, 0x00000000fffffffe,
};
#define FE_NB_EDGES (sizeof fe_edges / sizeof fe_edges[0])

#endif
