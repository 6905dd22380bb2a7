/*
 * Patching a function in the program's own text: after mprotect(2) makes
 * its page writable (the page already holds translated code, the caller's
 * too), a store to it must be seen after __builtin___clear_cache or a
 * fence.i.  The function is hand-written so its encoding is known.
 */
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>

#include "smc_enc.h"

__asm__(".text\n"
        ".balign 16\n"
        ".globl smc_patchme\n"
        ".type smc_patchme, @function\n"
        "smc_patchme:\n"
        ".option push\n"
        ".option norvc\n"
        "addi a0, zero, 1\n"
        "ret\n"
        ".option pop\n"
        ".size smc_patchme, .-smc_patchme\n");
long smc_patchme(void);

int main(void)
{
    volatile uint32_t *code = (volatile uint32_t *)(void *)smc_patchme;
    uintptr_t start = (uintptr_t)code & ~(uintptr_t)4095;
    uintptr_t end = ((uintptr_t)code + 8 + 4095) & ~(uintptr_t)4095;
    printf("before: %ld\n", smc_patchme());
    if (mprotect((void *)start, end - start,
                 PROT_READ | PROT_WRITE | PROT_EXEC) != 0) {
        perror("mprotect");
        return 1;
    }
    printf("writable: %ld\n", smc_patchme());
    code[0] = enc_addi(R_A0, R_ZERO, 2);
    __builtin___clear_cache((char *)code, (char *)code + 8);
    printf("patched: %ld\n", smc_patchme());
    code[0] = enc_addi(R_A0, R_ZERO, 3);
    smc_fence_i();
    printf("fence.i: %ld\n", smc_patchme());
    long sum = 0;
    for (int i = 0; i < 100; i++) {
        code[0] = enc_addi(R_A0, R_ZERO, i);
        smc_fence_i();
        sum += smc_patchme();
    }
    printf("loop: %ld\n", sum);
    if (mprotect((void *)start, end - start, PROT_READ | PROT_EXEC) != 0) {
        perror("mprotect");
        return 1;
    }
    printf("read-only again: %ld\n", smc_patchme());
    return 0;
}
