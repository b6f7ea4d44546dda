/* Log-spaced grids of sizes. */
#include <math.h>

#include "kcb/grid.h"

size_t kcb_log_grid(size_t from, size_t max, size_t points, size_t *out)
{
    size_t k = 0;
    if (points <= 1 || max <= from || from == 0) {
        out[k++] = max;
        return k;
    }
    double lo = log((double)from), hi = log((double)max);
    for (size_t i = 0; i < points; i++) {
        size_t v = (size_t)llround(exp(lo + (hi - lo) * (double)i / (double)(points - 1)));
        if (v > max)
            v = max;
        if (k == 0 || v > out[k - 1])
            out[k++] = v;
    }
    return k;
}
