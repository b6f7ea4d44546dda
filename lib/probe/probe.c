/* Compression-equals-learning probes computed on the thread pool: concat gain, window, scaling. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kcb/err.h"
#include "kcb/parallel.h"
#include "kcb/probe.h"

/* Per-worker compressors for one spec. */
struct workers {
    const struct kcb_spec *spec;
    kcb_comp **comp;
};

static int workers_init(struct workers *w, size_t threads)
{
    w->comp = calloc(kcb_threads(threads), sizeof *w->comp);
    return w->comp ? KCB_OK : KCB_ENOMEM;
}

static int worker_new(struct workers *w, size_t i)
{
    return kcb_comp_new(w->spec, &w->comp[i]);
}

static void worker_free(struct workers *w, size_t i)
{
    kcb_comp_free(w->comp[i]);
    w->comp[i] = NULL;
}

/* Pool callbacks for any run whose first member is its struct workers. */
static int run_init(void *arg, size_t w)
{
    return worker_new(arg, w);
}

static void run_fini(void *arg, size_t w)
{
    worker_free(arg, w);
}

/* ---- concatenation gain ---- */

struct concat_run {
    struct workers w; /* first: run_init and run_fini see the run as its workers */
    const struct kcb_blob *x;
    size_t n, *single, cempty;
    struct kcb_concat *out;
    int phase; /* 0: C(x_i) for items i < n; 1: pairs */
};

static void concat_fill(struct kcb_concat *o, size_t cx, size_t cy, size_t cxy, size_t cyx,
                        size_t cempty)
{
    o->cx = cx;
    o->cy = cy;
    o->cxy = cxy;
    o->cyx = cyx;
    o->cempty = cempty;
    o->gain = (double)cx + (double)cy - (double)cxy;
    o->gain_rel = o->gain / (double)(cx < cy ? cx : cy);
    o->c_needed = (double)cxy - (double)cx - (double)cy; /* not -gain: that is -0 when gain is 0 */
    o->held = (double)cxy <= (double)cx + (double)cy + (double)cempty;
}

static int concat_item(void *arg, size_t w, size_t item)
{
    struct concat_run *r = arg;
    kcb_comp *c = r->w.comp[w];
    if (r->phase == 0)
        return kcb_comp_size(c, r->x[item].p, r->x[item].n, &r->single[item]);
    size_t i = item / r->n, j = item % r->n, cxy, cyx;
    const struct kcb_blob *X = &r->x[i], *Y = &r->x[j];
    int rc = kcb_comp_size_cat(c, X->p, X->n, "", 0, Y->p, Y->n, &cxy);
    if (!rc)
        rc = kcb_comp_size_cat(c, Y->p, Y->n, "", 0, X->p, X->n, &cyx);
    if (!rc)
        concat_fill(&r->out[item], r->single[i], r->single[j], cxy, cyx, r->cempty);
    return rc;
}

static int empty_size(const struct kcb_spec *spec, size_t *out)
{
    kcb_comp *c;
    int rc = kcb_comp_new(spec, &c);
    if (!rc)
        rc = kcb_comp_size(c, "", 0, out);
    kcb_comp_free(c);
    return rc;
}

int kcb_concat_matrix(const struct kcb_spec *spec, const struct kcb_blob *x, size_t n,
                      size_t threads, struct kcb_concat *out)
{
    struct concat_run r = {{spec, NULL}, x, n, calloc(n ? n : 1, sizeof(size_t)), 0, out, 0};
    int rc = r.single ? workers_init(&r.w, threads) : KCB_ENOMEM;
    if (!rc)
        rc = empty_size(spec, &r.cempty);
    struct kcb_parallel p = {.n = n, .threads = threads, .arg = &r, .init = run_init,
                             .item = concat_item, .fini = run_fini};
    if (!rc)
        rc = kcb_parallel_run(&p);
    r.phase = 1;
    p.n = n * n;
    if (!rc)
        rc = kcb_parallel_run(&p);
    free(r.single);
    free(r.w.comp);
    return rc;
}

/* ---- window sweep ---- */

struct window_run {
    struct workers w;
    const unsigned char *x;
    struct kcb_window_point *out;
};

static int window_item(void *arg, size_t w, size_t k)
{
    struct window_run *r = arg;
    struct kcb_window_point *pt = &r->out[k];
    int rc = kcb_comp_size(r->w.comp[w], r->x, pt->size, &pt->cx);
    if (!rc)
        rc = kcb_comp_size_cat(r->w.comp[w], r->x, pt->size, "", 0, r->x, pt->size, &pt->cxx);
    if (!rc) {
        pt->ncd_xx = kcb_dist(KCB_DIST_NCD, pt->cx, pt->cx, pt->cxx);
        pt->gain_rel = (2.0 * (double)pt->cx - (double)pt->cxx) / (double)pt->cx;
    }
    return rc;
}

int kcb_window_sweep(const struct kcb_spec *spec, const unsigned char *x, size_t n, size_t from,
                     size_t threads, struct kcb_window_point *out, size_t cap, size_t *count)
{
    size_t k = 0;
    if (from == 0 || n == 0)
        return KCB_EINVAL;
    for (size_t s = from; s < n && k < cap; s *= 2)
        out[k++].size = s;
    if (k < cap)
        out[k++].size = n;
    struct window_run r = {{spec, NULL}, x, out};
    int rc = workers_init(&r.w, threads);
    struct kcb_parallel p = {.n = k, .threads = threads, .arg = &r, .init = run_init,
                             .item = window_item, .fini = run_fini};
    if (!rc)
        rc = kcb_parallel_run(&p);
    free(r.w.comp);
    *count = rc ? 0 : k;
    return rc;
}

/* ---- cost of new data given what was seen ---- */

struct scaling_run {
    struct workers w;
    const unsigned char *x;
    const size_t *seen;
    size_t chunk, chunks;
    size_t *size; /* per point: C(prefix), then C(prefix·chunk_r) for each r */
};

static int scaling_item(void *arg, size_t w, size_t item)
{
    struct scaling_run *r = arg;
    size_t per = r->chunks + 1, k = item / per, c = item % per, n = r->seen[k];
    if (c == 0)
        return kcb_comp_size(r->w.comp[w], r->x, n, &r->size[item]);
    const unsigned char *chunk = r->x + n + (c - 1) * r->chunk;
    return kcb_comp_size_cat(r->w.comp[w], r->x, n, "", 0, chunk, r->chunk, &r->size[item]);
}

/* Fills seen[] with up to points sizes spread evenly in log between from and max; returns
 * how many (duplicates after rounding dropped). */
static size_t log_grid(size_t from, size_t max, size_t points, size_t *seen)
{
    size_t k = 0;
    if (points == 1 || max <= from) {
        seen[k++] = max < from ? max : from;
        return k;
    }
    double lo = log((double)from), hi = log((double)max);
    for (size_t i = 0; i < points; i++) {
        size_t v = (size_t)llround(exp(lo + (hi - lo) * (double)i / (double)(points - 1)));
        if (v > max)
            v = max;
        if (k == 0 || v > seen[k - 1])
            seen[k++] = v;
    }
    return k;
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
    size_t k = log_grid(from, n - chunks * chunk, want, seen);
    struct scaling_run r = {{spec, NULL}, x, seen, chunk, chunks,
                            malloc(k * (chunks + 1) * sizeof(size_t))};
    int rc = r.size ? workers_init(&r.w, threads) : KCB_ENOMEM;
    struct kcb_parallel p = {.n = k * (chunks + 1), .threads = threads, .arg = &r,
                             .init = run_init, .item = scaling_item, .fini = run_fini};
    if (!rc)
        rc = kcb_parallel_run(&p);
    if (!rc) {
        scaling_points(&r, k, out);
        *count = k;
    }
    free(r.size);
    free(r.w.comp);
    free(seen);
    return rc;
}
