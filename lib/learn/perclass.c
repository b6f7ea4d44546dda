/* The per-class method: each class's training texts as primed dictionaries; a test text goes to the class that compresses it best. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kcb/err.h"
#include "kcb/primed.h"
#include "kcb/sizes.h"

struct kcb_perclass {
    struct kcb_spec spec;
    size_t nlabels, maxparts;  /* maxparts: P; the arrays below are nlabels × P */
    unsigned char **text;      /* per label: the class text (owned) */
    size_t *nparts;            /* per label */
    struct kcb_blob *part;     /* part k of label l at l * P + k, into text[l] */
    kcb_primed **primed;       /* likewise */
};

void kcb_perclass_free(kcb_perclass *m)
{
    if (!m)
        return;
    for (size_t i = 0; m->primed && i < m->nlabels * m->maxparts; i++)
        kcb_primed_free(m->primed[i]);
    for (size_t l = 0; m->text && l < m->nlabels; l++)
        free(m->text[l]);
    free(m->text);
    free(m->nparts);
    free(m->part);
    free(m->primed);
    free(m);
}

/* Counts the bytes of each class text into len[] (nlabels entries, zeroed): 0 or KCB_EINVAL. */
static int class_lengths(const struct kcb_perclass_spec *ps, size_t *len, size_t *count)
{
    for (size_t t = 0; t < ps->ntrain; t++) {
        int l = ps->label[t];
        if (l < 0 || (size_t)l >= ps->nlabels)
            return KCB_EINVAL;
        len[l] += (count[l]++ ? ps->nsep : 0) + ps->train[t].n;
    }
    return KCB_OK;
}

/* Joins the texts of each class into m->text and cuts the class texts into parts. */
static void join_classes(kcb_perclass *m, const struct kcb_perclass_spec *ps, const size_t *len,
                         size_t *at, size_t *lastq)
{
    size_t P = m->maxparts;
    for (size_t t = 0; t < ps->ntrain; t++) {
        size_t l = (size_t)ps->label[t], o = at[l];
        unsigned char *text = m->text[l];
        if (lastq[l] != SIZE_MAX) { /* not the first text of its class */
            if (ps->nsep)
                memcpy(text + o, ps->sep, ps->nsep);
            o += ps->nsep;
        }
        size_t q = len[l] ? (size_t)((double)P * (double)o / (double)len[l]) : 0;
        if (q >= P) /* the part of text t */
            q = P - 1;
        if (lastq[l] == SIZE_MAX || q != lastq[l]) { /* text t starts a part */
            m->part[l * P + m->nparts[l]++] = (struct kcb_blob){text + o, 0};
            lastq[l] = q;
        }
        if (ps->train[t].n)
            memcpy(text + o, ps->train[t].p, ps->train[t].n);
        at[l] = o + ps->train[t].n;
        struct kcb_blob *b = &m->part[l * P + m->nparts[l] - 1];
        b->n = (size_t)(text + at[l] - b->p);
    }
}

struct prime_run {
    kcb_perclass *m;
    size_t *which; /* item -> index into part and primed */
};

static int prime_item(void *arg, kcb_comp *c, size_t i)
{
    struct prime_run *r = arg;
    size_t w = r->which[i];
    return kcb_comp_prime(c, r->m->part[w].p, r->m->part[w].n, &r->m->primed[w]);
}

/* Primes every part, in parallel over the parts. */
static int prime_parts(kcb_perclass *m, size_t threads)
{
    size_t n = 0, P = m->maxparts;
    size_t *which = malloc((m->nlabels * P + 1) * sizeof *which);
    if (!which)
        return KCB_ENOMEM;
    for (size_t l = 0; l < m->nlabels; l++)
        for (size_t k = 0; k < m->nparts[l]; k++)
            which[n++] = l * P + k;
    struct prime_run r = {m, which};
    struct kcb_comp_loop loop = {.spec = &m->spec, .n = n, .threads = threads,
                                 .item = prime_item, .arg = &r};
    int rc = n ? kcb_comp_parallel(&loop) : KCB_OK;
    free(which);
    return rc;
}

/* Allocates m's arrays for nlabels labels of P parts and the class texts of lengths len. */
static int model_alloc(kcb_perclass *m, const size_t *len)
{
    size_t L = m->nlabels, P = m->maxparts;
    m->text = calloc(L ? L : 1, sizeof *m->text);
    m->nparts = calloc(L ? L : 1, sizeof *m->nparts);
    m->part = calloc(L * P + 1, sizeof *m->part);
    m->primed = calloc(L * P + 1, sizeof *m->primed);
    if (!m->text || !m->nparts || !m->part || !m->primed)
        return KCB_ENOMEM;
    for (size_t l = 0; l < L; l++)
        if (!(m->text[l] = malloc(len[l] ? len[l] : 1)))
            return KCB_ENOMEM;
    return KCB_OK;
}

int kcb_perclass_new(const struct kcb_perclass_spec *ps, kcb_perclass **out)
{
    *out = NULL;
    if (!ps->spec || !kcb_codec_primable(ps->spec->codec) || ps->parts < 1 ||
        ps->parts > KCB_PARTS_MAX || ps->ntrain == 0 || ps->nlabels >= UINT32_MAX)
        return KCB_EINVAL;
    size_t L = ps->nlabels;
    kcb_perclass *m = calloc(1, sizeof *m);
    size_t *len = calloc(3 * (L ? L : 1), sizeof *len);
    int rc = m && len ? KCB_OK : KCB_ENOMEM;
    if (!rc) {
        *m = (struct kcb_perclass){.spec = *ps->spec, .nlabels = L, .maxparts = ps->parts};
        rc = class_lengths(ps, len, len + L);
    }
    if (!rc)
        rc = model_alloc(m, len);
    if (!rc) {
        size_t *at = len + L, *lastq = len + 2 * L;
        memset(at, 0, L * sizeof *at);
        for (size_t l = 0; l < L; l++)
            lastq[l] = SIZE_MAX;
        join_classes(m, ps, len, at, lastq);
        rc = prime_parts(m, ps->threads);
    }
    free(len);
    if (rc) {
        kcb_perclass_free(m);
        return rc;
    }
    *out = m;
    return KCB_OK;
}

size_t kcb_perclass_labels(const kcb_perclass *m, size_t c, size_t *parts)
{
    if (parts)
        *parts = c < m->nlabels ? m->nparts[c] : 0;
    return m->nlabels;
}

struct kcb_blob kcb_perclass_part(const kcb_perclass *m, size_t c, size_t p)
{
    if (c >= m->nlabels || p >= m->nparts[c])
        return (struct kcb_blob){NULL, 0};
    return m->part[c * m->maxparts + p];
}

/* The score of x for label l: the mean of C(x|part) over its parts; INFINITY without any. The
 * mean, not the smallest: each part's size is a noisy estimate of what the class costs x, and
 * averaging them is what the parts are for (the minimum picks whichever part x happens to share
 * a few strings with). A mean, not a sum, so that a class with fewer parts is not favoured. */
static int label_score(const kcb_perclass *m, kcb_comp *c, size_t l, const void *x, size_t n,
                       double *score)
{
    size_t np = m->nparts[l], sum = 0;
    *score = INFINITY;
    for (size_t k = 0; k < np; k++) {
        size_t s;
        int rc = kcb_comp_size_primed(c, m->primed[l * m->maxparts + k], x, n, &s);
        if (rc)
            return rc;
        sum += s;
    }
    if (np)
        *score = (double)sum / (double)np;
    return KCB_OK;
}

int kcb_perclass_score(const kcb_perclass *m, kcb_comp *c, const void *x, size_t n,
                       double *score)
{
    for (size_t l = 0; l < m->nlabels; l++) {
        int rc = label_score(m, c, l, x, n, &score[l]);
        if (rc)
            return rc;
    }
    return KCB_OK;
}

void kcb_perclass_rank(const double *score, size_t nlabels, struct kcb_nb *best, size_t k)
{
    size_t have = 0;
    for (size_t l = 0; l < nlabels; l++)
        if (!isinf(score[l]))
            kcb_nb_insert(best, &have, k, score[l], (uint32_t)l);
    for (; have < k; have++)
        best[have] = (struct kcb_nb){INFINITY, UINT32_MAX};
}

struct search_run {
    const struct kcb_perclass_job *job;
    struct kcb_nb *best;
};

/* Ranks the labels for test text i as they are scored: nothing is allocated per text. */
static int search_item(void *arg, kcb_comp *c, size_t i)
{
    struct search_run *r = arg;
    const struct kcb_perclass_job *j = r->job;
    const kcb_perclass *m = j->model;
    struct kcb_nb *best = r->best + i * j->k;
    size_t have = 0, n = j->only ? j->nonly : m->nlabels;
    for (size_t e = 0; e < n; e++) {
        size_t l = j->only ? j->only[i * j->nonly + e].idx : e;
        if (l >= m->nlabels)
            continue;
        double s;
        int rc = label_score(m, c, l, j->test[i].p, j->test[i].n, &s);
        if (rc)
            return rc;
        if (!isinf(s))
            kcb_nb_insert(best, &have, j->k, s, (uint32_t)l);
    }
    for (; have < j->k; have++)
        best[have] = (struct kcb_nb){INFINITY, UINT32_MAX};
    return KCB_OK;
}

int kcb_perclass_search(const struct kcb_perclass_job *job, struct kcb_nb *best)
{
    if (job->k == 0 || job->spec->codec != job->model->spec.codec ||
        job->spec->level != job->model->spec.level)
        return KCB_EINVAL;
    struct search_run r = {job, best};
    struct kcb_comp_loop l = {.spec = job->spec, .n = job->ntest, .threads = job->threads,
                              .item = search_item, .arg = &r, .progress = job->progress,
                              .progress_arg = job->progress_arg, .cancel = job->cancel};
    return kcb_comp_parallel(&l);
}
