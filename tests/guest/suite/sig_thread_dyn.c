/* sig_thread.c dynamically linked. */
#include "sig_thread.c"
