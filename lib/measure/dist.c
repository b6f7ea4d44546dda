/* Compression distances and the matrix of compressed sizes they come from. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kcb/err.h"
#include "kcb/dist.h"
#include "kcb/text.h"

static const char *const dist_names[] = {"ncd", "cdm", "clm"};

int kcb_dist_parse(const char *name, enum kcb_dist *out)
{
    int i = kcb_name_find(dist_names, sizeof dist_names / sizeof dist_names[0], name);
    if (i < 0)
        return KCB_EINVAL;
    *out = (enum kcb_dist)i;
    return KCB_OK;
}

const char *kcb_dist_name(enum kcb_dist d)
{
    return (unsigned)d < sizeof dist_names / sizeof dist_names[0] ? dist_names[d] : "?";
}

double kcb_dist(enum kcb_dist d, size_t cx, size_t cy, size_t cxy)
{
    double x = (double)cx, y = (double)cy, xy = (double)cxy;
    double lo = x < y ? x : y, hi = x < y ? y : x;
    switch (d) {
    case KCB_DIST_NCD:
        return hi > 0 ? (xy - lo) / hi : 0.0;
    case KCB_DIST_CDM:
        return x + y > 0 ? xy / (x + y) : 0.0;
    case KCB_DIST_CLM:
        return xy > 0 ? 1.0 - (x + y - xy) / xy : 0.0;
    }
    return 0.0;
}

int kcb_sizes_matrix(kcb_comp *c, const struct kcb_blob *x, size_t n, const void *sep,
                     size_t nsep, size_t *single, size_t *pair)
{
    for (size_t i = 0; i < n; i++) {
        int rc = kcb_comp_size(c, x[i].p, x[i].n, &single[i]);
        if (rc)
            return rc;
    }
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < n; j++) {
            int rc = kcb_comp_size_cat(c, x[i].p, x[i].n, sep, nsep, x[j].p, x[j].n,
                                       &pair[i * n + j]);
            if (rc)
                return rc;
        }
    }
    return KCB_OK;
}

/* A blob with its hash and index, sorted so that equal bytes become adjacent. */
struct keyed {
    uint64_t hash;
    const struct kcb_blob *b;
    size_t i;
};

/* Compares the bytes: hash first, then length, then content. */
static int cmp_bytes(const struct keyed *a, const struct keyed *b)
{
    if (a->hash != b->hash)
        return a->hash < b->hash ? -1 : 1;
    if (a->b->n != b->b->n)
        return a->b->n < b->b->n ? -1 : 1;
    return a->b->n ? memcmp(a->b->p, b->b->p, a->b->n) : 0;
}

/* By bytes, then by index, so the first occurrence leads its group. */
static int cmp_keyed(const void *pa, const void *pb)
{
    const struct keyed *a = pa, *b = pb;
    int c = cmp_bytes(a, b);
    return c ? c : (a->i > b->i) - (a->i < b->i);
}

int kcb_blobs_distinct(const struct kcb_blob *x, size_t n, size_t *id, size_t *nid)
{
    struct keyed *k = malloc((n ? n : 1) * sizeof *k);
    if (!k)
        return KCB_ENOMEM;
    for (size_t i = 0; i < n; i++)
        k[i] = (struct keyed){kcb_fnv1a(x[i].p, x[i].n), &x[i], i};
    qsort(k, n, sizeof *k, cmp_keyed);
    /* id[i]: the index of x[i]'s first occurrence, which leads its group of equal bytes */
    for (size_t g = 0; g < n; g++)
        id[k[g].i] = g && cmp_bytes(&k[g - 1], &k[g]) == 0 ? id[k[g - 1].i] : k[g].i;
    free(k);
    /* then the first occurrences numbered in order of appearance (id[i] <= i throughout) */
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        id[i] = id[i] == i ? count++ : id[id[i]];
    *nid = count;
    return KCB_OK;
}

int kcb_sizes_rect(kcb_comp *c, const struct kcb_blob *x, size_t n, const size_t *rows,
                   size_t nr, const size_t *cols, size_t nc, const void *sep, size_t nsep,
                   size_t *single, size_t *pair)
{
    for (size_t k = 0; k < n; k++) {
        int rc = kcb_comp_size(c, x[k].p, x[k].n, &single[k]);
        if (rc)
            return rc;
    }
    for (size_t i = 0; i < nr; i++) {
        const struct kcb_blob *a = &x[rows[i]];
        for (size_t j = 0; j < nc; j++) {
            const struct kcb_blob *b = &x[cols[j]];
            int rc = kcb_comp_size_cat(c, a->p, a->n, sep, nsep, b->p, b->n, &pair[i * nc + j]);
            if (rc)
                return rc;
        }
    }
    return KCB_OK;
}
