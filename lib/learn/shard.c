/* Shards of a test set (item mod N), the part that holds one shard's neighbours, and merging parts. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kcb/err.h"
#include "kcb/shard.h"

/* Reads a whole number in [1, KCB_SHARD_MAX] from text[0..n): 0 or -1. */
static int shard_number(const char *text, size_t n, size_t *out)
{
    size_t v = 0;
    if (!n || n > 6)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (text[i] < '0' || text[i] > '9')
            return -1;
        v = v * 10 + (size_t)(text[i] - '0');
    }
    if (v < 1 || v > KCB_SHARD_MAX)
        return -1;
    *out = v;
    return 0;
}

int kcb_shard_parse(const char *text, struct kcb_shard *out, char *why, size_t len)
{
    const char *slash = strchr(text, '/');
    struct kcb_shard s;
    if (!slash || shard_number(text, (size_t)(slash - text), &s.i) ||
        shard_number(slash + 1, strlen(slash + 1), &s.n))
        return kcb_why(why, len, KCB_EINVAL, "expected I/N, whole numbers with 1 <= I <= N <= %d",
                       KCB_SHARD_MAX);
    if (s.i > s.n)
        return kcb_why(why, len, KCB_EINVAL, "shard %zu of %zu: I is larger than N", s.i, s.n);
    *out = s;
    return KCB_OK;
}

int kcb_shard_has(struct kcb_shard s, size_t item)
{
    return item % s.n == s.i - 1;
}

size_t kcb_shard_count(struct kcb_shard s, size_t nitems)
{
    return nitems / s.n + (nitems % s.n >= s.i ? 1 : 0);
}

int kcb_part_init(struct kcb_part *p, size_t ntrain, size_t ntest, size_t nspecs, size_t k)
{
    if (!k || k > KCB_KNN_MAXK || !nspecs || ntrain >= UINT32_MAX ||
        ntest > SIZE_MAX / sizeof(struct kcb_nb) / k / nspecs)
        return KCB_ERANGE;
    size_t nnb = nspecs * ntest * k;
    p->shard = (struct kcb_shard){1, 1};
    p->ntrain = ntrain;
    p->ntest = ntest;
    p->nspecs = nspecs;
    p->k = k;
    p->train_label = malloc((ntrain ? ntrain : 1) * sizeof *p->train_label);
    p->train_line = calloc(ntrain ? ntrain : 1, sizeof *p->train_line);
    p->test_label = malloc((ntest ? ntest : 1) * sizeof *p->test_label);
    p->test_line = calloc(ntest ? ntest : 1, sizeof *p->test_line);
    p->have = calloc(ntest ? ntest : 1, 1);
    p->nb = malloc((nnb ? nnb : 1) * sizeof *p->nb);
    if (!p->train_label || !p->train_line || !p->test_label || !p->test_line || !p->have ||
        !p->nb) {
        kcb_part_free(p);
        return KCB_ENOMEM;
    }
    for (size_t i = 0; i < ntrain; i++)
        p->train_label[i] = -1;
    for (size_t i = 0; i < ntest; i++)
        p->test_label[i] = -1;
    for (size_t i = 0; i < nnb; i++)
        p->nb[i] = (struct kcb_nb){INFINITY, UINT32_MAX};
    return KCB_OK;
}

/* Copies n strings into a new array *out: 0 or KCB_ENOMEM (nothing allocated then). */
static int copy_strings(size_t n, const char *const *from, char ***out)
{
    char **v = calloc(n ? n : 1, sizeof *v);
    for (size_t i = 0; v && i < n; i++) {
        if (!(v[i] = strdup(from[i]))) {
            while (i)
                free(v[--i]);
            free(v);
            v = NULL;
        }
    }
    *out = v;
    return v ? KCB_OK : KCB_ENOMEM;
}

static void free_strings(char **v, size_t n)
{
    for (size_t i = 0; v && i < n; i++)
        free(v[i]);
    free(v);
}

/* Replaces the string array *dst (*dn strings) with a copy of src[0..n). */
static int replace_strings(char ***dst, size_t *dn, size_t n, const char *const *src)
{
    char **v;
    int rc = copy_strings(n, src, &v);
    if (!rc) {
        free_strings(*dst, *dn);
        *dst = v;
        *dn = n;
    }
    return rc;
}

int kcb_part_set_argv(struct kcb_part *p, size_t argc, const char *const *argv)
{
    return replace_strings(&p->argv, &p->argc, argc, argv);
}

int kcb_part_set_labels(struct kcb_part *p, size_t n, const char *const *names)
{
    return replace_strings(&p->labels, &p->nlabels, n, names);
}

void kcb_part_free(struct kcb_part *p)
{
    free_strings(p->argv, p->argc);
    free_strings(p->labels, p->nlabels);
    free(p->train_label);
    free(p->train_line);
    free(p->test_label);
    free(p->test_line);
    free(p->have);
    free(p->nb);
    memset(p, 0, sizeof *p);
}

/* ---- merging ---- */

/* Whether a and b are of one run: the same fingerprint, data and sizes. */
static int same_run(const struct kcb_part *a, const struct kcb_part *b)
{
    if (strcmp(a->fingerprint, b->fingerprint) || strcmp(a->train_digest, b->train_digest) ||
        strcmp(a->test_digest, b->test_digest) || a->ntrain != b->ntrain ||
        a->ntest != b->ntest || a->nspecs != b->nspecs || a->k != b->k ||
        a->nlabels != b->nlabels)
        return 0;
    for (size_t i = 0; i < a->nlabels; i++)
        if (strcmp(a->labels[i], b->labels[i]))
            return 0;
    return 1;
}

static int problem(struct kcb_merge_diag *d, enum kcb_merge_problem what, size_t part,
                   size_t other, size_t shard)
{
    *d = (struct kcb_merge_diag){what, part, other, shard};
    return KCB_EFORMAT;
}

/* Checks that parts are shards 1..N of one run, each once. */
static int check_parts(const struct kcb_part *parts, size_t n, struct kcb_merge_diag *d)
{
    size_t N = parts[0].shard.n;
    size_t *seen = calloc(N + 1, sizeof *seen); /* 1 + the index of the part of each shard */
    int rc = seen ? KCB_OK : KCB_ENOMEM;
    for (size_t p = 0; !rc && p < n; p++) {
        if (!same_run(&parts[p], &parts[0]))
            rc = problem(d, KCB_MERGE_FOREIGN, p, 0, 0);
        else if (parts[p].shard.n != N)
            rc = problem(d, KCB_MERGE_NSHARDS, p, 0, 0);
        else if (seen[parts[p].shard.i])
            rc = problem(d, KCB_MERGE_DUPLICATE, p, seen[parts[p].shard.i] - 1, 0);
        else
            seen[parts[p].shard.i] = p + 1;
    }
    for (size_t i = 1; !rc && i <= N; i++)
        if (!seen[i])
            rc = problem(d, KCB_MERGE_MISSING, 0, 0, i);
    free(seen);
    return rc;
}

/* Copies what part p holds into out. */
static void merge_one(const struct kcb_part *p, struct kcb_part *out)
{
    for (size_t j = 0; j < p->ntrain; j++) {
        if (p->train_label[j] >= 0) {
            out->train_label[j] = p->train_label[j];
            out->train_line[j] = p->train_line[j];
        }
    }
    for (size_t i = 0; i < p->ntest; i++) {
        if (!p->have[i])
            continue;
        out->have[i] = 1;
        out->test_label[i] = p->test_label[i];
        out->test_line[i] = p->test_line[i];
        for (size_t s = 0; s < p->nspecs; s++)
            memcpy(out->nb + (s * p->ntest + i) * p->k, p->nb + (s * p->ntest + i) * p->k,
                   p->k * sizeof *p->nb);
    }
}

int kcb_parts_merge(const struct kcb_part *parts, size_t n, struct kcb_part *out,
                    struct kcb_merge_diag *diag)
{
    const struct kcb_part *a = &parts[0];
    *diag = (struct kcb_merge_diag){KCB_MERGE_OK, 0, 0, 0};
    int rc = check_parts(parts, n, diag);
    if (!rc)
        rc = kcb_part_init(out, a->ntrain, a->ntest, a->nspecs, a->k);
    if (!rc)
        rc = kcb_part_set_argv(out, a->argc, (const char *const *)a->argv);
    if (!rc)
        rc = kcb_part_set_labels(out, a->nlabels, (const char *const *)a->labels);
    if (rc) {
        if (rc != KCB_EFORMAT)
            kcb_part_free(out);
        return rc;
    }
    memcpy(out->fingerprint, a->fingerprint, sizeof out->fingerprint);
    memcpy(out->train_digest, a->train_digest, sizeof out->train_digest);
    memcpy(out->test_digest, a->test_digest, sizeof out->test_digest);
    for (size_t p = 0; p < n; p++)
        merge_one(&parts[p], out);
    return KCB_OK;
}
