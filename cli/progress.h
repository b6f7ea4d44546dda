/* cli: progress on stderr, and interruption: a redrawn line on a terminal, a status line otherwise. */
#ifndef KCB_CLI_PROGRESS_H
#define KCB_CLI_PROGRESS_H

#include <stddef.h>

#include "kcb/parallel.h"

/* Nonzero once SIGINT or SIGTERM arrived after kcb_interrupt_catch(); loops stop at it. */
extern kcb_cancel_flag kcb_interrupted;

/* Catches SIGINT and SIGTERM: the first sets kcb_interrupted, so that the command can print
 * what it finished and how far it got; a second one ends the program as usual. */
void kcb_interrupt_catch(void);

/* --quiet: no progress at all. */
void kcb_progress_quiet(void);

/*
 * A progress report. On a terminal it is one line redrawn at most 4 times a second: what, a
 * bar, units done of the total, the rate and the time left. Otherwise (a pipe, a log, CI) it
 * is a line every 15 seconds (KCB_PROGRESS_EVERY seconds when set), so that long runs are
 * never silent. NO_COLOR changes nothing: no colour is used.
 */
struct kcb_progress {
    const char *cmd;  /* the command, for status lines: "eval" */
    const char *what; /* what is measured: "r8 gzip:9" */
    const char *unit; /* what the counts are: "pairs", "bytes", "texts" */
    double scale;     /* units per item reported: e.g. training texts per test text */
    double t0, last;  /* start, and the last line written (monotonic seconds) */
    double every;     /* seconds between status lines */
    int mode;         /* 0 off, 1 terminal line, 2 status lines */
    size_t done, total; /* the last counts reported, shown or not */
};

/* Starts a report (cmd, what and unit are borrowed). */
void kcb_progress_start(struct kcb_progress *p, const char *cmd, const char *what,
                        const char *unit, double scale);

/* A kcb_progress_fn: done of total items so far; arg is a struct kcb_progress. */
void kcb_progress_show(void *arg, size_t done, size_t total);

/* Ends the report: clears the terminal line. */
void kcb_progress_end(struct kcb_progress *p);

#endif
