/* One entry to the three classification methods (exact kNN, per-class, conditional), as eval, bench and classify call them. */
#include <stdint.h>
#include <stdlib.h>

#include "kcb/err.h"
#include "kcb/primed.h"

/* A per-class model of job's training texts under spec with parts parts: 0 or kcb_err. */
static int model_of(const struct kcb_knn_job *job, const struct kcb_spec *spec, size_t parts,
                    const int *label, size_t nlabels, kcb_perclass **m)
{
    struct kcb_perclass_spec ps = {spec, job->train, label, job->ntrain, nlabels, job->sep,
                                   job->nsep, parts ? parts : 1, job->threads};
    return kcb_perclass_new(&ps, m);
}

/* The first pass of a shortlist: the mo->shortlist best classes of every test text under
 * mo->first, one part per class, into *out (ntest × shortlist entries, the caller frees). */
static int shortlist(const struct kcb_method_opts *mo, const struct kcb_knn_job *job,
                     const int *label, size_t nlabels, struct kcb_nb **out)
{
    kcb_perclass *f;
    *out = malloc((job->ntest ? job->ntest : 1) * mo->shortlist * sizeof **out);
    int rc = *out ? model_of(job, mo->first, 1, label, nlabels, &f) : KCB_ENOMEM;
    if (rc)
        return rc;
    struct kcb_perclass_job fj = {f, mo->first, job->test, job->ntest, mo->shortlist,
                                  job->threads, NULL, NULL, job->cancel, NULL, 0};
    rc = kcb_perclass_search(&fj, *out);
    kcb_perclass_free(f);
    return rc;
}

/* Per-class: the classes ranked for each test text (a tie to the smaller label id), each then
 * named by its first training row, so that label[idx] is the class. */
static int search_per_class(const struct kcb_method_opts *mo, const struct kcb_knn_job *job,
                            const int *label, size_t nlabels, struct kcb_nb *nb)
{
    kcb_perclass *m = NULL;
    struct kcb_nb *only = NULL;
    size_t nonly = mo->shortlist && mo->first && mo->shortlist < nlabels ? mo->shortlist : 0;
    uint32_t *first = malloc((nlabels ? nlabels : 1) * sizeof *first);
    int rc = first ? KCB_OK : KCB_ENOMEM;
    if (!rc && nonly)
        rc = shortlist(mo, job, label, nlabels, &only);
    if (!rc)
        rc = model_of(job, job->spec, mo->parts, label, nlabels, &m);
    struct kcb_perclass_job pj = {m, job->spec, job->test, job->ntest, job->k, job->threads,
                                  job->progress, job->progress_arg, job->cancel, only, nonly};
    if (!rc)
        rc = kcb_perclass_search(&pj, nb);
    for (size_t l = 0; !rc && l < nlabels; l++)
        first[l] = UINT32_MAX;
    for (size_t t = job->ntrain; !rc && t-- > 0;)
        first[label[t]] = (uint32_t)t;
    for (size_t i = 0; !rc && i < job->ntest * job->k; i++)
        if (nb[i].idx != UINT32_MAX)
            nb[i].idx = first[nb[i].idx];
    kcb_perclass_free(m);
    free(only);
    free(first);
    return rc;
}

int kcb_method_search(const struct kcb_method_opts *mo, const struct kcb_knn_job *job,
                      const int *label, size_t nlabels, struct kcb_nb *nb)
{
    switch (mo->method) {
    case KCB_METHOD_PER_CLASS:
        return search_per_class(mo, job, label, nlabels, nb);
    case KCB_METHOD_CONDITIONAL:
        return kcb_cond_search(job, nb);
    default:
        return kcb_knn_search(job, nb);
    }
}
