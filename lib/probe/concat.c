/* The concatenation probe: C(X), C(Y), C(XY), C(YX) and the gain for every ordered pair of corpora. */
#include <stdlib.h>

#include "kcb/err.h"
#include "kcb/probe.h"
#include "kcb/sizes.h"

struct concat_run {
    const struct kcb_blob *x;
    size_t n, *single, cempty;
    struct kcb_concat *out;
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

static int pair_item(void *arg, kcb_comp *c, size_t item)
{
    struct concat_run *r = arg;
    size_t i = item / r->n, j = item % r->n, cxy, cyx;
    const struct kcb_blob *X = &r->x[i], *Y = &r->x[j];
    int rc = kcb_comp_size_cat(c, X->p, X->n, "", 0, Y->p, Y->n, &cxy);
    if (!rc)
        rc = kcb_comp_size_cat(c, Y->p, Y->n, "", 0, X->p, X->n, &cyx);
    if (!rc)
        concat_fill(&r->out[item], r->single[i], r->single[j], cxy, cyx, r->cempty);
    return rc;
}

int kcb_concat_matrix(const struct kcb_spec *spec, const struct kcb_blob *x, size_t n,
                      size_t threads, struct kcb_concat *out)
{
    struct concat_run r = {x, n, calloc(n ? n : 1, sizeof(size_t)), 0, out};
    int rc = r.single ? kcb_empty_size(spec, &r.cempty) : KCB_ENOMEM;
    if (!rc)
        rc = kcb_sizes(spec, x, n, threads, r.single);
    struct kcb_comp_loop l = {.spec = spec, .n = n * n, .threads = threads, .item = pair_item,
                              .arg = &r};
    if (!rc)
        rc = kcb_comp_parallel(&l);
    free(r.single);
    return rc;
}
