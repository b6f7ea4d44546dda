/* One entry to the three classification methods (exact kNN, per-class, conditional), as eval, bench and classify call them. */
#include <stdint.h>
#include <stdlib.h>

#include "kcb/err.h"
#include "kcb/primed.h"

/* Per-class: the classes ranked for each test text (a tie to the smaller label id), each then
 * named by its first training row, so that label[idx] is the class. */
static int search_per_class(size_t parts, const struct kcb_knn_job *job, const int *label,
                            size_t nlabels, struct kcb_nb *nb)
{
    struct kcb_perclass_spec ps = {job->spec, job->train, label, job->ntrain, nlabels,
                                   job->sep, job->nsep, parts ? parts : 1, job->threads};
    kcb_perclass *m;
    uint32_t *first = malloc((nlabels ? nlabels : 1) * sizeof *first);
    int rc = first ? kcb_perclass_new(&ps, &m) : KCB_ENOMEM;
    if (rc) {
        free(first);
        return rc;
    }
    struct kcb_perclass_job pj = {m, job->spec, job->test, job->ntest, job->k, job->threads,
                                  job->progress, job->progress_arg, job->cancel};
    rc = kcb_perclass_search(&pj, nb);
    for (size_t l = 0; l < nlabels; l++)
        first[l] = UINT32_MAX;
    for (size_t t = job->ntrain; t-- > 0;)
        first[label[t]] = (uint32_t)t;
    for (size_t i = 0; !rc && i < job->ntest * job->k; i++)
        if (nb[i].idx != UINT32_MAX)
            nb[i].idx = first[nb[i].idx];
    kcb_perclass_free(m);
    free(first);
    return rc;
}

int kcb_method_search(enum kcb_method method, size_t parts, const struct kcb_knn_job *job,
                      const int *label, size_t nlabels, struct kcb_nb *nb)
{
    switch (method) {
    case KCB_METHOD_PER_CLASS:
        return search_per_class(parts, job, label, nlabels, nb);
    case KCB_METHOD_CONDITIONAL:
        return kcb_cond_search(job, nb);
    default:
        return kcb_knn_search(job, nb);
    }
}
