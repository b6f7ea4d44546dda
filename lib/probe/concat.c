/* The concatenation probe: C(X), C(Y), C(XY), C(YX) and the gain for every ordered pair of corpora. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kcb/err.h"
#include "kcb/probe.h"
#include "kcb/sizes.h"

struct concat_run {
    const struct kcb_blob *x;
    size_t n, *single, cempty, window;
    int blocks; /* the codec codes blocks of `window` bytes on their own */
    double unit; /* bits per size unit: 8 for bytes, 1 for ideal code lengths (spec.bits) */
    struct kcb_concat *out;
};

const char *kcb_concat_artefact_str(enum kcb_concat_artefact a)
{
    return a == KCB_CONCAT_WINDOW ? "window" : a == KCB_CONCAT_BLOCK ? "block" : "none";
}

/* Bits per byte of n bytes whose size is c units of unit bits; NaN for no bytes. */
static double bpb(double unit, size_t c, size_t n)
{
    return n ? unit * (double)c / (double)n : (double)NAN;
}

static enum kcb_concat_artefact artefact(const struct concat_run *r, size_t nx, size_t ny)
{
    if (r->window == 0)
        return KCB_CONCAT_CLEAN;
    if (r->blocks)
        return nx + ny > r->window ? KCB_CONCAT_BLOCK : KCB_CONCAT_CLEAN;
    return nx > r->window ? KCB_CONCAT_WINDOW : KCB_CONCAT_CLEAN;
}

static void concat_fill(const struct concat_run *r, struct kcb_concat *o, size_t i, size_t j,
                        size_t cxy, size_t cyx)
{
    size_t cx = r->single[i], cy = r->single[j], nx = r->x[i].n, ny = r->x[j].n;
    *o = (struct kcb_concat){.nx = nx, .ny = ny, .cx = cx, .cy = cy, .cxy = cxy, .cyx = cyx,
                             .cempty = r->cempty, .window = r->window};
    o->gain = (double)cx + (double)cy - (double)cxy;
    o->gain_rel = o->gain / (double)(cx < cy ? cx : cy);
    o->c_needed = (double)cxy - (double)cx - (double)cy; /* not -gain: that is -0 when gain is 0 */
    o->held = (double)cxy <= (double)cx + (double)cy + (double)r->cempty;
    o->bpb_x = bpb(r->unit, cx, nx);
    o->bpb_y = bpb(r->unit, cy, ny);
    o->bpb_xy = bpb(r->unit, cxy, nx + ny);
    o->literal = o->bpb_xy < o->bpb_x && o->bpb_xy < o->bpb_y; /* false for NaN */
    o->artefact = artefact(r, nx, ny);
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
        concat_fill(r, &r->out[item], i, j, cxy, cyx);
    return rc;
}

int kcb_concat_matrix(const struct kcb_spec *spec, const struct kcb_blob *x, size_t n,
                      size_t threads, struct kcb_concat *out)
{
    struct concat_run r = {x, n, calloc(n ? n : 1, sizeof(size_t)), 0,
                           spec->codec->window(spec->level),
                           strcmp(spec->codec->name, "bzip2") == 0, spec->bits ? 1.0 : 8.0,
                           out};
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
