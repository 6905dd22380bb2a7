/* zb_logic.c again, run with the optimizer off (programs.txt: rvtcg=
 * --opt-disable=all): orc.b's IR sequence and min/max movcond unfolded. */
#include "zb_logic.c"
