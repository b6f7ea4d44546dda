/* The three decision rules of kNN (vote, random, optimistic), scoring, and the decide-and-score loop. */
#include <math.h>
#include <stdlib.h>

#include "kcb/err.h"
#include "kcb/rules.h"
#include "kcb/text.h"

static const char *const rule_names[KCB_NRULES] = {"vote", "random", "optimistic"};

int kcb_rule_parse(const char *name, enum kcb_rule *out)
{
    int i = kcb_name_find(rule_names, KCB_NRULES, name);
    if (i < 0)
        return KCB_EINVAL;
    *out = (enum kcb_rule)i;
    return KCB_OK;
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
    size_t m = nlabels ? nlabels : 1;
    *s = (struct kcb_score){.nlabels = nlabels};
    s->conf = nlabels <= KCB_SCORE_DENSE_MAX ? calloc(m * m, sizeof *s->conf) : NULL;
    s->row = calloc(m, sizeof *s->row);
    s->col = calloc(m, sizeof *s->col);
    s->diag = calloc(m, sizeof *s->diag);
    if ((nlabels <= KCB_SCORE_DENSE_MAX && !s->conf) || !s->row || !s->col || !s->diag) {
        kcb_score_free(s);
        return KCB_ENOMEM;
    }
    return KCB_OK;
}

void kcb_score_free(struct kcb_score *s)
{
    free(s->conf);
    free(s->row);
    free(s->col);
    free(s->diag);
    s->conf = s->row = s->col = s->diag = NULL;
}

void kcb_score_add(struct kcb_score *s, int truth, const struct kcb_vote *v, size_t nv)
{
    size_t t = (size_t)truth;
    for (size_t i = 0; i < nv; i++) {
        size_t p = (size_t)v[i].label;
        if (s->conf)
            s->conf[t * s->nlabels + p] += v[i].w;
        s->row[t] += v[i].w;
        s->col[p] += v[i].w;
        if (p == t)
            s->diag[t] += v[i].w;
    }
    s->n += 1;
}

/* Label c's diagonal, row sum and column sum: from the whole matrix when it is kept (summed
 * in its order, as always), else from the sums kept as decisions were added. */
static void label_sums(const struct kcb_score *s, size_t c, double *tp, double *row, double *col)
{
    size_t L = s->nlabels;
    if (!s->conf) {
        *tp = s->diag[c], *row = s->row[c], *col = s->col[c];
        return;
    }
    *tp = s->conf[c * L + c], *row = 0, *col = 0;
    for (size_t j = 0; j < L; j++) {
        *row += s->conf[c * L + j];
        *col += s->conf[j * L + c];
    }
}

double kcb_score_accuracy(const struct kcb_score *s)
{
    if (s->n <= 0)
        return (double)NAN;
    double diag = 0;
    for (size_t i = 0; i < s->nlabels; i++)
        diag += s->conf ? s->conf[i * s->nlabels + i] : s->diag[i];
    return diag / s->n;
}

double kcb_score_macro_f1(const struct kcb_score *s)
{
    size_t L = s->nlabels, used = 0;
    double sum = 0;
    for (size_t c = 0; c < L; c++) {
        double tp, row, col;
        label_sums(s, c, &tp, &row, &col);
        if (row <= 0 && col <= 0)
            continue;
        used++;
        sum += 2 * tp / (row + col);
    }
    return used ? sum / (double)used : (double)NAN;
}

void kcb_knn_score(enum kcb_rule r, const struct kcb_nb *nb, size_t stride, size_t k,
                   const int *train_label, const int *test_label, size_t ntest,
                   struct kcb_score *s)
{
    struct kcb_vote votes[KCB_KNN_MAXK];
    for (size_t i = 0; i < ntest; i++) {
        size_t nv = kcb_knn_decide(r, nb + i * stride, k, train_label, test_label[i], votes);
        kcb_score_add(s, test_label[i], votes, nv);
    }
}
