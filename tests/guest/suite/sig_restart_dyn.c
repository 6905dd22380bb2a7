/* sig_restart.c dynamically linked. */
#include "sig_restart.c"
