/* sig_segv.c dynamically linked (the loader and libc.so in the guest). */
#include "sig_segv.c"
