/* file_stat.c, dynamically linked (run with -L). */
#include "file_stat.c"
