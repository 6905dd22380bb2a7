/*
 * System information, ids, scheduling, limits: uname(2), sysinfo(2),
 * getrlimit(2)/setrlimit(2), the sched_*(2) calls, getpriority(2) and
 * setpriority(2), getcpu(2), prctl(2), personality(2), riscv_hwprobe
 * (linux Documentation/arch/riscv/hwprobe.rst), the credential calls
 * (setuid(2) ... getgroups(2), capget(2)), the session and process-group
 * calls, membarrier(2).
 *
 * Most go to the host kernel: struct utsname, sysinfo, rlimit,
 * sched_param, cpu sets, gid arrays and the capability structs have the
 * same layout on both LP64 ABIs, and resource numbers (asm-generic
 * resource.h) agree.  Host calls are made with syscall(2), never through
 * glibc's wrappers: those of setuid(2) and friends broadcast the change to
 * every thread of rvtcg with a signal, while the guest's C library does
 * that broadcast itself, through guest signals, so each guest thread only
 * changes its own host thread; getpriority's raw result (20 - nice) is
 * what the guest's C library expects.
 * uname reports machine "riscv64" (like qemu-riscv64; the rest is the
 * host's).  Limits on the address space, data and stack constrain rvtcg,
 * not the guest: setrlimit accepts them without applying them, like
 * prlimit64 (sys_proc.c) and qemu-riscv64.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "cpu_opt.h"
#include "sys_gbuf.h"
#include "syscall.h"

_Static_assert(sizeof(struct utsname) == 390, "utsname");
_Static_assert(sizeof(struct sysinfo) == 112, "sysinfo");

int64_t sys_uname(RtThread *t, const uint64_t *a)
{
    (void)t;
    bool bad = false;
    struct utsname *u = sys_gbuf(a[0], sizeof *u, true, &bad);
    if (bad || !u)
        return -EFAULT;
    if (syscall(SYS_uname, u) != 0)
        return -errno;
    memset(u->machine, 0, sizeof u->machine);
    strcpy(u->machine, "riscv64");
    return 0;
}

int64_t sys_sysinfo(RtThread *t, const uint64_t *a)
{
    (void)t;
    bool bad = false;
    void *si = sys_gbuf(a[0], sizeof(struct sysinfo), true, &bad);
    if (bad || !si)
        return -EFAULT;
    return sys_host_ret(syscall(SYS_sysinfo, si));
}

/* ---- limits ---- */

static bool rlimit_ignored(int res)
{
    return res == RLIMIT_AS || res == RLIMIT_DATA || res == RLIMIT_STACK;
}

int64_t sys_getrlimit(RtThread *t, const uint64_t *a)
{
    (void)t;
    bool bad = false;
    void *old = sys_gbuf(a[1], 16, true, &bad);
    if (bad || !old)
        return -EFAULT;
    return sys_host_ret(syscall(SYS_prlimit64, 0, (int)a[0], NULL, old));
}

int64_t sys_setrlimit(RtThread *t, const uint64_t *a)
{
    (void)t;
    bool bad = false;
    const uint64_t *nl = sys_gbuf(a[1], 16, false, &bad);
    if (bad || !nl)
        return -EFAULT;
    if (rlimit_ignored((int)a[0]))
        return nl[0] > nl[1] ? -EINVAL : 0;
    return sys_host_ret(syscall(SYS_prlimit64, 0, (int)a[0], nl, NULL));
}

/* ---- scheduling ---- */

/* The cpu sets of sched_{get,set}affinity: the kernel touches at most its
 * cpumask size, far below 1024 bytes. */
static uint64_t cpuset_len(uint64_t len)
{
    return len < 1024 ? len : 1024;
}

int64_t sys_sched_getaffinity(RtThread *t, const uint64_t *a)
{
    (void)t;
    bool bad = false;
    void *m = sys_gbuf(a[2], cpuset_len(a[1]), true, &bad);
    if (bad)
        return -EFAULT;
    return sys_host_ret(syscall(SYS_sched_getaffinity, (pid_t)a[0],
                                (size_t)a[1], m));
}

int64_t sys_sched_setaffinity(RtThread *t, const uint64_t *a)
{
    (void)t;
    bool bad = false;
    const void *m = sys_gbuf(a[2], cpuset_len(a[1]), false, &bad);
    if (bad)
        return -EFAULT;
    return sys_host_ret(syscall(SYS_sched_setaffinity, (pid_t)a[0],
                                (size_t)a[1], m));
}

int64_t sys_sched_getscheduler(RtThread *t, const uint64_t *a)
{
    (void)t;
    return sys_host_ret(syscall(SYS_sched_getscheduler, (pid_t)a[0]));
}

int64_t sys_sched_setscheduler(RtThread *t, const uint64_t *a)
{
    (void)t;
    bool bad = false;
    const void *p = sys_gbuf(a[2], 4, false, &bad);    /* sched_param */
    if (bad)
        return -EFAULT;
    return sys_host_ret(syscall(SYS_sched_setscheduler, (pid_t)a[0],
                                (int)a[1], p));
}

int64_t sys_sched_getparam(RtThread *t, const uint64_t *a)
{
    (void)t;
    return sys_pass_id_buf(SYS_sched_getparam, (pid_t)a[0], a[1], 4, true);
}

int64_t sys_sched_setparam(RtThread *t, const uint64_t *a)
{
    (void)t;
    return sys_pass_id_buf(SYS_sched_setparam, (pid_t)a[0], a[1], 4, false);
}

int64_t sys_sched_get_priority_max(RtThread *t, const uint64_t *a)
{
    (void)t;
    return sys_host_ret(syscall(SYS_sched_get_priority_max, (int)a[0]));
}

int64_t sys_sched_get_priority_min(RtThread *t, const uint64_t *a)
{
    (void)t;
    return sys_host_ret(syscall(SYS_sched_get_priority_min, (int)a[0]));
}

int64_t sys_sched_rr_get_interval(RtThread *t, const uint64_t *a)
{
    (void)t;
    return sys_pass_id_buf(SYS_sched_rr_get_interval, (pid_t)a[0], a[1], 16, true);
}

int64_t sys_getpriority(RtThread *t, const uint64_t *a)
{
    (void)t;
    return sys_host_ret(syscall(SYS_getpriority, (int)a[0], (int)a[1]));
}

int64_t sys_setpriority(RtThread *t, const uint64_t *a)
{
    (void)t;
    return sys_host_ret(syscall(SYS_setpriority, (int)a[0], (int)a[1],
                                (int)a[2]));
}

int64_t sys_getcpu(RtThread *t, const uint64_t *a)
{
    (void)t;
    bool bad = false;
    void *cpu = sys_gbuf(a[0], 4, true, &bad);
    void *node = sys_gbuf(a[1], 4, true, &bad);
    if (bad)
        return -EFAULT;
    return sys_host_ret(syscall(SYS_getcpu, cpu, node, NULL));
}

/* ---- prctl, personality ---- */

static bool prctl_warned[64], prctl_warned_other;

static int64_t prctl_unsupported(uint64_t op)
{
    bool *w = op < 64 ? &prctl_warned[op] : &prctl_warned_other;
    if (!__atomic_exchange_n(w, true, __ATOMIC_RELAXED))
        fprintf(stderr, "rvtcg: unsupported prctl %" PRIu64 "\n", op);
    return -EINVAL;
}

/* prctl(2): the options that concern this process or thread and hold no
 * guest pointers go to the host; PR_SET_SECCOMP is refused, since a
 * filter would see rvtcg's host calls (x86-64 numbers), not the guest's. */
int64_t sys_prctl(RtThread *t, const uint64_t *a)
{
    bool bad = false;
    void *p;
    switch (a[0]) {
    case PR_SET_NAME: {
        /* the kernel reads up to the NUL, at most 16 bytes */
        int64_t n = mem_strlen(a[1], 15);
        if (!a[1] || (n < 0 && n != -ENAMETOOLONG))
            return -EFAULT;
        return sys_host_ret(syscall(SYS_prctl, PR_SET_NAME, g2h(a[1]), 0, 0,
                                    0));
    }
    case PR_GET_NAME:
        p = sys_gbuf(a[1], 16, true, &bad);
        if (bad || !p)
            return -EFAULT;
        return sys_host_ret(syscall(SYS_prctl, PR_GET_NAME, p, 0, 0, 0));
    case PR_GET_PDEATHSIG:
    case PR_GET_CHILD_SUBREAPER:
        /* an int written to a[1] */
        p = sys_gbuf(a[1], 4, true, &bad);
        if (bad || !p)
            return -EFAULT;
        return sys_host_ret(syscall(SYS_prctl, a[0], p, 0, 0, 0));
    case PR_GET_TID_ADDRESS:
        if (mem_prepare_write(a[1], 8))
            return -EFAULT;
        memcpy(g2h(a[1]), &t->clear_child_tid, 8);
        return 0;
    case PR_SET_PDEATHSIG:
    case PR_GET_DUMPABLE:
    case PR_SET_DUMPABLE:
    case PR_GET_KEEPCAPS:
    case PR_SET_KEEPCAPS:
    case PR_GET_SECCOMP:
    case PR_CAPBSET_READ:
    case PR_GET_SECUREBITS:
    case PR_SET_SECUREBITS:
    case PR_GET_TIMERSLACK:
    case PR_SET_TIMERSLACK:
    case PR_SET_CHILD_SUBREAPER:
    case PR_SET_NO_NEW_PRIVS:
    case PR_GET_NO_NEW_PRIVS:
    case PR_SET_THP_DISABLE:
    case PR_GET_THP_DISABLE:
    case PR_CAP_AMBIENT:
    case PR_SET_PTRACER:
        return sys_host_ret(syscall(SYS_prctl, a[0], a[1], a[2], a[3], a[4]));
    case PR_SET_VMA:
        /* PR_SET_VMA_ANON_NAME: guest addresses, a guest string or NULL */
        if (a[4]) {
            int64_t n = mem_strlen(a[4], 256);
            if (n < 0)
                return n == -ENAMETOOLONG ? -EINVAL : n;
        }
        return sys_host_ret(syscall(SYS_prctl, PR_SET_VMA, a[1],
                                    (uintptr_t)g2h(a[2]), a[3],
                                    a[4] ? (uintptr_t)g2h(a[4]) : 0));
    default:
        return prctl_unsupported(a[0]);
    }
}

/* personality(2): the guest's persona is kept here (starting as the
 * host's) and only ADDR_NO_RANDOMIZE reaches the host (for the programs
 * the guest runs): flags like ADDR_LIMIT_32BIT would constrain rvtcg's
 * own mappings.  0xffffffff queries. */
static uint32_t guest_persona;
static bool persona_init;

int64_t sys_personality(RtThread *t, const uint64_t *a)
{
    (void)t;
    uint32_t want = (uint32_t)a[0];
    if (!__atomic_load_n(&persona_init, __ATOMIC_ACQUIRE)) {
        uint32_t host = (uint32_t)syscall(SYS_personality, 0xffffffff);
        uint32_t expected = 0;
        __atomic_compare_exchange_n(&guest_persona, &expected, host, false,
                                    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        __atomic_store_n(&persona_init, true, __ATOMIC_RELEASE);
    }
    if (want == 0xffffffff)
        return __atomic_load_n(&guest_persona, __ATOMIC_SEQ_CST);
    uint32_t old = __atomic_exchange_n(&guest_persona, want,
                                       __ATOMIC_SEQ_CST);
    uint32_t host = (uint32_t)syscall(SYS_personality, 0xffffffff);
    host = (host & ~(uint32_t)ADDR_NO_RANDOMIZE) |
           (want & ADDR_NO_RANDOMIZE);
    syscall(SYS_personality, host);
    return old;
}

/* ---- riscv_hwprobe (linux arch/riscv/include/uapi/asm/hwprobe.h) ---- */

enum {
    HWPROBE_MVENDORID = 0,
    HWPROBE_MARCHID = 1,
    HWPROBE_MIMPID = 2,
    HWPROBE_BASE_BEHAVIOR = 3,
    HWPROBE_BASE_IMA = 1 << 0,
    HWPROBE_IMA_EXT_0 = 4,      /* bits: rv_ext_table's hwprobe field */
    HWPROBE_CPUPERF_0 = 5,
    HWPROBE_MISALIGNED_EMULATED = 1,
};

/* riscv_hwprobe(pairs, pair_count, cpusetsize, cpus, flags): fills the
 * value of each { s64 key; u64 value; } pair the guest asks for; unknown
 * keys get key -1 and value 0.  rvtcg is one hart type: vendor, arch and
 * implementation ids 0, the IMA base, and in IMA_EXT_0 the bits of the
 * extensions -cpu enables (F+D, C, Zba...: rt_cpu_hwprobe_ima_ext0, from
 * defs/riscv/extensions.def).  Misaligned accesses work
 * (the host does them), but not atomically for AMOs: "emulated" is the
 * honest answer (1). */
int64_t sys_riscv_hwprobe(RtThread *t, const uint64_t *a)
{
    (void)t;
    uint64_t pairs = a[0], count = a[1], setsize = a[2], cpus = a[3];
    if (a[4] != 0)
        return -EINVAL;
    if (count > (1u << 20))
        return -EINVAL;
    if (cpus || setsize) {
        /* a set that names no cpu is EINVAL, like the kernel's */
        uint64_t n = setsize < 1024 ? setsize : 1024;
        if (!cpus || !mem_read_ok(cpus, n))
            return -EFAULT;
        const uint8_t *s = g2h(cpus);
        bool any = false;
        for (uint64_t i = 0; i < n; i++)
            any |= s[i] != 0;
        if (!any)
            return -EINVAL;
    }
    if (count && mem_prepare_write(pairs, count * 16))
        return -EFAULT;
    for (uint64_t i = 0; i < count; i++) {
        uint8_t *p = g2h(pairs + 16 * i);
        int64_t key;
        uint64_t val = 0;
        memcpy(&key, p, 8);
        switch (key) {
        case HWPROBE_MVENDORID:
        case HWPROBE_MARCHID:
        case HWPROBE_MIMPID:
            val = 0;
            break;
        case HWPROBE_BASE_BEHAVIOR:
            val = HWPROBE_BASE_IMA;
            break;
        case HWPROBE_IMA_EXT_0:
            val = rt_cpu_hwprobe_ima_ext0();
            break;
        case HWPROBE_CPUPERF_0:
            val = HWPROBE_MISALIGNED_EMULATED;
            break;
        default:
            key = -1;
            break;
        }
        memcpy(p, &key, 8);
        memcpy(p + 8, &val, 8);
    }
    return 0;
}

/* ---- credentials, sessions ---- */

int64_t sys_getresuid(RtThread *t, const uint64_t *a)
{
    (void)t;
    bool bad = false;
    void *r = sys_gbuf(a[0], 4, true, &bad);
    void *e = sys_gbuf(a[1], 4, true, &bad);
    void *s = sys_gbuf(a[2], 4, true, &bad);
    if (bad)
        return -EFAULT;
    return sys_host_ret(syscall(SYS_getresuid, r, e, s));
}

int64_t sys_getresgid(RtThread *t, const uint64_t *a)
{
    (void)t;
    bool bad = false;
    void *r = sys_gbuf(a[0], 4, true, &bad);
    void *e = sys_gbuf(a[1], 4, true, &bad);
    void *s = sys_gbuf(a[2], 4, true, &bad);
    if (bad)
        return -EFAULT;
    return sys_host_ret(syscall(SYS_getresgid, r, e, s));
}

/* Calls with int arguments only: the id setters (one host call on the
 * calling thread, see above) and the process-group/session calls. */
#define ID_CALL(name, nargs)                                              \
    int64_t sys_##name(RtThread *t, const uint64_t *a)                    \
    {                                                                     \
        (void)t;                                                          \
        return sys_host_ret(nargs == 1 ? syscall(SYS_##name, (int)a[0])   \
                            : nargs == 2                                  \
                                ? syscall(SYS_##name, (int)a[0], (int)a[1]) \
                                : syscall(SYS_##name, (int)a[0], (int)a[1], \
                                          (int)a[2]));                    \
    }
ID_CALL(setuid, 1)
ID_CALL(setgid, 1)
ID_CALL(setreuid, 2)
ID_CALL(setregid, 2)
ID_CALL(setresuid, 3)
ID_CALL(setresgid, 3)
ID_CALL(setpgid, 2)
ID_CALL(getpgid, 1)
ID_CALL(getsid, 1)
#undef ID_CALL

/* setfsuid(2)/setfsgid(2) return the previous id, never an error. */
int64_t sys_setfsuid(RtThread *t, const uint64_t *a)
{
    (void)t;
    return syscall(SYS_setfsuid, (int)a[0]);
}

int64_t sys_setfsgid(RtThread *t, const uint64_t *a)
{
    (void)t;
    return syscall(SYS_setfsgid, (int)a[0]);
}

int64_t sys_setsid(RtThread *t, const uint64_t *a)
{
    (void)t, (void)a;
    return sys_host_ret(syscall(SYS_setsid));
}

int64_t sys_getgroups(RtThread *t, const uint64_t *a)
{
    (void)t;
    int n = (int)a[0];
    if (n < 0)
        return -EINVAL;
    bool bad = false;
    void *list = sys_gbuf(a[1], (uint64_t)n * 4, true, &bad);
    if (bad)
        return -EFAULT;
    return sys_host_ret(syscall(SYS_getgroups, n, list));
}

int64_t sys_setgroups(RtThread *t, const uint64_t *a)
{
    (void)t;
    int n = (int)a[0];
    if (n < 0 || n > 65536)                    /* NGROUPS_MAX */
        return -EINVAL;
    bool bad = false;
    const void *list = sys_gbuf(a[1], (uint64_t)n * 4, false, &bad);
    if (bad)
        return -EFAULT;
    return sys_host_ret(syscall(SYS_setgroups, n, list));
}

/* capget(2)/capset(2): header { u32 version; int pid; }, then one
 * (version 1) or two (versions 2, 3) { u32 effective, permitted,
 * inheritable; } (linux/capability.h); unknown versions touch no data. */
static uint64_t cap_data_len(const uint32_t *hdr)
{
    switch (hdr[0]) {
    case 0x19980330:
        return 12;
    case 0x20071026:
    case 0x20080522:
        return 24;
    default:
        return 0;
    }
}

int64_t sys_capget(RtThread *t, const uint64_t *a)
{
    (void)t;
    bool bad = false;
    uint32_t *hdr = sys_gbuf(a[0], 8, true, &bad);
    if (bad || !hdr)
        return -EFAULT;
    void *data = sys_gbuf(a[1], cap_data_len(hdr), true, &bad);
    if (bad)
        return -EFAULT;
    return sys_host_ret(syscall(SYS_capget, hdr, data));
}

int64_t sys_capset(RtThread *t, const uint64_t *a)
{
    (void)t;
    bool bad = false;
    uint32_t *hdr = sys_gbuf(a[0], 8, true, &bad);
    if (bad || !hdr)
        return -EFAULT;
    const void *data = sys_gbuf(a[1], cap_data_len(hdr), false, &bad);
    if (bad)
        return -EFAULT;
    return sys_host_ret(syscall(SYS_capset, hdr, data));
}

/* membarrier(2): the host's barriers order the host threads that run the
 * guest's threads, which is what the guest asks for. */
int64_t sys_membarrier(RtThread *t, const uint64_t *a)
{
    (void)t;
    return sys_host_ret(syscall(SYS_membarrier, (int)a[0], (unsigned)a[1],
                                (int)a[2]));
}
