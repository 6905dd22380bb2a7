/*
 * Self-modifying code in mmap'd buffers: code written, run, rewritten and
 * run again, synchronized with __builtin___clear_cache (the
 * riscv_flush_icache syscall) or a raw fence.i.  The buffers hold
 * translated code when they are rewritten, so the rewrite must be seen
 * (write-protection detection, fence.i invalidation); a loop in the
 * generated code is chained to itself and must be unlinked; read(2)
 * writes new code into a page that holds translated code.
 */
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "smc_enc.h"

typedef long (*Fn)(void);

static void sync_range(void *p, size_t n)
{
    __builtin___clear_cache((char *)p, (char *)p + n);
}

static uint32_t *map(int prot)
{
    void *p = mmap(NULL, 4096, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        perror("mmap");
        return NULL;
    }
    return p;
}

/* sum = 0; for (t = n; t != 0; t--) sum += t (or -= with SUB) */
static void emit_loop(uint32_t *c, int n, int sub)
{
    c[0] = enc_addi(R_T0, R_ZERO, n);
    c[1] = enc_addi(R_A0, R_ZERO, 0);
    c[2] = sub ? enc_sub(R_A0, R_A0, R_T0) : enc_add(R_A0, R_A0, R_T0);
    c[3] = enc_addi(R_T0, R_T0, -1);
    c[4] = enc_bne(R_T0, R_ZERO, -8);
    c[5] = ENC_RET;
}

int main(void)
{
    /* 1. an RWX buffer: a constant, patched */
    uint32_t *c = map(PROT_READ | PROT_WRITE | PROT_EXEC);
    if (!c)
        return 1;
    Fn f = (Fn)(void *)c;
    c[0] = enc_addi(R_A0, R_ZERO, 7);
    c[1] = ENC_RET;
    sync_range(c, 8);
    printf("rwx: %ld", f());
    printf(" %ld", f());
    c[0] = enc_addi(R_A0, R_ZERO, -3);
    sync_range(c, 8);
    printf(" %ld\n", f());

    /* 2. a loop (chained to itself), its body then its bound patched */
    uint32_t *l = c + 64;
    Fn g = (Fn)(void *)l;
    emit_loop(l, 10, 0);
    sync_range(l, 24);
    printf("loop: %ld", g());
    l[2] = enc_sub(R_A0, R_A0, R_T0);
    sync_range(l, 24);
    printf(" %ld", g());
    l[0] = enc_addi(R_T0, R_ZERO, 100);
    smc_fence_i();
    printf(" %ld", g());
    /* the other function on the page is still right */
    printf(" %ld\n", f());

    /* 3. RW, then mprotect RX, run; RW again, patch, RX, run */
    uint32_t *m = map(PROT_READ | PROT_WRITE);
    if (!m)
        return 1;
    Fn h = (Fn)(void *)m;
    emit_loop(m, 5, 0);
    if (mprotect(m, 4096, PROT_READ | PROT_EXEC) != 0)
        perror("mprotect");
    sync_range(m, 24);
    printf("rx: %ld", h());
    if (mprotect(m, 4096, PROT_READ | PROT_WRITE) != 0)
        perror("mprotect");
    m[0] = enc_addi(R_T0, R_ZERO, 6);
    if (mprotect(m, 4096, PROT_READ | PROT_EXEC) != 0)
        perror("mprotect");
    sync_range(m, 24);
    printf(" %ld\n", h());

    /* 4. an immediate rewritten every iteration, raw fence.i */
    long sum = 0;
    for (int i = 0; i < 300; i++) {
        c[0] = enc_addi(R_A0, R_ZERO, i * 3 - 400);
        smc_fence_i();
        sum += f();
    }
    printf("rewrites: %ld\n", sum);

    /* 5. the same through the syscall, alternating two functions */
    sum = 0;
    for (int i = 0; i < 200; i++) {
        uint32_t *p = (i & 1) ? l : c;
        if (i & 1)
            emit_loop(l, i % 17 + 1, i % 3 == 0);
        else
            p[0] = enc_addi(R_A0, R_ZERO, i);
        sync_range(p, 24);
        sum += ((Fn)(void *)p)();
    }
    printf("alternating: %ld\n", sum);

    /* 6. read(2) into a page holding translated code: the kernel writes
     * it (no store of the guest's to detect) */
    int fds[2];
    if (pipe(fds) != 0) {
        perror("pipe");
        return 1;
    }
    uint32_t ins[2] = { enc_addi(R_A0, R_ZERO, 1234), ENC_RET };
    printf("before read: %ld\n", f());
    if (write(fds[1], ins, sizeof ins) != (ssize_t)sizeof ins)
        perror("write");
    ssize_t got = read(fds[0], c, sizeof ins);
    if (got != (ssize_t)sizeof ins)
        perror("read");
    sync_range(c, 8);
    printf("read %zd bytes: %ld\n", got, f());
    close(fds[0]);
    close(fds[1]);
    munmap(c, 4096);
    munmap(m, 4096);
    return 0;
}
