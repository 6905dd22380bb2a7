/* smc_text under a 16K code cache (programs.txt). */
#include "smc_text.c"
