/*
 * Running one test program under an emulator: stdout and stderr captured,
 * the wait status kept, core dumps off.  A generous watchdog turns a hang
 * into a reported failure instead of a stuck test; it is not a performance
 * check.
 */
#ifndef DT_PROC_H
#define DT_PROC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct DtRunResult {
    uint8_t *out;
    size_t outlen;
    char *err;
    size_t errlen;
    int status;             /* waitpid status */
    bool timed_out;
    bool exec_failed;
} DtRunResult;

/* Runs argv (argv[0] looked up in PATH) to completion. */
void dt_run(char *const argv[], int timeout_s, DtRunResult *res);
void dt_run_free(DtRunResult *res);

/* "exit 0", "killed by SIGILL", "timed out" ... */
void dt_status_text(const DtRunResult *res, char *buf, size_t n);

/* Same outcome: both exited with the same code or were killed by the same
 * signal. */
bool dt_same_status(const DtRunResult *a, const DtRunResult *b);

#endif
