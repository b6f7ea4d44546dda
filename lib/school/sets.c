/* Labelled splits for the examples: built-in ones, samples of real datasets, 1-NN runs on them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kcb/err.h"
#include "kcb/knn.h"
#include "kcb/rng.h"
#include "kcb/sample.h"
#include "kcb/sizes.h"
#include "kcb/text.h"
#include "school_int.h"

void kcb_split_free(struct kcb_split *d)
{
    kcb_dataset_free(d->train);
    kcb_dataset_free(d->test);
    kcb_labels_free(d->labels);
    memset(d, 0, sizeof *d);
}

/* ---- built-in: the TSV of kcb_gen_labelled read into a dataset that owns the buffer ---- */

static int tsv_dataset(char *buf, size_t n, struct kcb_labels *labels, struct kcb_dataset **out)
{
    size_t lines = 0;
    for (size_t i = 0; i < n; i++)
        lines += buf[i] == '\n';
    struct kcb_dataset *d = calloc(1, sizeof *d);
    if (!d)
        return KCB_ENOMEM;
    *d = (struct kcb_dataset){.labels = labels, .format = KCB_IN_TSV,
                              .text = malloc((lines ? lines : 1) * sizeof *d->text),
                              .label = malloc((lines ? lines : 1) * sizeof *d->label),
                              .line = malloc((lines ? lines : 1) * sizeof *d->line)};
    int rc = d->text && d->label && d->line ? KCB_OK : KCB_ENOMEM;
    for (size_t at = 0; !rc && at < n; d->n++) {
        char *end = memchr(buf + at, '\n', n - at), *tab = memchr(buf + at, '\t', n - at);
        if (!end || !tab || tab > end) {
            rc = KCB_EFORMAT;
            break;
        }
        rc = kcb_labels_intern(labels, buf + at, (size_t)(tab - (buf + at)), &d->label[d->n]);
        d->text[d->n] = (struct kcb_blob){(const unsigned char *)tab + 1,
                                          (size_t)(end - tab - 1)};
        d->line[d->n] = (long)d->n + 1;
        at = (size_t)(end - buf) + 1;
    }
    d->arena = (unsigned char *)buf; /* owned from here on, freed with d */
    if (rc) {
        kcb_dataset_free(d);
        return rc;
    }
    *out = d;
    return KCB_OK;
}

int kcb_split_builtin(const struct kcb_gen_labelled *p, const char *name, struct kcb_split *out)
{
    struct kcb_gen_tsv tsv;
    memset(out, 0, sizeof *out);
    snprintf(out->name, sizeof out->name, "%s", name);
    int rc = kcb_gen_labelled(p, &tsv);
    if (!rc)
        rc = kcb_labels_new(&out->labels);
    if (!rc) {
        rc = tsv_dataset(tsv.train, tsv.ntrain, out->labels, &out->train);
        tsv.train = NULL; /* the dataset owns it now, or freed it */
    }
    if (!rc) {
        rc = tsv_dataset(tsv.test, tsv.ntest, out->labels, &out->test);
        tsv.test = NULL;
    }
    kcb_gen_tsv_free(&tsv);
    if (rc)
        kcb_split_free(out);
    return rc;
}

/* ---- real: samples of the datasets under the data directory ---- */

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* Keeps a stratified sample of want texts of d (seeded); keep is the caller's array of d->n. */
static int sample(struct kcb_dataset *d, size_t want, uint64_t seed, unsigned char *keep)
{
    int rc = kcb_sample_stratified(d->label, d->n, d->labels->n, want, seed, keep);
    if (!rc)
        kcb_dataset_filter(d, keep);
    return rc;
}

/* all.tsv read twice: a stratified sample of ntrain + ntest texts, of which a stratified ntest
 * go to test and the rest to train. */
static int split_one(struct kcb_split *d, size_t ntrain, size_t ntest, uint64_t seed)
{
    size_t n = d->train->n, m = 0, *at = malloc((n ? n : 1) * sizeof *at);
    unsigned char *chosen = malloc(n ? n : 1), *to_test = malloc(n ? n : 1);
    unsigned char *keep_tr = calloc(n ? n : 1, 1), *keep_te = calloc(n ? n : 1, 1);
    int *lab = malloc((n ? n : 1) * sizeof *lab);
    int rc = at && chosen && to_test && keep_tr && keep_te && lab ? KCB_OK : KCB_ENOMEM;
    if (!rc)
        rc = kcb_sample_stratified(d->train->label, n, d->labels->n, ntrain + ntest, seed,
                                   chosen);
    for (size_t i = 0; !rc && i < n; i++)
        if (chosen[i]) {
            lab[m] = d->train->label[i];
            at[m++] = i;
        }
    if (!rc)
        rc = kcb_sample_stratified(lab, m, d->labels->n, ntest, seed + 1, to_test);
    for (size_t k = 0; !rc && k < m; k++) {
        keep_te[at[k]] = to_test[k];
        keep_tr[at[k]] = !to_test[k];
    }
    if (!rc) {
        kcb_dataset_filter(d->train, keep_tr);
        kcb_dataset_filter(d->test, keep_te);
    }
    free(at);
    free(chosen);
    free(to_test);
    free(keep_tr);
    free(keep_te);
    free(lab);
    return rc;
}

int kcb_split_real(const char *dir, const char *name, size_t ntrain, size_t ntest,
                   uint64_t seed, struct kcb_split *out)
{
    char tr[4096], te[4096];
    memset(out, 0, sizeof *out);
    snprintf(out->name, sizeof out->name, "%s", name);
    out->real = 1;
    snprintf(tr, sizeof tr, "%s/%s/train.tsv", dir, name);
    snprintf(te, sizeof te, "%s/%s/test.tsv", dir, name);
    int one = !exists(tr) || !exists(te);
    if (one) {
        snprintf(tr, sizeof tr, "%s/%s/all.tsv", dir, name);
        snprintf(te, sizeof te, "%s", tr);
        if (!exists(tr))
            return KCB_ENOTFOUND;
    }
    uint64_t s = kcb_rng_stream_seed(seed, TAG_SPLIT, kcb_fnv1a(name, strlen(name)), 0);
    int rc = kcb_labels_new(&out->labels);
    if (!rc)
        rc = kcb_dataset_load(tr, NULL, out->labels, &out->train, NULL);
    if (!rc)
        rc = kcb_dataset_load(te, NULL, out->labels, &out->test, NULL);
    unsigned char *keep = NULL;
    if (!rc && one) {
        rc = split_one(out, ntrain, ntest, s);
    } else if (!rc) {
        size_t n = out->train->n > out->test->n ? out->train->n : out->test->n;
        keep = malloc(n ? n : 1);
        rc = keep ? sample(out->train, ntrain, s, keep) : KCB_ENOMEM;
        if (!rc)
            rc = sample(out->test, ntest, s + 1, keep);
    }
    free(keep);
    if (!rc && (!out->train->n || !out->test->n || out->train->n >= UINT32_MAX))
        rc = KCB_EFORMAT;
    if (rc)
        kcb_split_free(out);
    return rc;
}

double kcb_split_majority(const struct kcb_split *d)
{
    size_t L = d->labels->n, best = 0, hits = 0;
    size_t *count = calloc(L ? L : 1, sizeof *count);
    if (!count || !d->test->n) {
        free(count);
        return 0;
    }
    for (size_t i = 0; i < d->train->n; i++)
        count[d->train->label[i]]++;
    for (size_t l = 1; l < L; l++)
        if (count[l] > count[best])
            best = l;
    for (size_t i = 0; i < d->test->n; i++)
        hits += (size_t)d->test->label[i] == best;
    free(count);
    return (double)hits / (double)d->test->n;
}

/* ---- 1-NN runs ---- */

void kcb_nn_free(struct kcb_nn *nn)
{
    free(nn->ctrain);
    free(nn->ctest);
    free(nn->nearest);
    free(nn->correct);
    memset(nn, 0, sizeof *nn);
}

int kcb_nn_run(const kcb_school *s, const struct kcb_split *d, const struct kcb_spec *spec,
               struct kcb_nn *out)
{
    const struct kcb_school_opts *o = &s->o;
    size_t ntr = d->train->n, nte = d->test->n;
    struct kcb_nb *nb = malloc((nte ? nte : 1) * sizeof *nb);
    *out = (struct kcb_nn){malloc((ntr ? ntr : 1) * sizeof(size_t)),
                           malloc((nte ? nte : 1) * sizeof(size_t)),
                           malloc((nte ? nte : 1) * sizeof(uint32_t)), malloc(nte ? nte : 1), 0};
    int rc = nb && out->ctrain && out->ctest && out->nearest && out->correct ? KCB_OK
                                                                              : KCB_ENOMEM;
    if (!rc && !ntr)
        rc = KCB_EINVAL;
    if (!rc)
        rc = kcb_sizes(spec, d->train->text, ntr, o->threads, out->ctrain);
    if (!rc)
        rc = kcb_sizes(spec, d->test->text, nte, o->threads, out->ctest);
    char what[128], name[48];
    snprintf(what, sizeof what, "%s %s", d->name, kcb_spec_str(spec, name, sizeof name));
    if (!rc && o->stage)
        o->stage(o->arg, what, (double)ntr);
    struct kcb_knn_job job = {spec, KCB_DIST_NCD, d->train->text, out->ctrain, ntr,
                              d->test->text, out->ctest, nte, " ", 1, 1, o->threads,
                              o->progress, o->arg, o->cancel};
    if (!rc && nte)
        rc = kcb_knn_search(&job, nb);
    for (size_t i = 0; !rc && i < nte; i++) {
        out->nearest[i] = nb[i].idx;
        out->correct[i] = d->train->label[nb[i].idx] == d->test->label[i];
        out->right += out->correct[i];
    }
    free(nb);
    if (rc)
        kcb_nn_free(out);
    return rc;
}

/* ---- the learning sets ---- */

/* The built-in learning set: 8 sources, order 2, texts of about 40 bytes, 40 of each source
 * (32 to train, 8 to test): short texts, so that the compressors differ. */
#define LEARN_SOURCES 8
#define LEARN_DOCS 40
#define LEARN_LENGTH 40
#define LEARN_ORDER 2
/* R8's sample when the data is there. */
#define LEARN_REAL_TRAIN 300
#define LEARN_REAL_TEST 200

static int learnset_fill(kcb_school *s, struct kcb_learnset *ls)
{
    size_t ns = s->o.nspecs, n = ls->d.train->n, *rows = malloc((n ? n : 1) * sizeof *rows);
    unsigned char *corpus = NULL;
    ls->nn = calloc(ns, sizeof *ls->nn);
    ls->c_corpus = calloc(ns, sizeof *ls->c_corpus);
    int rc = rows && ls->nn && ls->c_corpus ? KCB_OK : KCB_ENOMEM;
    if (!rc) {
        kcb_shuffled_rows(s->o.seed, 0, n, rows);
        rc = kcb_join(ls->d.train, rows, n, &corpus, &ls->corpus_bytes);
    }
    for (size_t i = 0; !rc && i < n; i++)
        ls->text_bytes += ls->d.train->text[i].n;
    for (size_t k = 0; !rc && k < ns; k++)
        rc = kcb_size_of(&s->o.specs[k], corpus, ls->corpus_bytes, &ls->c_corpus[k]);
    for (size_t k = 0; !rc && k < ns; k++)
        rc = kcb_nn_run(s, &ls->d, &s->o.specs[k], &ls->nn[k]);
    free(rows);
    free(corpus);
    return rc;
}

int kcb_school_learnsets(kcb_school *s, const struct kcb_learnset **sets, size_t *n)
{
    if (!s->sets_made) {
        struct kcb_gen_labelled p = {s->o.seed, LEARN_SOURCES, LEARN_DOCS, LEARN_LENGTH,
                                     LEARN_ORDER};
        const char *data = kcb_school_data(s, "r8/train.tsv");
        s->sets = calloc(2, sizeof *s->sets);
        if (!s->sets)
            return KCB_ENOMEM;
        int rc = kcb_split_builtin(&p, "built-in", &s->sets[0].d);
        s->nsets = rc ? 0 : 1;
        if (!rc && data) {
            rc = kcb_split_real(data, "r8", LEARN_REAL_TRAIN, LEARN_REAL_TEST, s->o.seed,
                                &s->sets[1].d);
            s->nsets += !rc;
        }
        for (size_t i = 0; !rc && i < s->nsets; i++)
            rc = learnset_fill(s, &s->sets[i]);
        if (rc)
            return rc; /* the sets made so far are freed with s */
        s->sets_made = 1;
    }
    *sets = s->sets;
    *n = s->nsets;
    return KCB_OK;
}
