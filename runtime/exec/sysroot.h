/*
 * The guest's view of the host file system (as qemu-riscv64 -L /
 * QEMU_LD_PREFIX): an absolute guest path names a file under the sysroot
 * when that file exists there, else the host file of the same name.
 * The dynamic loader, libraries and data files of a foreign sysroot
 * (Debian's /usr/riscv64-linux-gnu) are found this way.
 */
#ifndef SYSROOT_H
#define SYSROOT_H

#include <stddef.h>

/* Sets the sysroot (NULL: none). */
void rt_sysroot_set(const char *dir);
const char *rt_sysroot(void);

/* The host path for guest path PATH: PATH itself, or the sysroot's copy
 * written into BUF (LEN bytes). */
const char *rt_path(const char *path, char *buf, size_t len);

#endif
