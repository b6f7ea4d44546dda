/* cli: what every command shares: the command record, its option table, exit codes and messages. */
#ifndef KCB_CLI_H
#define KCB_CLI_H

#include <getopt.h>
#include <stddef.h>
#include <stdio.h>

#define KCB_PRINTF(f, a) __attribute__((format(printf, f, a)))

/* Exit statuses of the program, and the status of a parse that printed the help. */
enum kcb_exit {
    KCB_EXIT_OK = 0,
    KCB_EXIT_FAIL = 1,  /* the work ran and found a failure (e.g. a round-trip mismatch) */
    KCB_EXIT_USAGE = 2, /* bad command line: unknown option, codec, level, format */
    KCB_EXIT_IO = 3,    /* input/output: missing, unreadable or malformed input, write error */
    KCB_EXIT_INTERRUPTED = 130, /* SIGINT or SIGTERM stopped the work (128 + SIGINT) */
    KCB_DONE = 64,      /* not an exit status: --help was printed, nothing more to do */
};

/* Keys of long-only options start here (short options use their letter as key). */
#define KCB_OPT_LONG 256

/* One option of a command: the single source of its getopt string, --help and man page. */
struct kcb_opt {
    int key;             /* the short letter, or KCB_OPT_LONG + n for a long-only option */
    const char *name;    /* long name, without the dashes */
    const char *arg;     /* placeholder of the argument ("LIST"), NULL for a flag */
    const char *help;    /* help text; '\n' continues it on the next line */
    const char *example; /* an argument the command accepts (the option test uses it) */
};

/* One command: its row in the command table of main.c. */
struct kcb_cmd {
    const char *name;
    const char *summary;        /* one line for `kcbench help` */
    const char *synopsis;       /* usage lines after "kcbench NAME "; '\n' between lines */
    const char *about;          /* what it does, before the options */
    const struct kcb_opt *opts; /* ends with an entry whose name is NULL */
    const char *notes;          /* after the options; may be NULL */
    /* Runs the command; argv[0] is its name. Returns an exit status or KCB_DONE. */
    int (*run)(const struct kcb_cmd *cmd, int argc, char **argv);
};

/* Applies option key with argument arg (NULL for a flag) to ctx: an exit status, having
 * printed its one-line error. */
typedef int (*kcb_opt_fn)(const struct kcb_cmd *cmd, void *ctx, int key, const char *arg);

/*
 * Parses argv's options with getopt_long as cmd's table says, calling apply for each in
 * order; -h and --help print the help and return KCB_DONE at once, and -q and --quiet (which
 * every command takes) turn progress off. Returns KCB_EXIT_OK with
 * optind at the first operand, KCB_DONE, or the exit status of an error (printed).
 */
int kcb_opt_parse(const struct kcb_cmd *cmd, int argc, char **argv, kcb_opt_fn apply, void *ctx);

/* Returns "-c" or "--sep", how the user names option key of cmd (static storage, reused). */
const char *kcb_opt_name(const struct kcb_cmd *cmd, int key);

/* Writes cmd's help, generated from its record and option table, to fp. */
void kcb_cmd_help(const struct kcb_cmd *cmd, FILE *fp);

/* ---- messages: "kcbench CMD: message" on stderr, one line; each returns its exit status ---- */

int kcb_usage_err(const char *cmd, const char *fmt, ...) KCB_PRINTF(2, 3);
int kcb_io_err(const char *cmd, const char *fmt, ...) KCB_PRINTF(2, 3);
int kcb_fail(const char *cmd, const char *fmt, ...) KCB_PRINTF(2, 3);
void kcb_warn(const char *cmd, const char *fmt, ...) KCB_PRINTF(2, 3);
/* Prints "kcbench CMD: note" (no "warning"): facts the user asked for, such as what was written. */
void kcb_note(const char *cmd, const char *fmt, ...) KCB_PRINTF(2, 3);

/* Silences every message from now on (an MPI rank other than 0): nothing more is printed on
 * stderr, and the first error's text (without "kcbench CMD: ") is kept for kcb_msg_first. */
void kcb_msg_silence(void);

/* Returns the first error said while silenced, or "" (static storage). */
const char *kcb_msg_first(void);

/* Returns the exit status for library error rc: the one place that maps them. */
int kcb_exit_of(int rc);

/*
 * Prints "kcbench CMD: <message>: <reason>" for library error rc, the reason being strerror
 * (errno) for KCB_EIO and kcb_strerror(rc) otherwise; returns kcb_exit_of(rc). A NULL fmt
 * prints the reason alone.
 */
int kcb_lib_err(const char *cmd, int rc, const char *fmt, ...) KCB_PRINTF(3, 4);

#endif
