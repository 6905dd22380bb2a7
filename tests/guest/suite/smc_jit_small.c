/* smc_jit under a 16K code cache (programs.txt). */
#include "smc_jit.c"
