/* The monotonic clock. */
#include <time.h>

#include "kcb/clock.h"

double kcb_clock(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}
