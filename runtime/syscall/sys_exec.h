/*
 * execve and execveat of the guest (sys_exec.c): a riscv64 ELF runs under
 * rvtcg again, with the options rvtcg itself was started with.
 */
#ifndef SYS_EXEC_H
#define SYS_EXEC_H

/* The option words (RtOptions.exec_words) to pass to rvtcg when the guest
 * runs another riscv64 program; kept, not copied. */
void sys_exec_set_options(char **words, int n);

#endif
