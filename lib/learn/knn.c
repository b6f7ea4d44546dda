/* k-nearest-neighbour search on compression distance, the three decision rules, and scoring. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kcb/err.h"
#include "kcb/knn.h"
#include "kcb/parallel.h"
#include "kcb/sample.h"

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

static const char *const rule_names[KCB_NRULES] = {"vote", "random", "optimistic"};

int kcb_rule_parse(const char *name, enum kcb_rule *out)
{
    for (int i = 0; i < KCB_NRULES; i++) {
        if (strcmp(name, rule_names[i]) == 0) {
            *out = (enum kcb_rule)i;
            return KCB_OK;
        }
    }
    return KCB_EINVAL;
}

const char *kcb_rule_name(enum kcb_rule r)
{
    return (unsigned)r < KCB_NRULES ? rule_names[r] : "?";
}

/* Counts labels among the first k neighbours into lab/cnt (distinct labels, first-seen order);
 * returns the number of distinct labels and sets *top to the largest count. */
static size_t count_labels(const struct kcb_nb *nb, size_t k, const int *label, int *lab,
                           size_t *cnt, size_t *top)
{
    size_t m = 0;
    *top = 0;
    for (size_t i = 0; i < k; i++) {
        int l = label[nb[i].idx];
        size_t j = 0;
        while (j < m && lab[j] != l)
            j++;
        if (j == m) {
            lab[m] = l;
            cnt[m++] = 0;
        }
        if (++cnt[j] > *top)
            *top = cnt[j];
    }
    return m;
}

#define KCB_KNN_MAXK 1024

static int vote_winner(const struct kcb_nb *nb, size_t k, const int *label)
{
    int lab[KCB_KNN_MAXK];
    size_t cnt[KCB_KNN_MAXK], top;
    for (; k > 1; k--) {
        size_t m = count_labels(nb, k, label, lab, cnt, &top), ntop = 0, at = 0;
        for (size_t j = 0; j < m; j++)
            if (cnt[j] == top)
                ntop++, at = j;
        if (ntop == 1)
            return lab[at];
    }
    return label[nb[0].idx];
}

size_t kcb_knn_decide(enum kcb_rule r, const struct kcb_nb *nb, size_t k, const int *label,
                      int truth, struct kcb_vote *out)
{
    int lab[KCB_KNN_MAXK];
    size_t cnt[KCB_KNN_MAXK], top;
    if (k > KCB_KNN_MAXK)
        k = KCB_KNN_MAXK;
    if (r == KCB_RULE_VOTE) {
        out[0] = (struct kcb_vote){vote_winner(nb, k, label), 1.0};
        return 1;
    }
    size_t m = count_labels(nb, k, label, lab, cnt, &top), ntop = 0, has_truth = 0;
    for (size_t j = 0; j < m; j++) {
        if (cnt[j] == top) {
            ntop++;
            has_truth |= lab[j] == truth;
        }
    }
    if (r == KCB_RULE_OPTIMISTIC) {
        out[0] = (struct kcb_vote){has_truth ? truth : vote_winner(nb, k, label), 1.0};
        return 1;
    }
    size_t nv = 0;
    for (size_t j = 0; j < m; j++)
        if (cnt[j] == top)
            out[nv++] = (struct kcb_vote){lab[j], 1.0 / (double)ntop};
    return nv;
}

int kcb_score_init(struct kcb_score *s, size_t nlabels)
{
    s->nlabels = nlabels;
    s->n = 0;
    s->conf = calloc(nlabels ? nlabels * nlabels : 1, sizeof *s->conf);
    return s->conf ? KCB_OK : KCB_ENOMEM;
}

void kcb_score_free(struct kcb_score *s)
{
    free(s->conf);
    s->conf = NULL;
}

void kcb_score_add(struct kcb_score *s, int truth, const struct kcb_vote *v, size_t nv)
{
    for (size_t i = 0; i < nv; i++)
        s->conf[(size_t)truth * s->nlabels + (size_t)v[i].label] += v[i].w;
    s->n += 1;
}

double kcb_score_accuracy(const struct kcb_score *s)
{
    if (s->n <= 0)
        return (double)NAN;
    double diag = 0;
    for (size_t i = 0; i < s->nlabels; i++)
        diag += s->conf[i * s->nlabels + i];
    return diag / s->n;
}

double kcb_score_macro_f1(const struct kcb_score *s)
{
    size_t L = s->nlabels, used = 0;
    double sum = 0;
    for (size_t c = 0; c < L; c++) {
        double tp = s->conf[c * L + c], row = 0, col = 0;
        for (size_t j = 0; j < L; j++) {
            row += s->conf[c * L + j];
            col += s->conf[j * L + c];
        }
        if (row <= 0 && col <= 0)
            continue;
        used++;
        sum += 2 * tp / (row + col);
    }
    return used ? sum / (double)used : (double)NAN;
}

/* ---- parallel sizes and neighbour search ---- */

struct sizes_run {
    const struct kcb_spec *spec;
    const struct kcb_blob *x;
    size_t *size;
    kcb_comp **comp; /* one per worker */
};

static int comp_init(kcb_comp **comp, const struct kcb_spec *spec, size_t w)
{
    return kcb_comp_new(spec, &comp[w]);
}

static int sizes_init(void *arg, size_t w)
{
    struct sizes_run *r = arg;
    return comp_init(r->comp, r->spec, w);
}

static int sizes_item(void *arg, size_t w, size_t i)
{
    struct sizes_run *r = arg;
    return kcb_comp_size(r->comp[w], r->x[i].p, r->x[i].n, &r->size[i]);
}

static void sizes_fini(void *arg, size_t w)
{
    struct sizes_run *r = arg;
    kcb_comp_free(r->comp[w]);
    r->comp[w] = NULL;
}

int kcb_sizes(const struct kcb_spec *spec, const struct kcb_blob *x, size_t n, size_t threads,
              size_t *size)
{
    size_t nt = kcb_threads(threads);
    struct sizes_run r = {spec, x, size, calloc(nt, sizeof(kcb_comp *))};
    if (!r.comp)
        return KCB_ENOMEM;
    struct kcb_parallel p = {.n = n, .threads = nt, .arg = &r, .init = sizes_init,
                             .item = sizes_item, .fini = sizes_fini};
    int rc = kcb_parallel_run(&p);
    free(r.comp);
    return rc;
}

struct search_run {
    const struct kcb_knn_job *job;
    struct kcb_nb *nb;
    kcb_comp **comp;
};

static int search_init(void *arg, size_t w)
{
    struct search_run *r = arg;
    return comp_init(r->comp, r->job->spec, w);
}

static void search_fini(void *arg, size_t w)
{
    struct search_run *r = arg;
    kcb_comp_free(r->comp[w]);
    r->comp[w] = NULL;
}

static int search_item(void *arg, size_t w, size_t i)
{
    struct search_run *r = arg;
    const struct kcb_knn_job *j = r->job;
    const struct kcb_blob *x = &j->test[i];
    struct kcb_nb *best = r->nb + i * j->k;
    size_t have = 0;
    for (size_t t = 0; t < j->ntrain; t++) {
        size_t cxy;
        int rc = kcb_comp_size_cat(r->comp[w], x->p, x->n, j->sep, j->nsep, j->train[t].p,
                                   j->train[t].n, &cxy);
        if (rc)
            return rc;
        kcb_nb_insert(best, &have, j->k, kcb_dist(j->dist, j->ctest[i], j->ctrain[t], cxy),
                      (uint32_t)t);
    }
    for (; have < j->k; have++) /* fewer training rows than k */
        best[have] = (struct kcb_nb){INFINITY, UINT32_MAX};
    return KCB_OK;
}

static void search_progress(void *arg, size_t done, size_t total)
{
    struct search_run *r = arg;
    r->job->progress(r->job->progress_arg, done, total);
}

int kcb_knn_search(const struct kcb_knn_job *job, struct kcb_nb *nb)
{
    if (job->k == 0 || job->k > KCB_KNN_MAXK || job->ntrain == 0 || job->ntrain >= UINT32_MAX)
        return KCB_EINVAL;
    size_t nt = kcb_threads(job->threads);
    struct search_run r = {job, nb, calloc(nt, sizeof(kcb_comp *))};
    if (!r.comp)
        return KCB_ENOMEM;
    struct kcb_parallel p = {.n = job->ntest, .threads = nt, .arg = &r, .init = search_init,
                             .item = search_item, .fini = search_fini,
                             .progress = job->progress ? search_progress : NULL};
    int rc = kcb_parallel_run(&p);
    free(r.comp);
    return rc;
}

/* Returns given sizes, or computes them into *own (freed by the caller). */
static int sizes_of(const struct kcb_spec *spec, const struct kcb_labelled *l, size_t threads,
                    const size_t **out, size_t **own)
{
    *own = NULL;
    if (l->size) {
        *out = l->size;
        return KCB_OK;
    }
    *own = malloc((l->n ? l->n : 1) * sizeof **own);
    if (!*own)
        return KCB_ENOMEM;
    *out = *own;
    return kcb_sizes(spec, l->text, l->n, threads, *own);
}

int kcb_knn_accuracy(const struct kcb_spec *spec, const struct kcb_labelled *train,
                     const struct kcb_labelled *test, size_t nlabels, const void *sep,
                     size_t nsep, size_t k, enum kcb_rule rule, size_t threads,
                     double *accuracy)
{
    size_t ntr = train->n, nte = test->n, kk = k < ntr ? k : ntr, *own_tr = NULL, *own_te = NULL;
    const size_t *ctr = NULL, *cte = NULL;
    struct kcb_nb *nb = malloc((nte ? nte : 1) * (k ? k : 1) * sizeof *nb);
    struct kcb_vote *votes = malloc((k ? k : 1) * sizeof *votes);
    struct kcb_score score = {0};
    int rc = !nb || !votes ? KCB_ENOMEM : kcb_score_init(&score, nlabels);
    if (!rc)
        rc = sizes_of(spec, train, threads, &ctr, &own_tr);
    if (!rc)
        rc = sizes_of(spec, test, threads, &cte, &own_te);
    struct kcb_knn_job job = {spec, KCB_DIST_NCD, train->text, ctr, ntr, test->text, cte, nte,
                              sep, nsep, k, threads, NULL, NULL};
    if (!rc && nte)
        rc = kcb_knn_search(&job, nb);
    for (size_t i = 0; !rc && i < nte; i++) {
        size_t nv = kcb_knn_decide(rule, nb + i * k, kk, train->label, test->label[i], votes);
        kcb_score_add(&score, test->label[i], votes, nv);
    }
    if (!rc)
        *accuracy = kcb_score_accuracy(&score);
    kcb_score_free(&score);
    free(own_tr);
    free(own_te);
    free(nb);
    free(votes);
    return rc;
}

/* Copies the chosen training texts (keep[i]) into the subset arrays; returns how many. */
static size_t take(const struct kcb_labelled *l, const unsigned char *keep, struct kcb_blob *text,
                   int *label, size_t *size)
{
    size_t m = 0;
    for (size_t i = 0; i < l->n; i++) {
        if (!keep[i])
            continue;
        text[m] = l->text[i];
        label[m] = l->label[i];
        size[m++] = l->size[i];
    }
    return m;
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

int kcb_learning_curve(const struct kcb_spec *spec, const struct kcb_labelled *train,
                       const struct kcb_labelled *test, size_t nlabels, const void *sep,
                       size_t nsep, size_t k, const size_t *sizes, size_t m, size_t reps,
                       uint64_t seed, size_t threads, struct kcb_learning_point *out)
{
    size_t n = train->n, *own_tr = NULL, *own_te = NULL;
    const size_t *ctr = NULL, *cte = NULL;
    struct kcb_blob *text = malloc((n ? n : 1) * sizeof *text);
    int *label = malloc((n ? n : 1) * sizeof *label);
    size_t *size = malloc((n ? n : 1) * sizeof *size);
    unsigned char *keep = malloc(n ? n : 1);
    double *err = malloc((reps ? reps : 1) * sizeof *err);
    int rc = !text || !label || !size || !keep || !err ? KCB_ENOMEM : KCB_OK;
    if (!rc)
        rc = sizes_of(spec, train, threads, &ctr, &own_tr);
    if (!rc)
        rc = sizes_of(spec, test, threads, &cte, &own_te);
    struct kcb_labelled full = {train->text, train->label, n, ctr};
    struct kcb_labelled te = {test->text, test->label, test->n, cte};
    for (size_t i = 0; !rc && i < m; i++) {
        for (size_t r = 0; !rc && r < reps; r++) {
            double acc = 0;
            rc = kcb_sample_stratified(train->label, n, nlabels, sizes[i], seed + r, keep);
            struct kcb_labelled sub = {text, label, 0, size};
            sub.n = rc ? 0 : take(&full, keep, text, label, size);
            if (!rc)
                rc = kcb_knn_accuracy(spec, &sub, &te, nlabels, sep, nsep, k, KCB_RULE_VOTE,
                                      threads, &acc);
            err[r] = 1.0 - acc;
        }
        if (!rc) {
            out[i] = (struct kcb_learning_point){sizes[i] < n ? sizes[i] : n, 0, 0, reps};
            mean_sd(err, reps, &out[i].err_mean, &out[i].err_sd);
        }
    }
    free(own_tr);
    free(own_te);
    free(text);
    free(label);
    free(size);
    free(keep);
    free(err);
    return rc;
}
