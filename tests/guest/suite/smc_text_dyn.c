/* smc_text, dynamically linked (programs.txt): the text was mapped by
 * ld.so (mmap, mprotect), not by the loader. */
#include "smc_text.c"
