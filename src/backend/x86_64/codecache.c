/*
 * The code cache's memory.  Normally one private anonymous mapping that is
 * readable, writable and executable.  In W^X mode (JitConfig.wx) no page
 * is ever writable and executable at once: a memfd is mapped twice, once
 * read/write (where the emitters write and jit_tb_link patches) and once
 * read/execute (where blocks run); both views show the same pages, at the
 * same offsets, so alignment computed on either holds for the other.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "jit_internal.h"

static bool fail(char *err, size_t errlen, const char *what)
{
    snprintf(err, errlen, "code cache: %s: %s", what, strerror(errno));
    return false;
}

bool jit_cache_map(JitCache *c, size_t size, bool wx, char *err, size_t errlen)
{
    long page = sysconf(_SC_PAGESIZE);
    size = (size + (size_t)page - 1) & ~((size_t)page - 1);
    memset(c, 0, sizeof *c);
    c->memfd = -1;
    c->size = size;

    if (!wx) {
        void *p = mmap(NULL, size, PROT_READ | PROT_WRITE | PROT_EXEC,
                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            return fail(err, errlen, "mmap");
        c->rw = c->rx = p;
        return true;
    }

    c->memfd = memfd_create("rvtcg-code", MFD_CLOEXEC);
    if (c->memfd < 0)
        return fail(err, errlen, "memfd_create");
    if (ftruncate(c->memfd, (off_t)size) != 0) {
        fail(err, errlen, "ftruncate");
        jit_cache_unmap(c);
        return false;
    }
    void *rw = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, c->memfd, 0);
    if (rw == MAP_FAILED) {
        fail(err, errlen, "mmap (RW view)");
        jit_cache_unmap(c);
        return false;
    }
    c->rw = rw;
    void *rx = mmap(NULL, size, PROT_READ | PROT_EXEC, MAP_SHARED, c->memfd, 0);
    if (rx == MAP_FAILED) {
        fail(err, errlen, "mmap (RX view)");
        jit_cache_unmap(c);
        return false;
    }
    c->rx = rx;
    return true;
}

void jit_cache_unmap(JitCache *c)
{
    if (c->rx && c->rx != c->rw)
        munmap(c->rx, c->size);
    if (c->rw)
        munmap(c->rw, c->size);
    if (c->memfd >= 0)
        close(c->memfd);
    c->rw = c->rx = NULL;
    c->memfd = -1;
}
