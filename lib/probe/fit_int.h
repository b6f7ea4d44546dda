/* What the fits of lib/probe share (internal): GSL's error handler off, the identification rule. */
#ifndef KCB_PROBE_FIT_INT_H
#define KCB_PROBE_FIT_INT_H

#include <stddef.h>

/* Switches GSL's printing, aborting error handler off for the process, once (thread-safe):
 * library code must not print or abort; GSL's errors then come back as return codes. */
void kcb_fit_gsl_quiet(void);

/* Whether v is a finite estimate with a finite standard error below its magnitude. */
int kcb_fit_pinned(double v, double se);

/* The number of distinct values among v[0..m), using work (m doubles) as scratch. */
size_t kcb_fit_distinct(const double *v, size_t m, double *work);

#endif
