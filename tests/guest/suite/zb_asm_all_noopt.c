/* zb_asm_all.c again, run with the optimizer off (programs.txt: rvtcg=
 * --opt-disable=all): the frontend's Zbb/Zbs IR as generated, unfolded. */
#include "zb_asm_all.c"
