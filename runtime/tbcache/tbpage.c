/*
 * Guest pages holding translated code, and self-modifying code (tb.h,
 * "Guest memory changes"; docs/runtime.md "Self-modifying code").
 *
 * Every guest page a TB was translated from has a TbPage (a three-level
 * table readable without locks, never freed) with the list of its TBs.
 * When the guest may write such a page (mem_check PROT_WRITE), rvtcg makes
 * the host page read-only (the guest bookkeeping still says writable), so
 * a guest store there faults: tb_smc_fault, from the SIGSEGV handler,
 * gives the page its protection back, queues it on a lock-free "dirty"
 * list and kicks the thread.  The store then retries, the thread leaves
 * generated code at its next TB start, and tb_safepoint drops the page's
 * TBs under tb_lock.  RISC-V only promises that code written before a
 * fence.i is seen after it (unprivileged spec, "Zifencei"); tb_icache_sync
 * (fence.i, riscv_flush_icache) applies the dirty list too, and also drops
 * the TBs of every page the guest may currently write, so code that
 * reached a code page without a fault (a page made writable behind our
 * back) is still seen.  A page aliased by another writable mapping (a
 * memfd mapped twice) is only seen through riscv_flush_icache's range, as
 * in qemu-riscv64.
 *
 * Host protection changes follow one order, so that the fault handler,
 * which takes no lock, can decide alone: rvtcg sets `wprot` before making
 * a page read-only, and gives the write permission back before clearing
 * it (then `retry_ok` says a write fault with !wprot is a late one that
 * just has to retry).  tb_invalidate_range clears both: the guest's own
 * protection is changing, and a write fault there is the guest's.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "guest_mem.h"
#include "rt_thread.h"
#include "tb_internal.h"

#define LVL_BITS 12
#define LVL_SIZE (1u << LVL_BITS)
#define PAGE_BITS 12
/* pages above this guest address are not tracked (no SMC detection) */
#define TRACKED_END ((uint64_t)1 << (PAGE_BITS + 3 * LVL_BITS))

typedef struct TbPage {
    uint64_t addr;
    uintptr_t tbs;                /* (TB | n) list through page_next[n] */
    int guest_prot;               /* the guest's, while wprot */
    int wprot;                    /* host page made read-only by rvtcg */
    int retry_ok;                 /* see the overview */
    int dirty;                    /* on the dirty list */
    struct TbPage *dirty_next;
    struct TbPage *all_next;
} TbPage;

typedef struct TbPageLeaf {
    TbPage *p[LVL_SIZE];
} TbPageLeaf;

typedef struct TbPageMid {
    TbPageLeaf *l[LVL_SIZE];
} TbPageMid;

static TbPageMid *top[LVL_SIZE];
static TbPage *all_pages;          /* every TbPage, newest first */
static size_t nb_pages;
static TbPage *dirty_head;         /* lock-free stack (tb_smc_fault) */
static bool untracked_code;        /* a TB from above TRACKED_END */

static void *xcalloc(size_t size)
{
    void *p = calloc(1, size);
    if (!p) {
        fputs("rvtcg: out of memory\n", stderr);
        exit(1);
    }
    return p;
}

/* No lock: async-signal-safe. */
static TbPage *page_find(uint64_t addr)
{
    if (addr >= TRACKED_END)
        return NULL;
    uint64_t n = addr >> PAGE_BITS;
    TbPageMid *m = __atomic_load_n(&top[n >> (2 * LVL_BITS)],
                                   __ATOMIC_ACQUIRE);
    if (!m)
        return NULL;
    TbPageLeaf *l = __atomic_load_n(&m->l[(n >> LVL_BITS) & (LVL_SIZE - 1)],
                                    __ATOMIC_ACQUIRE);
    if (!l)
        return NULL;
    return __atomic_load_n(&l->p[n & (LVL_SIZE - 1)], __ATOMIC_ACQUIRE);
}

static TbPage *page_get(uint64_t addr)
{
    if (addr >= TRACKED_END)
        return NULL;
    uint64_t n = addr >> PAGE_BITS;
    TbPageMid **mp = &top[n >> (2 * LVL_BITS)];
    if (!*mp)
        __atomic_store_n(mp, xcalloc(sizeof **mp), __ATOMIC_RELEASE);
    TbPageLeaf **lp = &(*mp)->l[(n >> LVL_BITS) & (LVL_SIZE - 1)];
    if (!*lp)
        __atomic_store_n(lp, xcalloc(sizeof **lp), __ATOMIC_RELEASE);
    TbPage **pp = &(*lp)->p[n & (LVL_SIZE - 1)];
    if (!*pp) {
        TbPage *p = xcalloc(sizeof *p);
        p->addr = addr;
        p->all_next = all_pages;
        __atomic_store_n(&all_pages, p, __ATOMIC_RELEASE);
        nb_pages++;
        __atomic_store_n(pp, p, __ATOMIC_RELEASE);
    }
    return *pp;
}

void tb_pages_of(const TbDesc *tb, uint64_t page[2])
{
    page[0] = mem_page_down(tb->pc);
    page[1] = tb->guest_size ? mem_page_down(tb->pc + tb->guest_size - 1)
                             : page[0];
}

/* ---- protection ---- */

static int guest_prot_of(uint64_t addr)
{
    int prot = 0;
    if (mem_check(addr, MEM_PAGE_SIZE, PROT_READ))
        prot |= PROT_READ;
    if (mem_check(addr, MEM_PAGE_SIZE, PROT_WRITE))
        prot |= PROT_WRITE;
    if (mem_check(addr, MEM_PAGE_SIZE, PROT_EXEC))
        prot |= PROT_EXEC;
    return prot;
}

static void page_protect(TbPage *p)
{
    p->guest_prot = guest_prot_of(p->addr);
    __atomic_store_n(&p->wprot, 1, __ATOMIC_SEQ_CST);
    if (mprotect(g2h(p->addr), MEM_PAGE_SIZE,
                 mem_host_prot(p->guest_prot) & ~PROT_WRITE) != 0)
        __atomic_store_n(&p->wprot, 0, __ATOMIC_SEQ_CST);
}

static void page_unprotect(TbPage *p)
{
    if (!__atomic_load_n(&p->wprot, __ATOMIC_SEQ_CST))
        return;
    mprotect(g2h(p->addr), MEM_PAGE_SIZE, mem_host_prot(p->guest_prot));
    __atomic_store_n(&p->retry_ok, 1, __ATOMIC_SEQ_CST);
    __atomic_store_n(&p->wprot, 0, __ATOMIC_SEQ_CST);
}

/* ---- TB lists ---- */

void tb_pages_add(TbDesc *tb)
{
    uint64_t pg[2];
    tb_pages_of(tb, pg);
    for (unsigned n = 0; n < (pg[1] != pg[0] ? 2u : 1u); n++) {
        TbPage *p = page_get(pg[n]);
        if (!p) {
            untracked_code = true;
            continue;
        }
        tb->page_next[n] = p->tbs;
        p->tbs = (uintptr_t)tb | n;
        if (!p->wprot && mem_check(p->addr, MEM_PAGE_SIZE, PROT_WRITE))
            page_protect(p);
    }
}

void tb_pages_remove(TbDesc *tb)
{
    uint64_t pg[2];
    tb_pages_of(tb, pg);
    for (unsigned n = 0; n < (pg[1] != pg[0] ? 2u : 1u); n++) {
        TbPage *p = page_find(pg[n]);
        if (!p)
            continue;
        uintptr_t want = (uintptr_t)tb | n;
        for (uintptr_t *e = &p->tbs; *e;
             e = &tb_tag_tb(*e)->page_next[tb_tag_n(*e)])
            if (*e == want) {
                *e = tb->page_next[n];
                break;
            }
        tb->page_next[n] = 0;
    }
}

static void page_drop_tbs(TbPage *p)
{
    while (p->tbs) {
        TbDesc *tb = tb_tag_tb(p->tbs);
        if (tb->invalid)
            tb_pages_remove(tb);
        else
            tb_invalidate(tb);              /* unlinks it from p->tbs */
    }
}

/* Calls FN on every existing page in [start, end) (page aligned). */
static void for_pages(uint64_t start, uint64_t end, void (*fn)(TbPage *))
{
    if (end > TRACKED_END)
        end = TRACKED_END;
    if (start >= end)
        return;
    if ((end - start) / MEM_PAGE_SIZE > nb_pages) {
        for (TbPage *p = all_pages; p; p = p->all_next)
            if (p->addr >= start && p->addr < end)
                fn(p);
        return;
    }
    for (uint64_t a = start; a < end; a += MEM_PAGE_SIZE) {
        TbPage *p = page_find(a);
        if (p)
            fn(p);
    }
}

/* ---- the dirty list ---- */

static void process_dirty(void)
{
    TbPage *p = __atomic_exchange_n(&dirty_head, NULL, __ATOMIC_SEQ_CST);
    while (p) {
        TbPage *next = p->dirty_next;
        __atomic_store_n(&p->dirty, 0, __ATOMIC_SEQ_CST);
        page_drop_tbs(p);
        page_unprotect(p);     /* if a translation protected it again */
        p = next;
    }
}

bool tb_smc_fault(uintptr_t host_addr)
{
    if (host_addr < guest_base)
        return false;
    TbPage *p = page_find(mem_page_down(h2g((const void *)host_addr)));
    if (!p)
        return false;
    if (!__atomic_load_n(&p->wprot, __ATOMIC_SEQ_CST))
        return __atomic_load_n(&p->retry_ok, __ATOMIC_SEQ_CST) != 0;
    mprotect(g2h(p->addr), MEM_PAGE_SIZE, mem_host_prot(p->guest_prot));
    __atomic_store_n(&p->retry_ok, 1, __ATOMIC_SEQ_CST);
    __atomic_store_n(&p->wprot, 0, __ATOMIC_SEQ_CST);
    if (!__atomic_exchange_n(&p->dirty, 1, __ATOMIC_SEQ_CST)) {
        TbPage *old = __atomic_load_n(&dirty_head, __ATOMIC_SEQ_CST);
        do
            p->dirty_next = old;
        while (!__atomic_compare_exchange_n(&dirty_head, &old, p, true,
                                            __ATOMIC_SEQ_CST,
                                            __ATOMIC_SEQ_CST));
    }
    if (rt_self)
        rt_thread_kick(rt_self);
    return true;
}

void tb_safepoint(RtThread *t)
{
    (void)t;
    if (!__atomic_load_n(&dirty_head, __ATOMIC_SEQ_CST))
        return;
    tb_lock();
    process_dirty();
    tb_unlock();
}

/* ---- guest memory changes ---- */

static void forget_page(TbPage *p)
{
    page_drop_tbs(p);
    /* the caller changes the host protection: a later write fault on
     * this page is the guest's */
    __atomic_store_n(&p->retry_ok, 0, __ATOMIC_SEQ_CST);
    __atomic_store_n(&p->wprot, 0, __ATOMIC_SEQ_CST);
}

void tb_invalidate_range(uint64_t start, uint64_t end)
{
    if (start >= end)
        return;
    uint64_t s = mem_page_down(start);
    uint64_t e = end > TRACKED_END ? TRACKED_END : mem_page_up(end);
    tb_lock();
    for_pages(s, e, forget_page);
    tb_unlock();
}

static void release_page(TbPage *p)
{
    if (p->wprot) {
        page_drop_tbs(p);
        page_unprotect(p);
    }
}

void tb_prepare_guest_write(uint64_t addr, uint64_t len)
{
    if (len == 0 || addr >= TRACKED_END)
        return;
    uint64_t s = mem_page_down(addr);
    uint64_t e = len > TRACKED_END - addr ? TRACKED_END
                                          : mem_page_up(addr + len);
    /* most buffers hold no code: look without the lock first */
    bool any = false;
    if ((e - s) / MEM_PAGE_SIZE > __atomic_load_n(&nb_pages,
                                                  __ATOMIC_ACQUIRE)) {
        for (TbPage *p = __atomic_load_n(&all_pages, __ATOMIC_ACQUIRE); p;
             p = p->all_next)
            any |= p->addr >= s && p->addr < e &&
                   __atomic_load_n(&p->wprot, __ATOMIC_SEQ_CST);
    } else {
        for (uint64_t a = s; a < e && !any; a += MEM_PAGE_SIZE) {
            TbPage *p = page_find(a);
            any = p && __atomic_load_n(&p->wprot, __ATOMIC_SEQ_CST);
        }
    }
    if (!any)
        return;
    tb_lock();
    for_pages(s, e, release_page);
    tb_unlock();
}

static uint64_t sync_start, sync_end;

static void sync_range_page(TbPage *p)
{
    uintptr_t e = p->tbs;
    while (e) {
        TbDesc *tb = tb_tag_tb(e);
        e = tb->page_next[tb_tag_n(e)];
        if (tb->pc < sync_end && tb->pc + tb->guest_size > sync_start)
            tb_invalidate(tb);
    }
    if (!p->tbs)
        page_unprotect(p);
}

void tb_icache_sync(uint64_t start, uint64_t end)
{
    tb_lock();
    if (untracked_code) {
        /* no page lists up there: drop everything (tb_flush clears it) */
        tb_flush();
        tb_unlock();
        return;
    }
    process_dirty();
    for (TbPage *p = all_pages; p; p = p->all_next)
        if (p->tbs && mem_check(p->addr, MEM_PAGE_SIZE, PROT_WRITE)) {
            page_drop_tbs(p);
            page_unprotect(p);
        }
    if (start < end) {
        sync_start = start;
        sync_end = end;
        /* a TB starting on the page before may reach into the range */
        uint64_t s = mem_page_down(start);
        s = s >= MEM_PAGE_SIZE ? s - MEM_PAGE_SIZE : 0;
        uint64_t e = end > TRACKED_END - MEM_PAGE_SIZE ? TRACKED_END
                                                       : mem_page_up(end);
        for_pages(s, e, sync_range_page);
    }
    tb_unlock();
}

/* ---- flush ---- */

void tb_pages_reset(void)
{
    untracked_code = false;
    TbPage *d = __atomic_exchange_n(&dirty_head, NULL, __ATOMIC_SEQ_CST);
    while (d) {
        TbPage *next = d->dirty_next;
        __atomic_store_n(&d->dirty, 0, __ATOMIC_SEQ_CST);
        d = next;
    }
    for (TbPage *p = all_pages; p; p = p->all_next) {
        p->tbs = 0;
        page_unprotect(p);
    }
}
