/* tb_pressure with 4 threads (programs.txt: under a 16K code cache). */
#define THREADS 4
#include "tb_pressure.c"
