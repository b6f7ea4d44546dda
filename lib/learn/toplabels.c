/* kNN search in blocks of one label each, giving the k nearest and every label's nearest text. */
#include <math.h>
#include <stdlib.h>

#include "kcb/err.h"
#include "kcb/sizes.h"
#include "kcb/toplabels.h"

#define BLOCK_ROWS 64          /* training rows per block: small enough to share one query */
#define SCRATCH ((size_t)1 << 20) /* neighbours held per batch of test items (16 MiB) */

/* A run of training rows of one label: perm[lo..hi). */
struct block {
    size_t lo, hi;
    int label;
};

/* The training rows grouped by label (row order kept within a label), cut into blocks. */
struct plan {
    uint32_t *perm;
    struct block *blk;
    size_t nblk;
    size_t *off;  /* off[b]: where block b's neighbours start in an item's scratch */
    size_t cover; /* off[nblk]: neighbours held per test item */
};

static void plan_free(struct plan *p)
{
    free(p->perm);
    free(p->blk);
    free(p->off);
}

static int plan_make(const int *label, size_t n, size_t nlabels, size_t k, struct plan *p)
{
    size_t *start = calloc(nlabels + 1, sizeof *start);
    p->perm = malloc(n * sizeof *p->perm);
    p->blk = malloc((n + nlabels) * sizeof *p->blk); /* at most one short block per label */
    p->off = malloc((n + nlabels + 1) * sizeof *p->off);
    int rc = start && p->perm && p->blk && p->off ? KCB_OK : KCB_ENOMEM;
    for (size_t j = 0; !rc && j < n; j++)
        if (label[j] < 0 || (size_t)label[j] >= nlabels)
            rc = KCB_EINVAL;
        else
            start[label[j] + 1]++;
    for (size_t l = 0; !rc && l < nlabels; l++)
        start[l + 1] += start[l];
    for (size_t l = 0; !rc && l < nlabels; l++) {
        size_t lo = start[l], hi = start[l + 1], nb = (hi - lo + BLOCK_ROWS - 1) / BLOCK_ROWS;
        for (size_t b = 0; b < nb; b++) /* nb blocks of nearly equal size */
            p->blk[p->nblk++] = (struct block){lo + (hi - lo) * b / nb,
                                               lo + (hi - lo) * (b + 1) / nb, (int)l};
    }
    for (size_t j = 0; !rc && j < n; j++) /* start[l] moves through label l's rows */
        p->perm[start[label[j]]++] = (uint32_t)j;
    p->off[0] = 0;
    for (size_t b = 0; !rc && b < p->nblk; b++) {
        size_t rows = p->blk[b].hi - p->blk[b].lo;
        p->off[b + 1] = p->off[b] + (rows < k ? rows : k);
    }
    p->cover = rc ? 0 : p->off[p->nblk];
    free(start);
    return rc;
}

struct search {
    const struct kcb_knn_job *job;
    const struct plan *p;
    kcb_primed *const *primed; /* conditional, or NULL */
    size_t first;            /* the batch's first test item */
    struct kcb_nb *scratch;  /* per test item of the batch: cover neighbours */
};

/* Item it of a batch: test item first + it / nblk against block it % nblk. */
static int block_item(void *arg, kcb_comp *c, size_t it)
{
    struct search *s = arg;
    const struct kcb_knn_job *j = s->job;
    const struct plan *p = s->p;
    size_t q = it / p->nblk, b = it % p->nblk, i = s->first + q, have = 0;
    const struct kcb_blob *x = &j->test[i];
    struct kcb_nb *best = s->scratch + q * p->cover + p->off[b];
    for (size_t r = p->blk[b].lo; r < p->blk[b].hi; r++) {
        uint32_t t = p->perm[r];
        size_t cxy;
        int rc;
        if (s->primed) { /* conditional: C(y) + C(x|y) */
            rc = kcb_comp_size_primed(c, s->primed[t], x->p, x->n, &cxy);
            cxy += j->ctrain[t];
        } else {
            rc = kcb_comp_size_cat(c, x->p, x->n, j->sep, j->nsep, j->train[t].p,
                                   j->train[t].n, &cxy);
        }
        if (rc)
            return rc;
        kcb_nb_insert(best, &have, p->off[b + 1] - p->off[b],
                      kcb_dist(j->dist, j->ctest[i], j->ctrain[t], cxy), t);
    }
    return KCB_OK;
}

static int nb_less(const struct kcb_nb *a, const struct kcb_nb *b)
{
    return a->d < b->d || (a->d == b->d && a->idx < b->idx);
}

/* Test item i from its blocks' neighbours: the k nearest overall, the nearest of each label. */
static void merge(const struct kcb_knn_job *job, const struct plan *p, size_t nlabels,
                  const struct kcb_nb *mine, struct kcb_nb *nb, struct kcb_nb *near)
{
    size_t have = 0;
    for (size_t l = 0; l < nlabels; l++)
        near[l] = (struct kcb_nb){INFINITY, UINT32_MAX};
    for (size_t b = 0; b < p->nblk; b++) {
        const struct kcb_nb *first = &mine[p->off[b]];
        if (nb_less(first, &near[p->blk[b].label]))
            near[p->blk[b].label] = *first;
        for (size_t e = p->off[b]; e < p->off[b + 1]; e++)
            kcb_nb_insert(nb, &have, job->k, mine[e].d, mine[e].idx);
    }
    for (; have < job->k; have++) /* fewer training rows than k */
        nb[have] = (struct kcb_nb){INFINITY, UINT32_MAX};
}

int kcb_knn_search_labels(const struct kcb_knn_job *job, const int *label, size_t nlabels,
                          struct kcb_nb *nb, struct kcb_nb *near)
{
    return kcb_knn_search_labels_primed(job, NULL, label, nlabels, nb, near);
}

int kcb_knn_search_labels_primed(const struct kcb_knn_job *job, kcb_primed *const *primed,
                                 const int *label, size_t nlabels, struct kcb_nb *nb,
                                 struct kcb_nb *near)
{
    if (job->k == 0 || job->k > KCB_KNN_MAXK || job->ntrain == 0 || job->ntrain >= UINT32_MAX ||
        nlabels == 0)
        return KCB_EINVAL;
    struct plan p = {0};
    int rc = plan_make(label, job->ntrain, nlabels, job->k, &p);
    size_t batch = rc ? 0 : SCRATCH / p.cover ? SCRATCH / p.cover : 1;
    if (batch > job->ntest)
        batch = job->ntest;
    struct search s = {job, &p, primed, 0, rc ? NULL : malloc((batch ? batch : 1) * p.cover * sizeof *nb)};
    if (!rc && !s.scratch)
        rc = KCB_ENOMEM;
    for (; !rc && s.first < job->ntest; s.first += batch) {
        size_t m = job->ntest - s.first < batch ? job->ntest - s.first : batch;
        struct kcb_comp_loop l = {.spec = job->spec, .n = m * p.nblk, .threads = job->threads,
                                  .item = block_item, .arg = &s, .cancel = job->cancel};
        rc = kcb_comp_parallel(&l);
        for (size_t q = 0; !rc && q < m; q++)
            merge(job, &p, nlabels, s.scratch + q * p.cover, nb + (s.first + q) * job->k,
                  near + (s.first + q) * nlabels);
    }
    free(s.scratch);
    plan_free(&p);
    return rc;
}

/* ---- ranking the labels of one test text ---- */

static int rank_cmp(const void *pa, const void *pb)
{
    const struct kcb_label_rank *a = pa, *b = pb;
    if (a->votes != b->votes)
        return a->votes > b->votes ? -1 : 1;
    return nb_less(&a->nearest, &b->nearest) ? -1 : nb_less(&b->nearest, &a->nearest);
}

size_t kcb_label_ranks(const struct kcb_nb *nb, size_t k, const int *label,
                       const struct kcb_nb *near, size_t nlabels, int decided,
                       struct kcb_label_rank *out)
{
    size_t n = 0;
    for (size_t l = 0; l < nlabels; l++) {
        if (near[l].idx == UINT32_MAX)
            continue;
        size_t votes = 0;
        for (size_t j = 0; j < k && nb[j].idx != UINT32_MAX; j++)
            votes += label[nb[j].idx] == (int)l;
        out[n] = (struct kcb_label_rank){(int)l, votes, near[l]};
        if ((int)l == decided && n) { /* the decided label goes first */
            struct kcb_label_rank t = out[0];
            out[0] = out[n];
            out[n] = t;
        }
        n++;
    }
    int first = n && out[0].label == decided;
    /* the rest: a total order, as no two labels share a nearest row */
    qsort(out + first, n - (size_t)first, sizeof *out, rank_cmp);
    return n;
}
