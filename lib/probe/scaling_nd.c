/* L(N, D): bits per byte of a fixed held-out block after the first D bytes, for model sizes N (a codec's levels). */
#include <stdlib.h>
#include <string.h>

#include "kcb/comp.h"
#include "kcb/err.h"
#include "kcb/grid.h"
#include "kcb/parallel.h"
#include "kcb/probe.h"

struct nd_run {
    const struct kcb_spec *specs;
    size_t nspecs, k;         /* specs, and D values */
    const unsigned char *x, *block;
    size_t heldout;
    const size_t *train;      /* the k values of D, ascending */
    size_t *coded;            /* per point, spec-major */
};

int kcb_nd_model_size(const struct kcb_spec *spec, size_t *n)
{
    const struct kcb_codec *c = spec->codec;
    size_t weights;
    if (c->model_size)
        return c->model_size(spec->level, n, &weights);
    *n = c->window(spec->level);
    return *n ? KCB_OK : KCB_EINVAL;
}

/* Item i: the largest D first (they take longest), every spec at each D. */
static int nd_item(void *arg, size_t w, size_t i)
{
    (void)w;
    struct nd_run *r = arg;
    size_t s = i % r->nspecs, d = r->k - 1 - i / r->nspecs;
    kcb_comp *c = NULL;
    kcb_primed *p = NULL;
    int rc = kcb_comp_new(&r->specs[s], &c);
    if (!rc)
        rc = kcb_comp_prime(c, r->x, r->train[d], &p);
    if (!rc)
        rc = kcb_comp_size_primed(c, p, r->block, r->heldout, &r->coded[s * r->k + d]);
    kcb_primed_free(p);
    kcb_comp_free(c);
    return rc;
}

/* Whether the specs can be measured: one codec, primable, each with a model size. */
static int specs_ok(const struct kcb_spec *specs, size_t nspecs)
{
    for (size_t s = 0; s < nspecs; s++) {
        size_t m;
        if (specs[s].codec != specs[0].codec || !kcb_codec_primable(specs[s].codec) ||
            kcb_nd_model_size(&specs[s], &m) != KCB_OK)
            return 0;
    }
    return nspecs > 0;
}

int kcb_scaling_nd(const struct kcb_spec *specs, size_t nspecs, const unsigned char *x,
                   size_t n, const struct kcb_nd_setup *s, struct kcb_nd_point *out,
                   size_t cap, size_t *count)
{
    *count = 0;
    if (!s || !specs || !out || !s->heldout || !s->from || !s->points || s->heldout >= n ||
        !specs_ok(specs, nspecs))
        return KCB_EINVAL;
    size_t most = n - s->heldout, to = s->to && s->to < most ? s->to : most;
    if (to < s->from)
        return KCB_EINVAL;
    size_t want = s->points, *train = malloc(want * sizeof *train);
    if (!train)
        return KCB_ENOMEM;
    size_t k = kcb_log_grid(s->from, to, want, train);
    if (k * nspecs > cap) {
        free(train);
        return KCB_EINVAL;
    }
    struct nd_run r = {specs, nspecs, k, x, x + most, s->heldout, train,
                       calloc(k * nspecs, sizeof(size_t))};
    struct kcb_parallel par = {.n = k * nspecs, .threads = s->threads, .arg = &r,
                               .item = nd_item};
    int rc = r.coded ? kcb_parallel_run(&par) : KCB_ENOMEM;
    for (size_t i = 0; !rc && i < k * nspecs; i++) {
        size_t sp = i / k, d = i % k, model = 0;
        kcb_nd_model_size(&specs[sp], &model);
        double unit = specs[sp].bits ? 1.0 : 8.0; /* coded is bits when the spec says so */
        out[i] = (struct kcb_nd_point){sp, model, train[d], r.coded[i],
                                       unit * (double)r.coded[i] / (double)s->heldout};
    }
    if (!rc)
        *count = k * nspecs;
    free(r.coded);
    free(train);
    return rc;
}
