/* Generated code in mmap'd memory: the mapping changes (mprotect back to
 * writable and rewriting, munmap + a new MAP_FIXED mapping at the same
 * address, a file mapped PROT_EXEC) must drop stale translations, so each
 * call runs the code that is there now.  Calling into a page without
 * PROT_EXEC is not tried (that is SIGSEGV, the signal tests' job). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define PG 4096

typedef long (*Fn)(void);

/* addi a0, zero, V; ret */
static void emit(void *at, int v)
{
    uint32_t code[2] = { 0x00000513u | ((uint32_t)v << 20), 0x00008067u };
    memcpy(at, code, sizeof code);
    __builtin___clear_cache((char *)at, (char *)at + sizeof code);
}

int main(void)
{
    char *p = mmap(NULL, PG, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    emit(p, 42);
    mprotect(p, PG, PROT_READ | PROT_EXEC);
    printf("first %ld\n", ((Fn)p)());

    mprotect(p, PG, PROT_READ | PROT_WRITE);
    emit(p, 7);
    mprotect(p, PG, PROT_READ | PROT_EXEC);
    printf("after mprotect rewrite %ld\n", ((Fn)p)());

    munmap(p, PG);
    char *q = mmap(p, PG, PROT_READ | PROT_WRITE | PROT_EXEC,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    emit(q, 99);
    printf("after munmap + MAP_FIXED %ld (same address %d)\n", ((Fn)q)(),
           q == p);

    /* MAP_FIXED straight over the executable mapping */
    char *r = mmap(q, PG, PROT_READ | PROT_WRITE | PROT_EXEC,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    emit(r, 123);
    printf("after MAP_FIXED over it %ld\n", ((Fn)r)());

    /* code from a file mapped PROT_EXEC */
    int fd = open("mem_code.bin", O_RDWR | O_CREAT | O_TRUNC, 0755);
    char buf[PG] = { 0 };
    emit(buf + 64, 55);
    write(fd, buf, sizeof buf);
    char *f = mmap(NULL, PG, PROT_READ | PROT_EXEC, MAP_PRIVATE, fd, 0);
    printf("from file %ld\n", ((Fn)(f + 64))());
    munmap(f, PG);
    emit(buf + 64, 66);
    pwrite(fd, buf, sizeof buf, 0);
    f = mmap(NULL, PG, PROT_READ | PROT_EXEC, MAP_PRIVATE, fd, 0);
    printf("from rewritten file %ld\n", ((Fn)(f + 64))());
    close(fd);
    unlink("mem_code.bin");

    /* mremap moves code; the moved copy runs, the old address is gone */
    char *g = mmap(NULL, PG, PROT_READ | PROT_WRITE | PROT_EXEC,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    emit(g, 11);
    printf("before move %ld\n", ((Fn)g)());
    char *h = mremap(g, PG, 2 * PG, MREMAP_MAYMOVE | MREMAP_FIXED,
                     (char *)mmap(NULL, 2 * PG, PROT_NONE,
                                  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
    printf("after move %ld\n", ((Fn)h)());
    mmap(g, PG, PROT_READ | PROT_WRITE | PROT_EXEC,
         MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    emit(g, 12);
    printf("new code at the old address %ld\n", ((Fn)g)());
    return 0;
}
