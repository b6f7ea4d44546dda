/* What the fits of lib/probe share (internal): GSL's error handler off, the identification rule. */
#ifndef KCB_PROBE_FIT_INT_H
#define KCB_PROBE_FIT_INT_H

#include <stddef.h>

/* Switches GSL's printing, aborting error handler off for the process, once (thread-safe):
 * library code must not print or abort; GSL's errors then come back as return codes. */
void kcb_fit_gsl_quiet(void);

/* Whether v is a finite estimate with a finite standard error below its magnitude. */
int kcb_fit_pinned(double v, double se);

/* Whether a solver run on m points converged: a finite RSS and GSL's success, or an RSS per
 * point so small (1e-26, normalised) that nothing is left to improve. */
int kcb_fit_converged(double rss, int status, size_t m);

/* The number of distinct values among v[0..m), using work (m doubles) as scratch. */
size_t kcb_fit_distinct(const double *v, size_t m, double *work);

#endif
