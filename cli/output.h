/* cli: output files: opened atomically before the work, committed after it, errors printed. */
#ifndef KCB_CLI_OUTPUT_H
#define KCB_CLI_OUTPUT_H

#include <stdio.h>

#include "kcb/io.h"

/* Opens path for writing atomically, or standard output for "-" (*af is then NULL): an exit
 * status; *af and *fp set. */
int kcb_output_open(const char *cmd, const char *path, kcb_afile **af, FILE **fp);

/* Commits the file when rc is 0, else removes it; for standard output, checks that everything
 * was written. Returns rc, or the exit status of a failed commit or write (printed). */
int kcb_output_close(const char *cmd, const char *path, kcb_afile *af, int rc);

/* As kcb_output_close, but when whole is set (every table was written, and what failed, rc,
 * came after: a figure), the output is kept and committed all the same; returns rc, or the
 * commit's own error. */
int kcb_output_close_whole(const char *cmd, const char *path, kcb_afile *af, int rc, int whole);

/* The name of output path in messages: "standard output" for NULL or "-", else path. */
const char *kcb_output_name(const char *path);

#endif
