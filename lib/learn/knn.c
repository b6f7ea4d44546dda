/* k-nearest-neighbour search on compression distance (exact or conditional): only the k nearest of each test text are kept. */
#include <math.h>
#include <stdlib.h>

#include "kcb/err.h"
#include "kcb/knn.h"
#include "kcb/sizes.h"

static int nb_before(double d, uint32_t idx, const struct kcb_nb *b)
{
    return d < b->d || (d == b->d && idx < b->idx);
}

void kcb_nb_insert(struct kcb_nb *best, size_t *have, size_t k, double d, uint32_t idx)
{
    size_t n = *have;
    if (k == 0 || (n == k && !nb_before(d, idx, &best[n - 1])))
        return;
    size_t pos = n < k ? n : k - 1;
    while (pos > 0 && nb_before(d, idx, &best[pos - 1])) {
        best[pos] = best[pos - 1];
        pos--;
    }
    best[pos] = (struct kcb_nb){d, idx};
    if (n < k)
        *have = n + 1;
}

struct search_run {
    const struct kcb_knn_job *job;
    kcb_primed *const *primed; /* conditional, or NULL */
    struct kcb_nb *nb;
};

static int search_item(void *arg, kcb_comp *c, size_t i)
{
    struct search_run *r = arg;
    const struct kcb_knn_job *j = r->job;
    const struct kcb_blob *x = &j->test[i];
    struct kcb_nb *best = r->nb + i * j->k;
    size_t have = 0;
    for (size_t t = 0; t < j->ntrain; t++) {
        size_t cxy;
        int rc;
        if (r->primed) { /* conditional: C(y) + C(x|y) */
            rc = kcb_comp_size_primed(c, r->primed[t], x->p, x->n, &cxy);
            cxy += j->ctrain[t];
        } else {
            rc = kcb_comp_size_cat(c, x->p, x->n, j->sep, j->nsep, j->train[t].p, j->train[t].n,
                                   &cxy);
        }
        if (rc)
            return rc;
        kcb_nb_insert(best, &have, j->k, kcb_dist(j->dist, j->ctest[i], j->ctrain[t], cxy),
                      (uint32_t)t);
    }
    for (; have < j->k; have++) /* fewer training rows than k */
        best[have] = (struct kcb_nb){INFINITY, UINT32_MAX};
    return KCB_OK;
}

int kcb_knn_search(const struct kcb_knn_job *job, struct kcb_nb *nb)
{
    return kcb_knn_search_primed(job, NULL, nb);
}

int kcb_knn_search_primed(const struct kcb_knn_job *job, kcb_primed *const *primed,
                          struct kcb_nb *nb)
{
    if (job->k == 0 || job->k > KCB_KNN_MAXK || job->ntrain == 0 || job->ntrain >= UINT32_MAX)
        return KCB_EINVAL;
    struct search_run r = {job, primed, nb};
    struct kcb_comp_loop l = {.spec = job->spec, .n = job->ntest, .threads = job->threads,
                              .item = search_item, .arg = &r, .progress = job->progress,
                              .progress_arg = job->progress_arg, .cancel = job->cancel};
    return kcb_comp_parallel(&l);
}
