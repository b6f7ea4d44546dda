/* The cost of new data: bits per byte of the next chunks given a prefix, on a log grid of prefixes. */
#include <math.h>
#include <stdlib.h>

#include "kcb/err.h"
#include "kcb/grid.h"
#include "kcb/probe.h"
#include "kcb/sizes.h"

struct scaling_run {
    const unsigned char *x;
    const size_t *seen;
    size_t chunk, chunks;
    size_t *size; /* per point: C(prefix), then C(prefix·chunk_r) for each r */
};

static int scaling_item(void *arg, kcb_comp *c, size_t item)
{
    struct scaling_run *r = arg;
    size_t per = r->chunks + 1, k = item / per, ch = item % per, n = r->seen[k];
    if (ch == 0)
        return kcb_comp_size(c, r->x, n, &r->size[item]);
    const unsigned char *chunk = r->x + n + (ch - 1) * r->chunk;
    return kcb_comp_size_cat(c, r->x, n, "", 0, chunk, r->chunk, &r->size[item]);
}

static void scaling_points(const struct scaling_run *r, size_t k, struct kcb_scaling_point *out)
{
    size_t per = r->chunks + 1;
    for (size_t i = 0; i < k; i++) {
        const size_t *s = r->size + i * per;
        double sum = 0, sq = 0;
        for (size_t c = 1; c < per; c++) {
            double b = 8.0 * ((double)s[c] - (double)s[0]) / (double)r->chunk;
            sum += b;
            sq += b * b;
        }
        double m = sum / (double)r->chunks;
        double var = r->chunks > 1 ? (sq - m * sum) / (double)(r->chunks - 1) : 0;
        out[i] = (struct kcb_scaling_point){r->seen[i], m, var > 0 ? sqrt(var) : 0, r->chunks};
    }
}

int kcb_scaling_bytes(const struct kcb_spec *spec, const unsigned char *x, size_t n, size_t from,
                      size_t chunk, size_t chunks, size_t points, size_t threads,
                      struct kcb_scaling_point *out, size_t cap, size_t *count)
{
    *count = 0;
    if (!chunk || !chunks || !from || !points || chunks * chunk >= n ||
        n - chunks * chunk < from)
        return KCB_EINVAL;
    size_t want = points < cap ? points : cap;
    size_t *seen = malloc(want * sizeof *seen);
    if (!seen)
        return KCB_ENOMEM;
    size_t k = kcb_log_grid(from, n - chunks * chunk, want, seen);
    struct scaling_run r = {x, seen, chunk, chunks, malloc(k * (chunks + 1) * sizeof(size_t))};
    struct kcb_comp_loop l = {.spec = spec, .n = k * (chunks + 1), .threads = threads,
                              .item = scaling_item, .arg = &r};
    int rc = r.size ? kcb_comp_parallel(&l) : KCB_ENOMEM;
    if (!rc) {
        scaling_points(&r, k, out);
        *count = k;
    }
    free(r.size);
    free(seen);
    return rc;
}
