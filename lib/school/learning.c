/* compression-is-learning: 1-NN on NCD against the majority baseline, every compressor paired. */
#include <stdlib.h>
#include <string.h>

#include "kcb/err.h"
#include "kcb/rng.h"
#include "kcb/school.h"
#include "school_int.h"

static int set_rows(const struct kcb_school_opts *o, const struct kcb_learnset *ls, size_t set,
                    struct kcb_learn_row *rows)
{
    const struct kcb_split *d = &ls->d;
    double base = kcb_split_majority(d);
    uint64_t boot = kcb_rng_stream_seed(o->seed, TAG_BOOT, set, 0); /* one resampling per set */
    int rc = KCB_OK;
    for (size_t k = 0; !rc && k < o->nspecs; k++) {
        struct kcb_learn_row *r = &rows[k];
        *r = (struct kcb_learn_row){d->name, d->real, &o->specs[k], k == 0, d->train->n,
                                    d->test->n, d->labels->n, ls->nn[k].right, 0, 0, 0, base,
                                    {0}};
        r->acc = (double)r->correct / (double)r->ntest;
        kcb_wilson(r->correct, r->ntest, KCB_SCHOOL_LEVEL, &r->lo, &r->hi);
        rc = kcb_paired_compare(ls->nn[0].correct, ls->nn[k].correct, r->ntest, KCB_SCHOOL_REPS,
                                boot, KCB_SCHOOL_LEVEL, &r->vs_ref);
    }
    return rc;
}

int kcb_learning_run(kcb_school *s, struct kcb_learning *out)
{
    const struct kcb_school_opts *o = kcb_school_opts(s);
    const struct kcb_learnset *sets;
    size_t n;
    memset(out, 0, sizeof *out);
    int rc = kcb_school_learnsets(s, &sets, &n);
    if (!rc && !(out->rows = calloc(n * o->nspecs, sizeof *out->rows)))
        rc = KCB_ENOMEM;
    for (size_t i = 0; !rc && i < n; i++) {
        rc = set_rows(o, &sets[i], i, &out->rows[i * o->nspecs]);
        kcb_finding_add(out->f.data, "%s%s: %zu training and %zu test texts, %zu labels", i ? "; "
                        : "", sets[i].d.name, sets[i].d.train->n, sets[i].d.test->n,
                        sets[i].d.labels->n);
    }
    if (rc) {
        kcb_learning_free(out);
        return rc;
    }
    out->nrows = n * o->nspecs;
    kcb_finding_add(out->f.data, " (the built-in set: 8 synthetic sources of order 2, texts of "
                    "about 40 bytes%s)", n > 1 ? "; r8: stratified samples of R8's training "
                    "and test files" : "");
    kcb_learning_judge(out);
    return KCB_OK;
}

void kcb_learning_free(struct kcb_learning *r)
{
    free(r->rows);
    r->rows = NULL;
    r->nrows = 0;
}

void kcb_learning_judge(struct kcb_learning *r)
{
    size_t sets = 0, above = 0;
    char name[48], ref[48], where[KCB_FINDING_TEXT] = "";
    r->f.evidence[0] = '\0';
    for (size_t i = 0; i < r->nrows; i++) {
        const struct kcb_learn_row *w = &r->rows[i];
        if (!w->is_ref)
            continue;
        sets++;
        kcb_spec_str(w->spec, ref, sizeof ref);
        kcb_finding_add(r->f.evidence, "%s%s (%zu test texts): %s %.3f [%.3f, %.3f] against a "
                        "majority baseline of %.3f", sets > 1 ? "; " : "", w->dataset, w->ntest,
                        ref, w->acc, w->lo, w->hi, w->baseline);
        if (w->lo > w->baseline) {
            kcb_finding_add(where, "%s%s", above ? " and " : "", w->dataset);
            above++;
        }
        for (size_t j = i + 1; j < r->nrows && !r->rows[j].is_ref; j++) {
            const struct kcb_paired *p = &r->rows[j].vs_ref;
            kcb_finding_add(r->f.evidence, "%s %s %+.3f [%+.3f, %+.3f] (McNemar p = %.2g)",
                            j == i + 1 ? "; against it on the same texts:" : ",",
                            kcb_spec_str(r->rows[j].spec, name, sizeof name), p->diff, p->lo,
                            p->hi, p->p);
        }
    }
    kcb_finding_add(r->f.evidence, ".");
    kcb_finding_by_count(&r->f, above, sets, "the data is %s", where);
}
