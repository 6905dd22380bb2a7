/* zbc_ops.c again, run with the optimizer off (programs.txt: rvtcg=
 * --opt-disable=all): the frontend's clmul/clmulh/clmulr IR unfolded. */
#include "zbc_ops.c"
