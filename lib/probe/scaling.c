/* The cost of new data: bits per byte of a held-out block (or the next chunks) given a prefix. */
#include <math.h>
#include <stdlib.h>

#include "kcb/err.h"
#include "kcb/grid.h"
#include "kcb/probe.h"
#include "kcb/sizes.h"

struct scaling_run {
    const unsigned char *x;
    size_t n;                /* bytes of data */
    const size_t *seen;
    const struct kcb_scaling_setup *s;
    size_t *size; /* per point: C(prefix), then C(prefix·chunk_r) for each r */
    double unit;  /* bits per size unit: 8 for bytes, 1 for ideal code lengths (spec.bits) */
};

const char *kcb_scaling_design_str(enum kcb_scaling_design d)
{
    return d == KCB_SCALING_NEXT ? "next" : "heldout";
}

/* Where the prefix of n bytes starts: 0, or just before the held-out block. */
static size_t prefix_start(const struct kcb_scaling_setup *s, size_t total, size_t n)
{
    return s->design == KCB_SCALING_HELDOUT ? total - s->chunks * s->chunk - n : 0;
}

/* Where chunk r starts for a prefix of n bytes: in the held-out block, or after the prefix. */
static size_t chunk_start(const struct kcb_scaling_setup *s, size_t total, size_t n, size_t r)
{
    size_t base = s->design == KCB_SCALING_HELDOUT ? total - s->chunks * s->chunk : n;
    return base + r * s->chunk;
}

static int scaling_item(void *arg, kcb_comp *c, size_t item)
{
    struct scaling_run *r = arg;
    size_t per = r->s->chunks + 1, k = item / per, ch = item % per, n = r->seen[k];
    const unsigned char *prefix = r->x + prefix_start(r->s, r->n, n);
    if (ch == 0)
        return kcb_comp_size(c, prefix, n, &r->size[item]);
    const unsigned char *chunk = r->x + chunk_start(r->s, r->n, n, ch - 1);
    return kcb_comp_size_cat(c, prefix, n, "", 0, chunk, r->s->chunk, &r->size[item]);
}

static void scaling_points(const struct scaling_run *r, size_t k, size_t window,
                           struct kcb_scaling_point *out)
{
    size_t per = r->s->chunks + 1, chunks = r->s->chunks;
    for (size_t i = 0; i < k; i++) {
        const size_t *s = r->size + i * per;
        double sum = 0, sq = 0;
        for (size_t c = 1; c < per; c++) {
            double b = r->unit * ((double)s[c] - (double)s[0]) / (double)r->s->chunk;
            sum += b;
            sq += b * b;
        }
        double m = sum / (double)chunks;
        double var = chunks > 1 ? (sq - m * sum) / (double)(chunks - 1) : 0;
        out[i] = (struct kcb_scaling_point){r->seen[i], prefix_start(r->s, r->n, r->seen[i]), m,
                                            var > 0 ? sqrt(var) : 0, chunks,
                                            window == 0 || r->seen[i] <= window};
    }
}

static int setup_ok(const struct kcb_scaling_setup *s, size_t n)
{
    if (!s->chunk || !s->chunks || !s->from || !s->points || s->chunk > n / s->chunks)
        return 0;
    if (s->design != KCB_SCALING_HELDOUT && s->design != KCB_SCALING_NEXT)
        return 0;
    return s->chunks * s->chunk < n && n - s->chunks * s->chunk >= s->from;
}

int kcb_scaling_bytes(const struct kcb_spec *spec, const unsigned char *x, size_t n,
                      const struct kcb_scaling_setup *s, struct kcb_scaling_point *out,
                      size_t cap, size_t *count)
{
    *count = 0;
    if (!s || !setup_ok(s, n) || !cap)
        return KCB_EINVAL;
    size_t want = s->points < cap ? s->points : cap;
    size_t *seen = malloc(want * sizeof *seen);
    if (!seen)
        return KCB_ENOMEM;
    size_t k = kcb_log_grid(s->from, n - s->chunks * s->chunk, want, seen);
    struct scaling_run r = {x, n, seen, s, malloc(k * (s->chunks + 1) * sizeof(size_t)),
                            spec->bits ? 1.0 : 8.0};
    struct kcb_comp_loop l = {.spec = spec, .n = k * (s->chunks + 1), .threads = s->threads,
                              .item = scaling_item, .arg = &r};
    int rc = r.size ? kcb_comp_parallel(&l) : KCB_ENOMEM;
    if (!rc) {
        scaling_points(&r, k, spec->codec->window(spec->level), out);
        *count = k;
    }
    free(r.size);
    free(seen);
    return rc;
}
