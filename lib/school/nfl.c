/* no-free-lunch: random data expands, random labels stay at chance, winners vary by input. */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kcb/err.h"
#include "kcb/gen.h"
#include "kcb/io.h"
#include "kcb/rng.h"
#include "kcb/school.h"
#include "school_int.h"

static const size_t random_sizes[] = {1024, 16384, 262144};
#define NRANDOM (sizeof random_sizes / sizeof random_sizes[0])

/* ---- random data ---- */

static int random_rows(const struct kcb_school_opts *o, struct kcb_nfl *out)
{
    unsigned char *buf = malloc(random_sizes[NRANDOM - 1]);
    int rc = buf ? KCB_OK : KCB_ENOMEM;
    for (size_t i = 0; !rc && i < NRANDOM; i++) {
        size_t n = random_sizes[i];
        kcb_gen_random(kcb_rng_stream_seed(o->seed, TAG_NFL, 0, n), buf, n);
        for (size_t k = 0; !rc && k < o->nspecs; k++) {
            struct kcb_nfl_random *r = &out->rnd[out->nrnd++];
            *r = (struct kcb_nfl_random){&o->specs[k], n, 0, 0};
            rc = kcb_size_of(r->spec, buf, n, &r->cx);
            if (!rc)
                rc = kcb_size_of(r->spec, "", 0, &r->cempty);
        }
    }
    free(buf);
    return rc;
}

/* ---- random labels: the neighbours of compression-is-learning, the labels permuted ---- */

static double chance_of(const struct kcb_split *d)
{
    size_t L = d->labels->n;
    double *pt = calloc(2 * (L ? L : 1), sizeof *pt), c = 0;
    if (!pt)
        return NAN;
    for (size_t i = 0; i < d->train->n; i++)
        pt[d->train->label[i]] += 1.0 / (double)d->train->n;
    for (size_t i = 0; i < d->test->n; i++)
        pt[L + (size_t)d->test->label[i]] += 1.0 / (double)d->test->n;
    for (size_t l = 0; l < L; l++)
        c += pt[l] * pt[L + l];
    free(pt);
    return c;
}

#define PERMS 1000

/* The permutations' accuracies of one compressor into acc[0..PERMS): perm[p * ntr ..] is
 * permutation p of the training rows, whose labels the nearest rows then wear. */
static void permuted(const struct kcb_split *d, const struct kcb_nn *nn, const size_t *perm,
                     double *acc)
{
    size_t ntr = d->train->n, nte = d->test->n;
    for (size_t p = 0; p < PERMS; p++) {
        size_t right = 0;
        for (size_t t = 0; t < nte; t++)
            right += d->train->label[perm[p * ntr + nn->nearest[t]]] == d->test->label[t];
        acc[p] = (double)right / (double)nte;
    }
}

static void label_row(const struct kcb_learnset *ls, size_t k, const struct kcb_spec *spec,
                      double *acc, struct kcb_nfl_label *r)
{
    const struct kcb_split *d = &ls->d;
    size_t better = 0;
    double sum = 0, sq = 0;
    *r = (struct kcb_nfl_label){.dataset = d->name, .spec = spec, .ntest = d->test->n,
                                .perms = PERMS, .chance = chance_of(d)};
    r->acc_true = (double)ls->nn[k].right / (double)r->ntest;
    for (size_t p = 0; p < PERMS; p++) {
        sum += acc[p];
        better += acc[p] >= r->acc_true;
    }
    r->mean = sum / PERMS;
    for (size_t p = 0; p < PERMS; p++)
        sq += (acc[p] - r->mean) * (acc[p] - r->mean);
    r->sd = sqrt(sq / (PERMS - 1));
    r->p_true = (1.0 + (double)better) / (1.0 + PERMS);
    kcb_percentiles(acc, PERMS, KCB_SCHOOL_LEVEL, &r->lo, &r->hi);
}

static int label_rows(kcb_school *s, struct kcb_nfl *out)
{
    const struct kcb_school_opts *o = &s->o;
    const struct kcb_learnset *sets;
    size_t n;
    int rc = kcb_school_learnsets(s, &sets, &n);
    for (size_t i = 0; !rc && i < n; i++) {
        const struct kcb_split *d = &sets[i].d;
        size_t ntr = d->train->n, *perm = malloc(PERMS * ntr * sizeof *perm);
        double *acc = malloc(PERMS * sizeof *acc);
        if (!perm || !acc)
            rc = KCB_ENOMEM;
        for (size_t p = 0; !rc && p < PERMS; p++)
            kcb_shuffled_rows(kcb_rng_stream_seed(o->seed, TAG_SHUFFLED, i, p), 0, ntr,
                              perm + p * ntr);
        for (size_t k = 0; !rc && k < o->nspecs; k++) {
            permuted(d, &sets[i].nn[k], perm, acc);
            label_row(&sets[i], k, &o->specs[k], acc, &out->lab[out->nlab++]);
        }
        free(perm);
        free(acc);
    }
    return rc;
}

/* ---- structured inputs ---- */

#define NBUILTIN 9

/* Writes built-in input k (its name and bytes) into *buf: 0 or kcb_err. */
static int builtin_input(uint64_t seed, int k, char *name, size_t nlen, unsigned char **buf,
                         size_t *n)
{
    static const char *const names[NBUILTIN] = {
        "X1 = \"001\" x 15", "a text of 80 bytes", "text, order 3, 64 KiB",
        "text, order 1, 16 KiB", "random letters, 16 KiB", "random '0'/'1', 16 KiB",
        "40 KiB random, twice", "numbers 1 to 10000", "200 random bytes x 100"};
    static const size_t sizes[NBUILTIN] = {45, 80, 65536, 16384, 16384, 16384, 81920, 48894,
                                           20000};
    uint64_t r = kcb_rng_stream_seed(seed, TAG_NFL, 1, (uint64_t)k);
    snprintf(name, nlen, "%s", names[k]);
    *n = sizes[k];
    unsigned char *p = *buf = malloc(*n + 8);
    if (!p)
        return KCB_ENOMEM;
    switch (k) {
    case 0: return kcb_gen_repeat("001", 3, p, *n);
    case 1: return kcb_gen_markov(seed, 0, 3, 7, p, *n);
    case 2: return kcb_gen_markov(seed, 1, 3, 0, p, *n);
    case 3: return kcb_gen_markov(seed, 2, 1, 0, p, *n);
    case 4: kcb_gen_random_text(r, p, *n); return KCB_OK;
    case 5:
        kcb_gen_random(r, p, *n);
        for (size_t i = 0; i < *n; i++)
            p[i] = (unsigned char)('0' + (p[i] & 1));
        return KCB_OK;
    case 6:
        kcb_gen_random(r, p, *n / 2);
        memcpy(p + *n / 2, p, *n / 2);
        return KCB_OK;
    case 7:
        *n = 0;
        for (int v = 1; v <= 10000; v++)
            *n += (size_t)sprintf((char *)p + *n, "%d\n", v);
        return KCB_OK;
    default: {
        unsigned char block[200];
        kcb_gen_random(r, block, sizeof block);
        return kcb_gen_repeat(block, sizeof block, p, *n);
    }
    }
}

static const char *const canterbury[] = {"alice29.txt", "asyoulik.txt", "cp.html", "fields.c",
                                         "grammar.lsp", "kennedy.xls", "lcet10.txt",
                                         "plrabn12.txt", "ptt5", "sum", "xargs.1"};
#define NCANT (sizeof canterbury / sizeof canterbury[0])

static int input_rows(kcb_school *s, struct kcb_nfl *out)
{
    const struct kcb_school_opts *o = &s->o;
    const char *dir = kcb_school_data(s, "canterbury/alice29.txt");
    int rc = KCB_OK;
    for (size_t k = 0; !rc && k < NBUILTIN + (dir ? NCANT : 0); k++) {
        char name[48], path[4096];
        unsigned char *buf = NULL;
        size_t n = 0;
        if (k < NBUILTIN) {
            rc = builtin_input(o->seed, (int)k, name, sizeof name, &buf, &n);
        } else {
            snprintf(name, sizeof name, "%s", canterbury[k - NBUILTIN]);
            snprintf(path, sizeof path, "%s/canterbury/%s", dir, name);
            rc = kcb_read_file(path, &buf, &n);
        }
        for (size_t j = 0; !rc && j < o->nspecs; j++) {
            struct kcb_nfl_input *r = &out->in[out->nin++];
            *r = (struct kcb_nfl_input){.real = k >= NBUILTIN, .spec = &o->specs[j], .bytes = n};
            snprintf(r->input, sizeof r->input, "%s", name);
            rc = kcb_size_of(r->spec, buf, n, &r->cx);
        }
        free(buf);
    }
    return rc;
}

int kcb_nfl_run(kcb_school *s, struct kcb_nfl *out)
{
    const struct kcb_school_opts *o = kcb_school_opts(s);
    size_t ns = o->nspecs;
    memset(out, 0, sizeof *out);
    out->rnd = calloc(NRANDOM * ns, sizeof *out->rnd);
    out->lab = calloc(2 * ns, sizeof *out->lab);
    out->in = calloc((NBUILTIN + NCANT) * ns, sizeof *out->in);
    int rc = out->rnd && out->lab && out->in ? KCB_OK : KCB_ENOMEM;
    if (!rc)
        rc = random_rows(o, out);
    if (!rc)
        rc = label_rows(s, out);
    if (!rc)
        rc = input_rows(s, out);
    if (rc) {
        kcb_nfl_free(out);
        return rc;
    }
    kcb_finding_add(out->f.data, "random data: 1, 16 and 256 KiB of seeded random bytes; random "
                    "labels: the learning sets of compression-is-learning with their training "
                    "labels permuted %d times (seeded), the same 1-NN neighbours; structured "
                    "data: %d built-in inputs%s", PERMS, NBUILTIN,
                    out->nin > NBUILTIN * ns ? " and the 11 files of the Canterbury corpus" : "");
    kcb_nfl_judge(out);
    return KCB_OK;
}

void kcb_nfl_free(struct kcb_nfl *r)
{
    free(r->rnd);
    free(r->lab);
    free(r->in);
    memset(r, 0, sizeof *r);
}

/* ---- the verdict ---- */

/* Marks the winners of each input (the smallest C(x); ties all win); counts them per compressor
 * into wins (indexed like the first input's rows). */
static void mark_winners(struct kcb_nfl *r, size_t ns, size_t *wins)
{
    for (size_t i = 0; i + ns <= r->nin; i += ns) {
        size_t best = r->in[i].cx;
        for (size_t k = 1; k < ns; k++)
            best = r->in[i + k].cx < best ? r->in[i + k].cx : best;
        for (size_t k = 0; k < ns; k++)
            wins[k] += r->in[i + k].wins = r->in[i + k].cx == best;
    }
}

/* The number of compressors: the rows of the first input. */
static size_t compressors(const struct kcb_nfl *r)
{
    size_t ns = 0;
    while (ns < r->nin && (ns == 0 || strcmp(r->in[ns].input, r->in[0].input) == 0))
        ns++;
    return ns;
}

void kcb_nfl_judge(struct kcb_nfl *r)
{
    size_t expanded = 0, chance = 0, ns = compressors(r), winners = 0;
    size_t *wins = calloc(ns ? ns : 1, sizeof *wins);
    long lo = LONG_MAX, hi = LONG_MIN;
    char name[48], none[KCB_FINDING_TEXT] = "";
    r->f.evidence[0] = '\0';
    for (size_t i = 0; i < r->nrnd; i++) {
        long extra = (long)r->rnd[i].cx - (long)r->rnd[i].bytes;
        expanded += extra > 0;
        lo = extra < lo ? extra : lo;
        hi = extra > hi ? extra : hi;
    }
    double z = kcb_z(1 - 0.05 / (double)(r->nlab ? r->nlab : 1));
    for (size_t i = 0; i < r->nlab; i++) {
        struct kcb_nfl_label *w = &r->lab[i];
        chance += w->at_chance = fabs(w->mean - w->chance) <= z * w->sd / sqrt((double)w->perms);
    }
    if (wins)
        mark_winners(r, ns, wins);
    kcb_finding_add(r->f.evidence, "Random bytes: %zu of %zu expanded (by %ld to %ld bytes). "
                    "Random labels: %zu of %zu mean accuracies at chance. Structured data, wins "
                    "of %zu inputs:", expanded, r->nrnd, lo, hi, chance, r->nlab,
                    ns ? r->nin / ns : 0);
    for (size_t k = 0; wins && k < ns; k++) {
        kcb_spec_str(r->in[k].spec, name, sizeof name);
        kcb_finding_add(r->f.evidence, "%s %s %zu", k ? "," : "", name, wins[k]);
        winners += wins[k] > 0;
        if (!wins[k])
            kcb_finding_add(none, "%s%s", *none ? ", " : "", name);
    }
    kcb_finding_add(r->f.evidence, ns < 2 ? "; with one compressor there is nothing to "
                    "compare." : ".");
    free(wins);
    int base = r->nrnd && expanded == r->nrnd && chance == r->nlab;
    if (base && ns >= 2 && winners == ns)
        kcb_finding_set(&r->f, KCB_VERDICT_HOLDS, NULL);
    else if (base && winners >= 2)
        kcb_finding_set(&r->f, KCB_VERDICT_HOLDS_IF, "it is read in its weak form: no "
                        "compressor is best on every input, though %s %s best on none", none,
                        winners + 1 < ns ? "are" : "is");
    else
        kcb_finding_set(&r->f, KCB_VERDICT_FAILS, NULL);
}
