/*
 * A guest thread's state in the runtime: the guest CPU (first, so the env
 * pointer generated code gets is both an RvCpu * and an RtThread *) and the
 * per-thread jump cache of the TB cache.  One thread for now; the thread
 * issue adds the rest (signal queue, clear_child_tid, ...).
 */
#ifndef RT_THREAD_H
#define RT_THREAD_H

#include <stddef.h>
#include <stdint.h>

#include "rv_cpu.h"
#include "tb.h"

typedef struct RtThread {
    RvCpu cpu;                 /* must stay first */
    TbJumpCache jc;
    uint64_t clear_child_tid;  /* set_tid_address(2) */
} RtThread;

_Static_assert(offsetof(RtThread, cpu) == 0, "the env pointer is the RvCpu");

#endif
