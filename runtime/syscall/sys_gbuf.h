/*
 * Guest buffers of pass-through system calls (sys_time.c, sys_poll.c,
 * sys_sock.c, sys_info.c): a guest pointer the host kernel reads or writes
 * becomes a host pointer after the guest_mem.h checks, so a bad pointer
 * gives -EFAULT instead of letting the kernel touch rvtcg's own memory.
 */
#ifndef SYS_GBUF_H
#define SYS_GBUF_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "guest_mem.h"

/* Host pointer for the guest buffer [G, G + LEN) that the kernel reads
 * (WRITE false) or writes; NULL for G == 0; *BAD set when the guest may
 * not access it. */
static inline void *sys_gbuf(uint64_t g, uint64_t len, bool write, bool *bad)
{
    if (!g)
        return NULL;
    if (write ? mem_prepare_write(g, len) != 0 : !mem_read_ok(g, len))
        *bad = true;
    return g2h(g);
}

/* The result of a host call that sets errno: the value or -errno. */
static inline int64_t sys_host_ret(long r)
{
    return r < 0 ? -errno : r;
}

#endif
