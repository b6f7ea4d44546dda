/* What every subcommand shares: the command record, exit codes, and error printing (commands only). */
#ifndef KCB_CMD_H
#define KCB_CMD_H

#include <stdio.h>

#include "kcb/comp.h"
#include "kcb/text.h"

enum kcb_exit {
    KCB_EXIT_OK = 0,
    KCB_EXIT_FAIL = 1,   /* the work ran and found a failure (e.g. a round-trip mismatch) */
    KCB_EXIT_USAGE = 2,  /* bad command line: unknown option, codec, level, format */
    KCB_EXIT_IO = 3,     /* input/output: missing, unreadable or malformed input, write error */
};

/* One row of the command table in main.c. */
struct kcb_cmd {
    const char *name;
    int (*run)(int argc, char **argv); /* argv[0] is the command name; returns an exit code */
    const char *summary;               /* one line for `kcbench help` */
    const char *usage;                 /* the full help text for `kcbench help CMD` */
};

/* Prints the command's usage text to fp. */
void kcb_cmd_help(const struct kcb_cmd *cmd, FILE *fp);

/* Prints "kcbench CMD: message" on stderr as one line; returns KCB_EXIT_USAGE. */
int kcb_usage_err(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Prints "kcbench CMD: message" on stderr as one line; returns KCB_EXIT_IO. */
int kcb_io_err(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Prints "kcbench CMD: message" on stderr as one line; returns KCB_EXIT_FAIL. */
int kcb_fail(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Prints "kcbench CMD: warning: message" on stderr. */
void kcb_warn(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Parses a -c argument into specs, printing the error itself. Returns an exit code. */
int kcb_cmd_specs(const char *cmd, const char *text, struct kcb_specs *out);

/* Parses a --format argument, printing the error itself. Returns an exit code. */
int kcb_cmd_format(const char *cmd, const char *text, enum kcb_format *out);

/* Parses a non-negative integer option in [lo, hi], printing the error itself. */
int kcb_cmd_long(const char *cmd, const char *opt, const char *text, long lo, long hi, long *out);

/* Looks up the command named name in main's table; NULL if none. */
const struct kcb_cmd *kcb_cmd_find(const char *name);

/* Standard handling of an unknown option from getopt_long: prints and returns KCB_EXIT_USAGE. */
int kcb_bad_option(const char *cmd, int argc, char **argv);

#endif
