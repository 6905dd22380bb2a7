/* cli_procfs.c as a dynamically linked program (run with -L): its auxv
 * has the interpreter's AT_BASE, its maps the loader and libc. */
#include "cli_procfs.c"
