/* The conditional method: kNN on NCD with C(xy) replaced by C(y) + C(x|y), one primed state per training text; the method names. */
#include <stdlib.h>
#include <string.h>

#include "kcb/err.h"
#include "kcb/primed.h"
#include "kcb/sizes.h"
#include "kcb/toplabels.h"

static const char *const method_names[] = {"exact", "per-class", "conditional"};

int kcb_method_parse(const char *name, enum kcb_method *out)
{
    for (size_t i = 0; i < sizeof method_names / sizeof method_names[0]; i++) {
        if (strcmp(name, method_names[i]) == 0) {
            *out = (enum kcb_method)i;
            return KCB_OK;
        }
    }
    return KCB_EINVAL;
}

const char *kcb_method_name(enum kcb_method m)
{
    return (size_t)m < sizeof method_names / sizeof method_names[0] ? method_names[m] : "?";
}

double kcb_cond_dist(enum kcb_dist dist, size_t cx, size_t cy, size_t cx_given_y)
{
    return kcb_dist(dist, cx, cy, cy + cx_given_y);
}

struct prime_run {
    const struct kcb_blob *train;
    kcb_primed **primed;
};

static int prime_item(void *arg, kcb_comp *c, size_t i)
{
    struct prime_run *r = arg;
    return kcb_comp_prime(c, r->train[i].p, r->train[i].n, &r->primed[i]);
}

void kcb_cond_free(kcb_primed **primed, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        kcb_primed_free(primed[i]);
        primed[i] = NULL;
    }
}

int kcb_cond_prime(const struct kcb_spec *spec, const struct kcb_blob *train, size_t n,
                   size_t threads, kcb_primed **primed)
{
    if (!kcb_codec_primable(spec->codec))
        return KCB_EINVAL;
    memset(primed, 0, n * sizeof *primed);
    struct prime_run r = {train, primed};
    struct kcb_comp_loop l = {.spec = spec, .n = n, .threads = threads, .item = prime_item,
                              .arg = &r};
    int rc = kcb_comp_parallel(&l);
    if (rc)
        kcb_cond_free(primed, n);
    return rc;
}

/* The training texts of job, each prepared as a dictionary, into *out (NULL on failure):
 * 0 or kcb_err. Free them with release(). */
static int prime_all(const struct kcb_knn_job *job, kcb_primed ***out)
{
    *out = NULL;
    if (job->ntrain == 0)
        return KCB_EINVAL;
    kcb_primed **primed = calloc(job->ntrain, sizeof *primed);
    int rc = primed ? kcb_cond_prime(job->spec, job->train, job->ntrain, job->threads, primed)
                    : KCB_ENOMEM;
    if (rc)
        free(primed);
    else
        *out = primed;
    return rc;
}

static void release(kcb_primed **primed, size_t n)
{
    if (primed)
        kcb_cond_free(primed, n);
    free(primed);
}

int kcb_cond_search(const struct kcb_knn_job *job, struct kcb_nb *nb)
{
    kcb_primed **primed;
    int rc = prime_all(job, &primed);
    if (!rc)
        rc = kcb_knn_search_primed(job, (kcb_primed *const *)primed, nb);
    release(primed, job->ntrain);
    return rc;
}

int kcb_cond_search_labels(const struct kcb_knn_job *job, const int *label, size_t nlabels,
                           struct kcb_nb *nb, struct kcb_nb *near)
{
    kcb_primed **primed;
    int rc = prime_all(job, &primed);
    if (!rc)
        rc = kcb_knn_search_labels_primed(job, (kcb_primed *const *)primed, label, nlabels, nb,
                                          near);
    release(primed, job->ntrain);
    return rc;
}
