/* The examples' names, claims and rules, their verdicts, and the state they share. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kcb/comp.h"
#include "kcb/err.h"
#include "kcb/rng.h"
#include "kcb/school.h"
#include "school_int.h"

static const struct kcb_example examples[KCB_NEXAMPLES] = {
    [KCB_EX_COIN] = {
        "coin-flips",
        "Flip a coin 45 times: X1 = 001001...001 and X2 = 0100101010...1111 are equally likely, "
        "but X1 is simpler: K(X1) ~ len('print(\"001\" * 15)') while K(X2) ~ "
        "len('print(\"0100...1111\")').",
        "At the slide's length it holds if every compressor gives C(X1) < C(X2) and codes X1 in "
        "fewer bits above its container than a fair coin's 45 bits: 8 (C(X1) - C(ε)) < 45. "
        "Otherwise the grid decides: at n symbols a compressor tells X1 = \"001\" repeated from "
        "n seeded random bits when 8 (C(X1) - C(ε)) < n and C(X1) < C(random), both written as "
        "'0'/'1' bytes and packed eight to a byte; it holds only from the smallest grid length "
        "from which every compressor tells them apart in both codings at that length and every "
        "longer one, and fails if some compressor never does.",
    },
    [KCB_EX_INCOMPRESSIBLE] = {
        "incompressible",
        "All but exponentially few sequences of a given length have near maximal Kolmogorov "
        "complexity and are thus incompressible.",
        "For each compressor, coding (random bytes; random bits written as '0'/'1') and length "
        "n in bits of information, N seeded strings are compressed and counted when shortened "
        "by at least c bits, 8 (C(x) - C(ε)) <= n - c (the container not counted, which favours "
        "the compressor), for c = 1, 2, 4, 8. Of the 2^n strings fewer than 2^(n-c) have "
        "descriptions that short, a fraction below 2^-c. It holds if no count is significantly "
        "above N 2^-c (one-sided exact binomial test at 0.05 divided by the number of tests); "
        "it fails otherwise.",
    },
    [KCB_EX_CONCAT] = {
        "concatenation",
        "K(X,Y) <= K(X) + K(Y) + c: concatenating two datasets makes the result more "
        "compressible than each individual dataset.",
        "Two readings, on every pair and compressor. Subadditivity: C(XY) <= C(X) + C(Y) + c "
        "with c = C(ε), the container (XY pays one, X and Y two); the table gives the gain "
        "C(X) + C(Y) - C(XY) and the smallest c. The sentence: XY is more compressible than "
        "each, its bits per byte above the container, 8 (C(XY) - C(ε)) / |XY|, below both X's "
        "and Y's. It holds if both readings hold on every row; it holds only if X and Y are "
        "related and XY fits the compressor's window or block when both hold on every row of "
        "related inputs that fit, but not on every other row; it fails otherwise.",
    },
    [KCB_EX_LEARNING] = {
        "compression-is-learning",
        "Compression is learning: kNN on the compression distance classifies text with no "
        "parameters (Jiang et al. 2023, gzip).",
        "1-nearest neighbour under NCD (test text first, one blank between) with the reference "
        "compressor, the first of -c (gzip:9 by default, as Jiang et al.). It holds if on every "
        "learning set the 95 % Wilson interval of its accuracy lies above the majority-class "
        "baseline (always answering the commonest training label); holds only on the sets "
        "where it does; fails if on none. How accuracy moves with the compressor is shown "
        "beside it, each compressor against the reference on the same test texts (the "
        "difference with a 95 % paired bootstrap interval of 2000 resamples, and McNemar's "
        "exact test); it does not enter the verdict.",
    },
    [KCB_EX_LEARNABLE] = {
        "compressible-is-learnable",
        "The more compressible the dataset, the easier it is to learn.",
        "Per dataset, with the reference compressor: the label gain (C(all) - sum over classes "
        "of C(class) + (L - 1) C(ε)) / C(all), the training texts joined in a seeded order and "
        "by class in the same order (the L classes pay L containers, all one: L - 1 are given "
        "back), i.e. how much knowing the labels helps to compress the data; and the "
        "relative error, 1-NN error divided by the error of the majority-class baseline. The "
        "claim predicts that they fall together: Spearman's rho below 0. Rho over datasets "
        "with a 95 % bootstrap interval (2000 resamples of the datasets). It holds if the "
        "interval lies below 0 in every group of datasets (built-in; real when present); holds "
        "only in the groups where it does; fails if in none.",
    },
    [KCB_EX_NFL] = {
        "no-free-lunch",
        "No free lunch: any two algorithms are equivalent averaged over all problems; each "
        "problem needs its own inductive bias.",
        "Three parts. Random data: every compressor expands uniformly random bytes at every "
        "size, C(x) > n. Random labels: with the training labels permuted 1000 times (seeded, "
        "the same 1-NN neighbours), every compressor's mean accuracy is at chance, the sum "
        "over labels of p_train p_test: within z sd / sqrt(1000) of it, z two-sided at 0.05 "
        "divided by the number of tests (the true labels' accuracy is shown against the same "
        "permutations). Structured data: on each input the compressor with the smallest C(x) wins "
        "(ties: all of them). It holds if the three hold and every compressor wins somewhere; "
        "holds only in the weak form, no compressor best on every input, if the first two hold "
        "and at least two compressors win somewhere; fails otherwise.",
    },
    [KCB_EX_BEST] = {
        "best-compressor",
        "State-of-the-art neural network = state-of-the-art compressor, i.e. close to K(X): a "
        "better compressor is a better learner.",
        "On each learning set every pair of compressors is ordered by their ratio on its "
        "training texts joined (the better compressor first) and compared by 1-NN accuracy on "
        "the same test texts (the difference with a 95 % paired bootstrap interval; McNemar's "
        "exact test). A set agrees when at least one pair differs significantly (the interval "
        "excludes 0) and every significant difference favours the better compressor. It holds "
        "if every set agrees; holds only on the sets that agree; fails if none does. The "
        "ratios on text corpora and the published figures are context, not part of the "
        "verdict.",
    },
};

const struct kcb_example *kcb_example(enum kcb_example_id id)
{
    return (unsigned)id < KCB_NEXAMPLES ? &examples[id] : NULL;
}

int kcb_example_find(const char *name)
{
    for (int i = 0; i < KCB_NEXAMPLES; i++)
        if (strcmp(examples[i].name, name) == 0)
            return i;
    return -1;
}

const char *kcb_verdict_name(enum kcb_verdict v)
{
    switch (v) {
    case KCB_VERDICT_HOLDS: return "holds";
    case KCB_VERDICT_FAILS: return "fails";
    case KCB_VERDICT_HOLDS_IF: return "holds only if";
    }
    return "?";
}

void kcb_finding_set(struct kcb_finding *f, enum kcb_verdict v, const char *fmt, ...)
{
    f->verdict = v;
    f->condition[0] = '\0';
    if (!fmt)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(f->condition, sizeof f->condition, fmt, ap);
    va_end(ap);
}

void kcb_finding_by_count(struct kcb_finding *f, size_t ok, size_t of, const char *fmt, ...)
{
    f->condition[0] = '\0';
    f->verdict = of && ok == of ? KCB_VERDICT_HOLDS : ok ? KCB_VERDICT_HOLDS_IF
                                                         : KCB_VERDICT_FAILS;
    if (f->verdict != KCB_VERDICT_HOLDS_IF)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(f->condition, sizeof f->condition, fmt, ap);
    va_end(ap);
}

void kcb_finding_add(char *text, const char *fmt, ...)
{
    size_t used = strlen(text);
    if (used + 1 >= KCB_FINDING_TEXT)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text + used, KCB_FINDING_TEXT - used, fmt, ap);
    va_end(ap);
}

/* ---- the shared state ---- */

int kcb_school_new(const struct kcb_school_opts *o, kcb_school **out)
{
    *out = NULL;
    if (!o->nspecs || !o->specs)
        return KCB_EINVAL;
    kcb_school *s = calloc(1, sizeof *s);
    if (!s)
        return KCB_ENOMEM;
    s->o = *o;
    *out = s;
    return KCB_OK;
}

void kcb_school_free(kcb_school *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->nsets; i++) {
        for (size_t k = 0; s->sets[i].nn && k < s->o.nspecs; k++)
            kcb_nn_free(&s->sets[i].nn[k]);
        free(s->sets[i].nn);
        free(s->sets[i].c_corpus);
        kcb_split_free(&s->sets[i].d);
    }
    free(s->sets);
    free(s);
}

const struct kcb_school_opts *kcb_school_opts(const kcb_school *s)
{
    return &s->o;
}

const char *kcb_school_data(const kcb_school *s, const char *path)
{
    char full[4096];
    struct stat st;
    if (!s->o.data || !*s->o.data)
        return NULL;
    snprintf(full, sizeof full, "%s/%s", s->o.data, path);
    return stat(full, &st) == 0 ? s->o.data : NULL;
}

/* ---- helpers of the examples ---- */

int kcb_size_of(const struct kcb_spec *spec, const void *x, size_t n, size_t *size)
{
    kcb_comp *c = NULL;
    int rc = kcb_comp_new(spec, &c);
    if (!rc)
        rc = kcb_comp_size(c, x, n, size);
    kcb_comp_free(c);
    return rc;
}

void kcb_shuffled_rows(uint64_t seed, uint64_t which, size_t n, size_t *rows)
{
    struct kcb_rng r;
    kcb_rng_stream(&r, seed, TAG_ORDER, which, n);
    for (size_t i = 0; i < n; i++)
        rows[i] = i;
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)kcb_rng_below(&r, i), t = rows[i - 1];
        rows[i - 1] = rows[j];
        rows[j] = t;
    }
}

int kcb_join(const struct kcb_dataset *d, const size_t *rows, size_t n, unsigned char **buf,
             size_t *len)
{
    size_t total = n;
    for (size_t i = 0; i < n; i++)
        total += d->text[rows[i]].n;
    unsigned char *p = malloc(total ? total : 1);
    if (!p)
        return KCB_ENOMEM;
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        if (i)
            p[at++] = '\n';
        if (d->text[rows[i]].n)
            memcpy(p + at, d->text[rows[i]].p, d->text[rows[i]].n);
        at += d->text[rows[i]].n;
    }
    *buf = p;
    *len = at;
    return KCB_OK;
}
