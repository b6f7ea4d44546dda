/* lib/base: the monotonic clock every timing and progress line reads. */
#ifndef KCB_CLOCK_H
#define KCB_CLOCK_H

/* Returns monotonic time in seconds (CLOCK_MONOTONIC). */
double kcb_clock(void);

#endif
