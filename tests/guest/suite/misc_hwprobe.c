/* riscv_hwprobe (syscall 258, linux Documentation/arch/riscv/hwprobe.rst)
 * and an unsupported prctl option; run under rvtcg alone by
 * tests/runtime/check_hwprobe.py, since qemu-riscv64 7.2 has neither
 * (it says ENOSYS to 258 and passes unknown prctls to the host). */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

struct pair {
    int64_t key;
    uint64_t value;
};

static long hwprobe(struct pair *p, long n, long setsize, void *set,
                    long flags)
{
    long r = syscall(258, p, n, setsize, set, flags);
    return r == -1 ? -errno : r;
}

int main(void)
{
    struct pair p[8];
    int64_t keys[8] = { 0, 1, 2, 3, 4, 5, 99, -7 };
    for (int i = 0; i < 8; i++) {
        p[i].key = keys[i];
        p[i].value = 0x5555;
    }
    printf("all cpus: %ld\n", hwprobe(p, 8, 0, NULL, 0));
    for (int i = 0; i < 8; i++)
        printf("key %lld -> %lld value %#llx\n", (long long)keys[i],
               (long long)p[i].key, (unsigned long long)p[i].value);
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(0, &set);
    p[0].key = 4;
    printf("cpu 0: %ld value %#llx\n", hwprobe(p, 1, sizeof set, &set, 0),
           (unsigned long long)p[0].value);
    CPU_ZERO(&set);
    printf("empty set: %ld\n", hwprobe(p, 1, sizeof set, &set, 0));
    printf("flags: %ld\n", hwprobe(p, 1, 0, NULL, 1));
    printf("bad pairs: %ld\n", hwprobe((struct pair *)8, 1, 0, NULL, 0));
    printf("no pairs: %ld\n", hwprobe(NULL, 0, 0, NULL, 0));
    for (int i = 0; i < 2; i++) {
        long r = prctl(0x7777, 0, 0, 0, 0);
        printf("prctl 0x7777: %ld %s\n", r, r == -1 && errno == EINVAL ?
                                                "EINVAL" : "?");
    }
    return 0;
}
