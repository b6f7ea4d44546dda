/* compressible-is-learnable: how much labels help compress a dataset, against 1-NN's error. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kcb/err.h"
#include "kcb/rng.h"
#include "kcb/school.h"
#include "school_int.h"

/* The built-in datasets: sources, Markov order and mean text length varied one at a time
 * around 4 sources of order 3 and 60 bytes; 30 texts per source (24 train, 6 test). */
static const struct {
    size_t sources;
    int order;
    size_t length;
} variants[] = {
    {2, 3, 60}, {4, 3, 60}, {8, 3, 60}, {4, 1, 60}, {4, 2, 60},
    {4, 4, 60}, {4, 3, 20}, {4, 3, 120}, {4, 3, 240}, {8, 2, 30},
};
#define NVARIANTS (sizeof variants / sizeof variants[0])
#define DOCS 30

/* The real datasets, with samples of this many texts. */
static const char *const real_sets[] = {"r8", "r52", "ohsumed", "20news", "ag_news", "dbpedia",
                                        "swahili_news", "yahoo_answers_2class",
                                        "kirnews_testonly"};
#define NREAL (sizeof real_sets / sizeof real_sets[0])
#define REAL_TRAIN 300
#define REAL_TEST 150

/* C of the training texts in the order rows, all of them, then of each class alone. */
static int label_gain(const struct kcb_spec *spec, const struct kcb_split *d, const size_t *rows,
                      struct kcb_learnable_row *r)
{
    size_t n = d->train->n, *sub = malloc((n ? n : 1) * sizeof *sub), classes = 0;
    unsigned char *buf = NULL;
    size_t len = 0;
    int rc = sub ? kcb_join(d->train, rows, n, &buf, &len) : KCB_ENOMEM;
    if (!rc)
        rc = kcb_size_of(spec, "", 0, &r->cempty);
    if (!rc)
        rc = kcb_size_of(spec, buf, len, &r->c_all);
    r->bytes = len;
    free(buf);
    for (size_t c = 0; !rc && c < d->labels->n; c++) {
        size_t m = 0, size = 0;
        for (size_t i = 0; i < n; i++)
            if ((size_t)d->train->label[rows[i]] == c)
                sub[m++] = rows[i];
        if (!m)
            continue;
        classes++;
        buf = NULL;
        rc = kcb_join(d->train, sub, m, &buf, &len);
        if (!rc)
            rc = kcb_size_of(spec, buf, len, &size);
        r->c_classes += size;
        free(buf);
    }
    free(sub);
    r->gain = ((double)r->c_all - (double)r->c_classes +
               (double)(classes ? classes - 1 : 0) * (double)r->cempty) / (double)r->c_all;
    return rc;
}

/* One dataset's row: the label gain, then 1-NN with the reference compressor. */
static int measure(const kcb_school *s, const struct kcb_split *d, uint64_t which,
                   struct kcb_learnable_row *r)
{
    const struct kcb_school_opts *o = &s->o;
    size_t n = d->train->n, *rows = malloc((n ? n : 1) * sizeof *rows);
    struct kcb_nn nn = {0};
    *r = (struct kcb_learnable_row){.real = d->real, .nlabels = d->labels->n, .ntrain = n,
                                    .ntest = d->test->n};
    snprintf(r->dataset, sizeof r->dataset, "%s", d->name);
    if (!rows)
        return KCB_ENOMEM;
    kcb_shuffled_rows(o->seed, which, n, rows);
    int rc = label_gain(&o->specs[0], d, rows, r);
    if (!rc)
        rc = kcb_nn_run(s, d, &o->specs[0], &nn);
    if (!rc) {
        r->err = 1 - (double)nn.right / (double)d->test->n;
        r->base_err = 1 - kcb_split_majority(d);
        r->rel_err = r->base_err > 0 ? r->err / r->base_err : (double)NAN;
    }
    kcb_nn_free(&nn);
    free(rows);
    return rc;
}

static int builtin_rows(kcb_school *s, struct kcb_learnable *out)
{
    int rc = KCB_OK;
    for (size_t v = 0; !rc && v < NVARIANTS; v++) {
        struct kcb_gen_labelled p = {kcb_rng_stream_seed(s->o.seed, TAG_SPLIT, v, 0),
                                     variants[v].sources, DOCS, variants[v].length,
                                     variants[v].order};
        struct kcb_split d;
        char name[48];
        snprintf(name, sizeof name, "s%zu-o%d-L%zu", variants[v].sources, variants[v].order,
                 variants[v].length);
        rc = kcb_split_builtin(&p, name, &d);
        if (!rc)
            rc = measure(s, &d, v + 1, &out->rows[out->nrows++]);
        kcb_split_free(&d);
    }
    return rc;
}

static int real_rows(kcb_school *s, struct kcb_learnable *out)
{
    int rc = KCB_OK;
    for (size_t v = 0; !rc && v < NREAL; v++) {
        char probe[128];
        snprintf(probe, sizeof probe, "%s", real_sets[v]);
        const char *dir = kcb_school_data(s, probe);
        if (!dir)
            continue;
        struct kcb_split d;
        rc = kcb_split_real(dir, real_sets[v], REAL_TRAIN, REAL_TEST, s->o.seed, &d);
        if (rc == KCB_ENOTFOUND) {
            rc = KCB_OK;
            continue;
        }
        if (!rc)
            rc = measure(s, &d, 100 + v, &out->rows[out->nrows++]);
        kcb_split_free(&d);
    }
    return rc;
}

int kcb_learnable_run(kcb_school *s, struct kcb_learnable *out)
{
    memset(out, 0, sizeof *out);
    out->spec = &s->o.specs[0];
    out->rows = calloc(NVARIANTS + NREAL, sizeof *out->rows);
    int rc = out->rows ? builtin_rows(s, out) : KCB_ENOMEM;
    size_t builtin = out->nrows;
    if (!rc)
        rc = real_rows(s, out);
    if (!rc)
        rc = kcb_learnable_judge(out, s->o.seed);
    if (rc) {
        kcb_learnable_free(out);
        return rc;
    }
    kcb_finding_add(out->f.data, "%zu built-in datasets (sources s, Markov order o, mean text "
                    "length L: %d texts per source, 24 to train and 6 to test)", builtin, DOCS);
    if (out->nrows > builtin)
        kcb_finding_add(out->f.data, " and %zu real ones (stratified samples of %d training "
                        "and %d test texts)", out->nrows - builtin, REAL_TRAIN, REAL_TEST);
    return KCB_OK;
}

void kcb_learnable_free(struct kcb_learnable *r)
{
    free(r->rows);
    r->rows = NULL;
    r->nrows = 0;
}

/* ---- the verdict ---- */

/* rho over the rows of group (0 built-in, 1 real, 2 all) into c. */
static int correlate(struct kcb_learnable *r, int group, uint64_t seed,
                     struct kcb_learnable_corr *c)
{
    static const char *const names[] = {"built-in", "real", "all"};
    double *x = malloc((r->nrows ? r->nrows : 1) * 2 * sizeof *x), *y = x + r->nrows;
    if (!x)
        return KCB_ENOMEM;
    *c = (struct kcb_learnable_corr){names[group], group < 2, 0, NAN, NAN, NAN, 0};
    for (size_t i = 0; i < r->nrows; i++)
        if ((group == 2 || r->rows[i].real == group) && !isnan(r->rows[i].rel_err)) {
            x[c->n] = r->rows[i].gain;
            y[c->n++] = r->rows[i].rel_err;
        }
    int rc = kcb_spearman_ci(x, y, c->n, KCB_SCHOOL_REPS,
                             kcb_rng_stream_seed(seed, TAG_BOOT, 100 + (uint64_t)group, 0),
                             KCB_SCHOOL_LEVEL, &c->rho, &c->lo, &c->hi, &c->used);
    free(x);
    return rc;
}

int kcb_learnable_judge(struct kcb_learnable *r, uint64_t seed)
{
    size_t judged = 0, below = 0, nreal = 0;
    char where[128] = "";
    r->ncorr = 0;
    r->f.evidence[0] = '\0';
    for (size_t i = 0; i < r->nrows; i++)
        nreal += r->rows[i].real;
    for (int g = 0; g < 3; g++) {
        if ((g == 0 && nreal == r->nrows) || (g == 1 && !nreal) ||
            (g == 2 && (!nreal || nreal == r->nrows)))
            continue;
        struct kcb_learnable_corr *c = &r->corr[r->ncorr++];
        int rc = correlate(r, g, seed, c);
        if (rc)
            return rc;
        kcb_finding_add(r->f.evidence, "%s%s (%zu datasets): rho = %.3f [%.3f, %.3f]%s",
                        r->ncorr > 1 ? "; " : "", c->group, c->n, c->rho, c->lo, c->hi,
                        c->judged ? "" : ", shown only");
        if (!c->judged)
            continue;
        judged++;
        if (c->hi < 0) {
            snprintf(where + strlen(where), sizeof where - strlen(where), "%s%s", below ? " and "
                     : "", c->group);
            below++;
        }
    }
    kcb_finding_add(r->f.evidence, ".");
    kcb_finding_by_count(&r->f, below, judged, "the datasets are the %s ones", where);
    return KCB_OK;
}
