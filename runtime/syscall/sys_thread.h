/*
 * Guest thread lifetime (sys_thread.c) for the exit calls of sys_proc.c.
 */
#ifndef SYS_THREAD_H
#define SYS_THREAD_H

#include "rt_thread.h"

/* Ends guest thread T as exit(2) does: robust futexes, clear_child_tid,
 * unregister; the process ends (with the leader's status, see there)
 * when T was the last thread. */
_Noreturn void sys_thread_exit(RtThread *t, int status);

#endif
