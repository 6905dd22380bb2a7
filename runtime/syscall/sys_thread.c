/*
 * Threads and processes of the guest: clone(2) (clone3 is left to glibc's
 * fallback), futex(2), set_robust_list(2)/get_robust_list(2) and the
 * thread side of exit(2) (docs/runtime.md, "Threads").
 *
 * A guest thread is a host pthread with its own RtThread; host tid = guest
 * tid.  clone's argument order on riscv64 is the kernel's
 * CONFIG_CLONE_BACKWARDS one: (flags, newsp, parent_tid, tls, child_tid)
 * (linux kernel/fork.c; qemu linux-user/riscv/target_syscall.h).  A clone
 * without CLONE_VM (fork, glibc's _Fork) or with CLONE_VFORK (vfork,
 * posix_spawn) is a host fork(); vfork's parent then waits until the
 * child execs or exits, as the kernel suspends it.
 *
 * Guest memory is host memory (g2h), so futex words are the host's own:
 * futex(2) is passed to the host with translated addresses, after the
 * checks the kernel would make on guest addresses.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "cpu_loop.h"
#include "guest_mem.h"
#include "log.h"
#include "rt_signal.h"
#include "rv_fcsr_host.h"
#include "sys_intr.h"
#include "sys_thread.h"
#include "syscall.h"

#ifndef FUTEX_LOCK_PI2
#define FUTEX_LOCK_PI2 13
#endif

/* The flags glibc's pthread_create passes, all required for a thread
 * (as qemu's do_fork does: CLONE_THREAD_FLAGS). */
#define THREAD_FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | \
                      CLONE_THREAD | CLONE_SYSVSEM)
/* Optional for both threads and forks. */
#define TID_FLAGS (CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | \
                   CLONE_CHILD_CLEARTID)
/* Without effect here: CLONE_DETACHED is ignored by Linux, CLONE_UNTRACED
 * only matters to tracers. */
#define IGNORED_FLAGS (CLONE_DETACHED | CLONE_UNTRACED)

/* The host stack of a guest thread (translation, syscalls, host signal
 * handlers run there; guest code runs on its own guest stack). */
#define HOST_STACK_MIN ((size_t)2 << 20)

/* Signals-blocked helpers: the host mask of the calling thread. */
static void block_all(sigset_t *old)
{
    sigset_t all;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, old);
}

static void unsupported(const char *what, uint64_t v)
{
    static int warned;
    if (!__atomic_exchange_n(&warned, 1, __ATOMIC_SEQ_CST) ||
        (rt_log_mask & RT_LOG_UNIMP))
        fprintf(stderr, "rvtcg: unsupported %s 0x%llx\n", what,
                (unsigned long long)v);
}

/* A 32-bit tid store to the guest, as the kernel's put_user: a bad
 * address is silently skipped (kernel/fork.c ignores the fault). */
static void put_tid(uint64_t addr, int tid)
{
    if (addr && !(addr & 3) && mem_prepare_write(addr, 4) == 0)
        __atomic_store_n((int32_t *)g2h(addr), tid, __ATOMIC_SEQ_CST);
}

/* ---- threads (CLONE_VM | CLONE_THREAD) ---- */

typedef struct CloneStart {
    RtThread *child;
    uint64_t flags, ptid, ctid;
    sigset_t host_mask;       /* the parent's host mask, for the child */
    sem_t ready;              /* posted once the tids are written */
    int tid;
} CloneStart;

static void *thread_start(void *arg)
{
    CloneStart *cs = arg;
    RtThread *t = cs->child;
    rt_signal_thread_init();          /* its host alternate signal stack */
    tb_jc_register(&t->jc);
    rt_thread_register(t);            /* t->tid, rt_self */
    /* written before either side runs guest code again, as the kernel
     * does (kernel_clone: parent_tid before the child is woken; the child
     * stores child_tid before returning to user mode) */
    if (cs->flags & CLONE_PARENT_SETTID)
        put_tid(cs->ptid, t->tid);
    if (cs->flags & CLONE_CHILD_SETTID)
        put_tid(cs->ctid, t->tid);
    sigset_t mask = cs->host_mask;
    cs->tid = t->tid;
    sem_post(&cs->ready);             /* cs is the parent's from here */
    pthread_sigmask(SIG_SETMASK, &mask, NULL);
    rt_cpu_loop(t);                   /* loads the MXCSR from t->cpu */
}

static int64_t clone_thread(RtThread *t, uint64_t flags, uint64_t newsp,
                            uint64_t ptid, uint64_t tls, uint64_t ctid)
{
    RtThread *c = calloc(1, sizeof *c);
    if (!c)
        return -ENOMEM;
    /* the child starts as a copy of the parent after the ecall: fcsr
     * included (rv_fcsr_host.h: save before copying) */
    rv_fpu_host_save(&t->cpu);
    c->cpu = t->cpu;
    c->cpu.self = &c->cpu;
    c->cpu.res_addr = RV_NO_RESERVATION;
    c->cpu.exit_request = 0;
    c->cpu.exception = RV_EXC_NONE;
    c->cpu.x[10] = 0;
    c->cpu.pc = t->cpu.pc + 4;
    if (newsp)
        c->cpu.x[2] = newsp;
    if (flags & CLONE_SETTLS)
        c->cpu.x[4] = tls;
    /* signals: the blocked mask is inherited, nothing is pending, and a
     * CLONE_VM child has no alternate signal stack (man 2 sigaltstack) */
    rt_signal_thread_copy(c, t);
    c->clear_child_tid = (flags & CLONE_CHILD_CLEARTID) ? ctid : 0;
    c->heap = 1;

    CloneStart cs = {
        .child = c, .flags = flags, .ptid = ptid, .ctid = ctid,
    };
    sem_init(&cs.ready, 0, 0);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    size_t ss = 0;
    pthread_attr_getstacksize(&attr, &ss);
    if (ss < HOST_STACK_MIN)
        pthread_attr_setstacksize(&attr, HOST_STACK_MIN);
    /* the child starts with every host signal blocked and takes the
     * parent's mask once it is registered (rt_self set) */
    block_all(&cs.host_mask);
    pthread_t th;
    int err = pthread_create(&th, &attr, thread_start, &cs);
    pthread_attr_destroy(&attr);
    if (err) {
        pthread_sigmask(SIG_SETMASK, &cs.host_mask, NULL);
        sem_destroy(&cs.ready);
        free(c);
        return -EAGAIN;
    }
    while (sem_wait(&cs.ready) != 0)
        ;
    pthread_sigmask(SIG_SETMASK, &cs.host_mask, NULL);
    sem_destroy(&cs.ready);
    return cs.tid;
}

/* ---- processes (fork, vfork) ---- */

static int64_t clone_fork(RtThread *t, uint64_t flags, uint64_t newsp,
                          uint64_t ptid, uint64_t tls, uint64_t ctid)
{
    /* vfork: the parent waits until the child execs or exits, i.e. until
     * the child's copy of a close-on-exec pipe is gone */
    int vfork_pipe[2] = { -1, -1 };
    if ((flags & CLONE_VFORK) && pipe2(vfork_pipe, O_CLOEXEC) == 0) {
        /* keep the guest's low fd numbers free */
        for (int i = 0; i < 2; i++) {
            int hi = fcntl(vfork_pipe[i], F_DUPFD_CLOEXEC, 900);
            if (hi >= 0) {
                close(vfork_pipe[i]);
                vfork_pipe[i] = hi;
            }
        }
    }
    rt_log_flush();
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        int e = errno;
        if (vfork_pipe[0] >= 0) {
            close(vfork_pipe[0]);
            close(vfork_pipe[1]);
        }
        return -e;
    }
    if (pid == 0) {
        rt_threads_after_fork_child(t);
        rt_signal_after_fork(t);       /* man 2 fork: pending set empty */
        if (flags & CLONE_CHILD_SETTID)
            put_tid(ctid, t->tid);
        if (flags & CLONE_CHILD_CLEARTID)
            t->clear_child_tid = ctid;
        if (newsp)
            t->cpu.x[2] = newsp;
        if (flags & CLONE_SETTLS)
            t->cpu.x[4] = tls;
        if (vfork_pipe[0] >= 0)
            close(vfork_pipe[0]);
        return 0;
    }
    if (flags & CLONE_PARENT_SETTID)
        put_tid(ptid, pid);
    if (vfork_pipe[0] >= 0) {
        close(vfork_pipe[1]);
        char b;
        while (read(vfork_pipe[0], &b, 1) < 0 && errno == EINTR)
            ;
        close(vfork_pipe[0]);
    }
    return pid;
}

/* clone(2), riscv64 order: flags, newsp, parent_tid, tls, child_tid. */
int64_t sys_clone(RtThread *t, const uint64_t *a)
{
    uint64_t flags = a[0], newsp = a[1], ptid = a[2], tls = a[3],
             ctid = a[4];
    uint64_t rest = flags & ~(uint64_t)(TID_FLAGS | IGNORED_FLAGS);
    if ((flags & CLONE_VM) && !(flags & CLONE_VFORK)) {
        if ((rest & ~(uint64_t)CSIGNAL) != THREAD_FLAGS) {
            unsupported("clone flags", flags);
            return -EINVAL;
        }
        return clone_thread(t, flags, newsp, ptid, tls, ctid);
    }
    /* fork or vfork: SIGCHLD as the exit signal only */
    rest &= ~(uint64_t)(CLONE_VM | CLONE_VFORK | CSIGNAL);
    if (rest || (flags & CSIGNAL) != SIGCHLD) {
        unsupported("clone flags", flags);
        return -EINVAL;
    }
    return clone_fork(t, flags, newsp, ptid, tls, ctid);
}

/* ---- futex(2) ---- */

/* The time left until DEADLINE (CLOCK_MONOTONIC) in LEFT; false if none. */
static bool remaining(const struct timespec *deadline, struct timespec *left)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    left->tv_sec = deadline->tv_sec - now.tv_sec;
    left->tv_nsec = deadline->tv_nsec - now.tv_nsec;
    if (left->tv_nsec < 0) {
        left->tv_sec--;
        left->tv_nsec += 1000000000;
    }
    return left->tv_sec >= 0;
}

int64_t sys_futex(RtThread *t, const uint64_t *a)
{
    uint64_t uaddr = a[0], utime = a[3], uaddr2 = a[4];
    int op = (int)a[1];
    int cmd = op & FUTEX_CMD_MASK;
    bool timeout = false;   /* a[3] is a struct timespec * (same layout) */
    bool read1 = true;      /* the kernel reads/writes *uaddr */
    bool write1 = false;
    bool write2 = false;    /* ... and writes *uaddr2 */
    switch (cmd) {
    case FUTEX_WAIT:
    case FUTEX_WAIT_BITSET:
        timeout = true;
        break;
    case FUTEX_WAKE:
    case FUTEX_WAKE_BITSET:
    case FUTEX_REQUEUE:
        read1 = false;      /* only a key: an unmapped address is fine */
        break;
    case FUTEX_CMP_REQUEUE:
        break;
    case FUTEX_WAKE_OP:
        write2 = true;
        break;
    case FUTEX_LOCK_PI:
    case FUTEX_LOCK_PI2:
        timeout = write1 = true;
        break;
    case FUTEX_UNLOCK_PI:
    case FUTEX_TRYLOCK_PI:
        write1 = true;
        break;
    case FUTEX_WAIT_REQUEUE_PI:
        timeout = write2 = true;
        break;
    case FUTEX_CMP_REQUEUE_PI:
        write2 = true;
        break;
    default:            /* FUTEX_FD (gone since Linux 2.6.26), unknown */
        return -ENOSYS; /* what the kernel answers */
    }
    if (uaddr & 3)
        return -EINVAL;
    if (write1 ? mem_prepare_write(uaddr, 4) != 0
               : read1 && !mem_read_ok(uaddr, 4))
        return -EFAULT;
    if (write2 && ((uaddr2 & 3) || mem_prepare_write(uaddr2, 4) != 0))
        return (uaddr2 & 3) ? -EINVAL : -EFAULT;
    void *arg4 = (void *)(uintptr_t)utime;       /* val2 for requeues */
    /* FUTEX_WAIT's timeout is relative: a wait that goes on after a
     * signal that was not the guest's gets the remaining time */
    bool relative = cmd == FUTEX_WAIT && utime;
    struct timespec rel, deadline;
    if (timeout && utime) {
        if (!mem_read_ok(utime, sizeof rel))
            return -EFAULT;
        arg4 = g2h(utime);
        if (relative) {
            memcpy(&rel, g2h(utime), sizeof rel);
            if (rel.tv_sec < 0 || rel.tv_nsec < 0 ||
                rel.tv_nsec >= 1000000000)
                return -EINVAL;
            clock_gettime(CLOCK_MONOTONIC, &deadline);
            deadline.tv_sec += rel.tv_sec;
            deadline.tv_nsec += rel.tv_nsec;
            if (deadline.tv_nsec >= 1000000000) {
                deadline.tv_sec++;
                deadline.tv_nsec -= 1000000000;
            }
            arg4 = &rel;
        }
    }
    /* What a signal does to a wait (man 7 signal): with a handler, a
     * relative FUTEX_WAIT returns EINTR (the kernel's
     * ERESTART_RESTARTBLOCK), the others restart if SA_RESTART
     * (-SYS_ERESTARTSYS); a host signal that is no deliverable guest
     * signal (rvtcg's own, blocked, ignored) does not end the wait.
     * Checked before sleeping too, which narrows (but cannot close) the
     * window where a signal arriving just before the host call is only
     * seen when the wait ends. */
    int64_t intr = relative ? -EINTR : -SYS_ERESTARTSYS;
    bool waits = timeout;
    if (waits && sys_wait_signalled(t))
        return intr;
    for (;;) {
        long r = syscall(SYS_futex, g2h(uaddr), op, (uint32_t)a[2], arg4,
                         g2h(uaddr2), (uint32_t)a[5]);
        if (r >= 0)
            return r;
        if (errno != EINTR)
            return -errno;
        if (sys_wait_signalled(t))
            return intr;
        if (relative && !remaining(&deadline, &rel))
            return -ETIMEDOUT;
    }
}

/* ---- robust futex lists (set_robust_list(2); linux
 *      Documentation/locking/robust-futex-ABI.rst) ---- */

/* struct robust_list_head of riscv64: list.next, futex_offset,
 * list_op_pending, three 64-bit words */
#define ROBUST_HEAD_SIZE 24
#define ROBUST_LIST_LIMIT 2048       /* the kernel's bound on the walk */

int64_t sys_set_robust_list(RtThread *t, const uint64_t *a)
{
    if (a[1] != ROBUST_HEAD_SIZE)
        return -EINVAL;
    t->robust_list = a[0];
    t->robust_len = a[1];
    return 0;
}

int64_t sys_get_robust_list(RtThread *t, const uint64_t *a)
{
    int pid = (int)a[0];
    uint64_t head = t->robust_list, len = t->robust_len;
    if (pid && pid != t->tid) {
        rt_threads_lock();
        RtThread *o = rt_thread_find(pid);
        if (o) {
            head = o->robust_list;
            len = o->robust_len;
        }
        rt_threads_unlock();
        if (!o)         /* other processes' lists are not ours to show */
            return -ESRCH;
    }
    if (mem_prepare_write(a[1], 8) != 0 || mem_prepare_write(a[2], 8) != 0)
        return -EFAULT;
    *(uint64_t *)g2h(a[1]) = head;
    *(uint64_t *)g2h(a[2]) = len;
    return 0;
}

static bool get_u64(uint64_t addr, uint64_t *v)
{
    if ((addr & 7) || !mem_read_ok(addr, 8))
        return false;
    *v = __atomic_load_n((uint64_t *)g2h(addr), __ATOMIC_SEQ_CST);
    return true;
}

static void futex_wake_shared(uint64_t uaddr)
{
    syscall(SYS_futex, g2h(uaddr), FUTEX_WAKE, 1, NULL, NULL, 0);
}

/* The kernel's handle_futex_death: a futex still owned by the dying TID
 * gets FUTEX_OWNER_DIED and one waiter is woken. */
static void futex_death(uint64_t uaddr, int tid, bool pi, bool pending)
{
    if ((uaddr & 3) || mem_prepare_write(uaddr, 4) != 0)
        return;
    uint32_t *p = g2h(uaddr);
    uint32_t uval = __atomic_load_n(p, __ATOMIC_SEQ_CST);
    for (;;) {
        /* died between taking list_op_pending and the lock: wake the next
         * waiter so it does not sleep forever */
        if (pending && !pi && !uval) {
            futex_wake_shared(uaddr);
            return;
        }
        if ((uval & FUTEX_TID_MASK) != (uint32_t)tid)
            return;
        uint32_t nval = (uval & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
        if (__atomic_compare_exchange_n(p, &uval, nval, false,
                                        __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
            if (!pi && (nval & FUTEX_WAITERS))
                futex_wake_shared(uaddr);
            return;
        }
    }
}

/* The kernel's exit_robust_list, for T's guest list at its exit. */
static void robust_list_exit(RtThread *t)
{
    uint64_t head = t->robust_list, entry, off, pending, next;
    if (!t->robust_len || !get_u64(head, &entry) ||
        !get_u64(head + 8, &off) || !get_u64(head + 16, &pending))
        return;
    bool pi = entry & 1, pending_pi = pending & 1;
    entry &= ~(uint64_t)1;
    pending &= ~(uint64_t)1;
    for (int n = 0; entry != head && n < ROBUST_LIST_LIMIT; n++) {
        bool ok = get_u64(entry, &next);
        if (entry != pending)
            futex_death(entry + off, t->tid, pi, false);
        if (!ok)
            return;
        pi = next & 1;
        entry = next & ~(uint64_t)1;
    }
    if (pending)
        futex_death(pending + off, t->tid, pending_pi, true);
}

/* ---- thread exit ---- */

/* Linux reports the thread group leader's exit code to the parent when
 * every thread ended with exit(2) (wait_task_zombie: not a group exit):
 * remembered here when the leader goes first. */
static int leader_exited;
static int leader_status;

_Noreturn void sys_thread_exit(RtThread *t, int status)
{
    sigset_t old;
    block_all(&old);      /* no host signal handler sees T from now on */
    /* the kernel's order (exit_mm_release): robust list, then
     * clear_child_tid */
    robust_list_exit(t);
    bool leader = t->tid == getpid();
    if (leader) {
        leader_status = status;
        __atomic_store_n(&leader_exited, 1, __ATOMIC_SEQ_CST);
    }
    if (rt_thread_unregister(t) == 0)
        rt_exit(__atomic_load_n(&leader_exited, __ATOMIC_SEQ_CST)
                ? leader_status : status);
    if (t->clear_child_tid && !(t->clear_child_tid & 3) &&
        mem_prepare_write(t->clear_child_tid, 4) == 0) {
        /* man 2 set_tid_address: store 0, wake one waiter (a shared
         * futex: glibc's pthread_join waits with LLL_SHARED) */
        __atomic_store_n((int32_t *)g2h(t->clear_child_tid), 0,
                         __ATOMIC_SEQ_CST);
        futex_wake_shared(t->clear_child_tid);
    }
    rt_signal_thread_exit();          /* frees its host alternate stack */
    tb_jc_unregister(&t->jc);
    if (t->heap)
        free(t);
    pthread_exit(NULL);
}
