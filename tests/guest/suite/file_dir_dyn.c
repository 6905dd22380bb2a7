/* file_dir.c, dynamically linked (run with -L). */
#include "file_dir.c"
