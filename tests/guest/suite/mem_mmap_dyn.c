/* mem_mmap_file.c linked dynamically. */
#include "mem_mmap_file.c"
