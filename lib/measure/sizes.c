/* Compressed sizes on threads: the one loop that gives every worker its own reusable compressor. */
#include <stdlib.h>

#include "kcb/err.h"
#include "kcb/parallel.h"
#include "kcb/sizes.h"

struct loop_run {
    const struct kcb_comp_loop *l;
    kcb_comp **comp; /* one per worker */
};

static int run_init(void *arg, size_t w)
{
    struct loop_run *r = arg;
    return kcb_comp_new(r->l->spec, &r->comp[w]);
}

static int run_item(void *arg, size_t w, size_t i)
{
    struct loop_run *r = arg;
    return r->l->item(r->l->arg, r->comp[w], i);
}

static void run_fini(void *arg, size_t w)
{
    struct loop_run *r = arg;
    kcb_comp_free(r->comp[w]);
    r->comp[w] = NULL;
}

static void run_progress(void *arg, size_t done, size_t total)
{
    struct loop_run *r = arg;
    r->l->progress(r->l->progress_arg, done, total);
}

int kcb_comp_parallel(const struct kcb_comp_loop *l)
{
    size_t nt = kcb_threads(l->threads);
    struct loop_run r = {l, calloc(nt, sizeof(kcb_comp *))};
    if (!r.comp)
        return KCB_ENOMEM;
    struct kcb_parallel p = {.n = l->n, .threads = nt, .arg = &r, .init = run_init,
                             .item = run_item, .fini = run_fini,
                             .progress = l->progress ? run_progress : NULL,
                             .cancel = l->cancel};
    int rc = kcb_parallel_run(&p);
    free(r.comp);
    return rc;
}

struct sizes_run {
    const struct kcb_blob *x;
    size_t *size;
};

static int size_item(void *arg, kcb_comp *c, size_t i)
{
    struct sizes_run *r = arg;
    return kcb_comp_size(c, r->x[i].p, r->x[i].n, &r->size[i]);
}

int kcb_sizes(const struct kcb_spec *spec, const struct kcb_blob *x, size_t n, size_t threads,
              size_t *size)
{
    struct sizes_run r = {x, size};
    struct kcb_comp_loop l = {.spec = spec, .n = n, .threads = threads, .item = size_item,
                              .arg = &r};
    return kcb_comp_parallel(&l);
}

int kcb_empty_size(const struct kcb_spec *spec, size_t *size)
{
    kcb_comp *c;
    int rc = kcb_comp_new(spec, &c);
    if (!rc)
        rc = kcb_comp_size(c, "", 0, size);
    kcb_comp_free(c);
    return rc;
}
