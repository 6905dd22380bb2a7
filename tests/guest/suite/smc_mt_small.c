/* smc_mt under a 16K code cache (programs.txt): fewer iterations, since
 * every thread retranslates its code after each of the many flushes. */
#define ITERS 60
#include "smc_mt.c"
