/* The window sweep: NCD(x,x) of growing prefixes x of one input, on a doubling grid. */
#include "kcb/dist.h"
#include "kcb/err.h"
#include "kcb/probe.h"
#include "kcb/sizes.h"

struct window_run {
    const unsigned char *x;
    struct kcb_window_point *out;
};

static int window_item(void *arg, kcb_comp *c, size_t k)
{
    struct window_run *r = arg;
    struct kcb_window_point *pt = &r->out[k];
    int rc = kcb_comp_size(c, r->x, pt->size, &pt->cx);
    if (!rc)
        rc = kcb_comp_size_cat(c, r->x, pt->size, "", 0, r->x, pt->size, &pt->cxx);
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
    *count = 0;
    if (from == 0 || n == 0)
        return KCB_EINVAL;
    for (size_t s = from; s < n && k < cap; s *= 2)
        out[k++].size = s;
    if (k < cap)
        out[k++].size = n;
    struct window_run r = {x, out};
    struct kcb_comp_loop l = {.spec = spec, .n = k, .threads = threads, .item = window_item,
                              .arg = &r};
    int rc = kcb_comp_parallel(&l);
    *count = rc ? 0 : k;
    return rc;
}
