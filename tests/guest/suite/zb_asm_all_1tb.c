/* zb_asm_all.c again, one guest instruction per translation block
 * (programs.txt: rvtcg=-one-insn-per-tb): no value of a Zbb/Zbs result
 * stays in a host register across instructions. */
#include "zb_asm_all.c"
