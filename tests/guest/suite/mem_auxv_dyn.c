/* mem_auxv.c linked dynamically. */
#include "mem_auxv.c"
