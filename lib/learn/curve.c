/* kNN accuracy of one compressor on a labelled split, and learning curves over training-set size. */
#include <math.h>
#include <stdlib.h>

#include "kcb/curve.h"
#include "kcb/err.h"
#include "kcb/grid.h"
#include "kcb/primed.h"
#include "kcb/sample.h"
#include "kcb/sizes.h"

/* Returns given sizes, or computes them into *own (freed by the caller). */
static int sizes_of(const struct kcb_knn_setup *s, const struct kcb_dataset *d,
                    const size_t *given, const size_t **out, size_t **own)
{
    *own = NULL;
    if (given) {
        *out = given;
        return KCB_OK;
    }
    *own = malloc((d->n ? d->n : 1) * sizeof **own);
    if (!*own)
        return KCB_ENOMEM;
    *out = *own;
    return kcb_sizes(s->spec, d->text, d->n, s->threads, *own);
}

/* Searches and scores with sizes known. */
static int accuracy(const struct kcb_knn_setup *s, const struct kcb_dataset *train,
                    const size_t *ctr, const struct kcb_dataset *test, const size_t *cte,
                    double *acc)
{
    size_t k = s->k, nte = test->n, kk = k < train->n ? k : train->n;
    struct kcb_nb *nb = malloc((nte ? nte : 1) * (k ? k : 1) * sizeof *nb);
    struct kcb_score score = {0};
    int rc = !nb ? KCB_ENOMEM : kcb_score_init(&score, train->labels->n);
    struct kcb_knn_job job = {s->spec, s->dist, train->text, ctr, train->n, test->text, cte, nte,
                              s->sep, s->nsep, k, s->threads, NULL, NULL, NULL};
    if (!rc && nte)
        rc = kcb_method_search(&(struct kcb_method_opts){s->method, s->parts, 0, NULL}, &job,
                               train->label, train->labels->n, nb);
    if (!rc) {
        kcb_knn_score(s->rule, nb, k, kk, train->label, test->label, nte, &score);
        *acc = kcb_score_accuracy(&score);
    }
    kcb_score_free(&score);
    free(nb);
    return rc;
}

int kcb_knn_accuracy(const struct kcb_knn_setup *s, const struct kcb_dataset *train,
                     const size_t *ctrain, const struct kcb_dataset *test, const size_t *ctest,
                     double *acc)
{
    const size_t *ctr = NULL, *cte = NULL;
    size_t *own_tr = NULL, *own_te = NULL;
    int need = s->method != KCB_METHOD_PER_CLASS; /* the classes are dictionaries */
    int rc = need ? sizes_of(s, train, ctrain, &ctr, &own_tr) : KCB_OK;
    if (!rc && need)
        rc = sizes_of(s, test, ctest, &cte, &own_te);
    if (!rc)
        rc = accuracy(s, train, ctr, test, cte, acc);
    free(own_tr);
    free(own_te);
    return rc;
}

size_t kcb_learning_grid(size_t ntrain, size_t nlabels, size_t points, size_t *out)
{
    size_t lo = nlabels > 8 ? nlabels : 8;
    return kcb_log_grid(lo < ntrain ? lo : ntrain, ntrain, points, out);
}

/* A training subset: the chosen rows of d, their texts, labels and sizes copied into sub. */
struct subset {
    struct kcb_dataset d;
    struct kcb_blob *text;
    int *label;
    size_t *size;
    unsigned char *keep;
};

static void take(const struct kcb_dataset *d, const size_t *size, struct subset *s)
{
    size_t m = 0;
    for (size_t i = 0; i < d->n; i++) {
        if (!s->keep[i])
            continue;
        s->text[m] = d->text[i];
        s->label[m] = d->label[i];
        s->size[m++] = size[i];
    }
    s->d = (struct kcb_dataset){.n = m, .text = s->text, .label = s->label, .labels = d->labels};
}

static void mean_sd(const double *v, size_t n, double *mean, double *sd)
{
    double s = 0, q = 0;
    for (size_t i = 0; i < n; i++)
        s += v[i];
    *mean = s / (double)n;
    for (size_t i = 0; i < n; i++)
        q += (v[i] - *mean) * (v[i] - *mean);
    *sd = n > 1 ? sqrt(q / (double)(n - 1)) : 0;
}

/* One point: the mean and spread of the error over reps samples of want training texts. */
static int curve_point(const struct kcb_knn_setup *s, const struct kcb_dataset *train,
                       const size_t *ctr, const struct kcb_dataset *test, const size_t *cte,
                       size_t want, size_t reps, uint64_t seed, struct subset *sub,
                       double *err, struct kcb_learning_point *out)
{
    for (size_t r = 0; r < reps; r++) {
        double acc = 0;
        int rc = kcb_sample_stratified(train->label, train->n, train->labels->n, want, seed + r,
                                       sub->keep);
        if (rc)
            return rc;
        take(train, ctr, sub);
        if ((rc = accuracy(s, &sub->d, sub->size, test, cte, &acc)))
            return rc;
        err[r] = 1.0 - acc;
    }
    *out = (struct kcb_learning_point){want < train->n ? want : train->n, 0, 0, reps};
    mean_sd(err, reps, &out->err_mean, &out->err_sd);
    return KCB_OK;
}

int kcb_learning_curve(const struct kcb_knn_setup *s, const struct kcb_dataset *train,
                       const struct kcb_dataset *test, const size_t *sizes, size_t m,
                       size_t reps, uint64_t seed, struct kcb_learning_point *out)
{
    size_t n = train->n ? train->n : 1, *own_tr = NULL, *own_te = NULL;
    const size_t *ctr = NULL, *cte = NULL;
    struct subset sub = {.text = malloc(n * sizeof *sub.text),
                         .label = malloc(n * sizeof *sub.label),
                         .size = malloc(n * sizeof *sub.size), .keep = malloc(n)};
    double *err = malloc((reps ? reps : 1) * sizeof *err);
    int rc = !sub.text || !sub.label || !sub.size || !sub.keep || !err ? KCB_ENOMEM : KCB_OK;
    if (!rc)
        rc = sizes_of(s, train, NULL, &ctr, &own_tr);
    if (!rc)
        rc = sizes_of(s, test, NULL, &cte, &own_te);
    for (size_t i = 0; !rc && i < m; i++)
        rc = curve_point(s, train, ctr, test, cte, sizes[i], reps, seed, &sub, err, &out[i]);
    free(own_tr);
    free(own_te);
    free(sub.text);
    free(sub.label);
    free(sub.size);
    free(sub.keep);
    free(err);
    return rc;
}
