/* lib/base: log-spaced grids of sizes, for sweeps and curves. */
#ifndef KCB_GRID_H
#define KCB_GRID_H

#include <stddef.h>

/*
 * Fills out with at most points (>= 1) sizes spread evenly in log between from and max, both
 * included, each rounded to the nearest whole number, duplicates after rounding dropped, and
 * returns how many. One point, max <= from, or from = 0 gives the single size max.
 */
size_t kcb_log_grid(size_t from, size_t max, size_t points, size_t *out);

#endif
