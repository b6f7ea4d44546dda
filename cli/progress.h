/* cli: a progress line on stderr (rate and ETA), shown only when stderr is a terminal. */
#ifndef KCB_CLI_PROGRESS_H
#define KCB_CLI_PROGRESS_H

#include <stddef.h>

struct kcb_progress {
    const char *what;   /* shown before the bar, e.g. "r8 gzip:9" */
    double t0;          /* start, monotonic seconds */
    int on;             /* stderr is a terminal and NO_COLOR is unset or progress was forced */
};

/* Starts a progress line for what (borrowed). */
void kcb_progress_start(struct kcb_progress *p, const char *what);
/* A kcb_progress_fn: redraws the line; arg is a struct kcb_progress. */
void kcb_progress_show(void *arg, size_t done, size_t total);
/* Clears the line. */
void kcb_progress_end(struct kcb_progress *p);

#endif
